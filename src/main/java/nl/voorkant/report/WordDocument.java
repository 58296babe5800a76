package nl.voorkant.report;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * The report's core as a Word document ({@code report.docx}) to paste into a briefing: the key
 * findings, then the body up to the appendix, on A4. Real Word structure, so that what is pasted
 * keeps its shape: built-in heading styles (the navigation pane lists the sections), bullets from
 * the numbering part, tables whose header row repeats on every page and whose rows never split,
 * charts as inline pictures the width of the text with their caption beneath.
 */
final class WordDocument {
    /** A4 in twentieths of a point, with 2 cm margins. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN = 1134;
    static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final int EMU_PER_TWIP = Units.EMU_PER_POINT / 20;
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    private static final String CAPTION = "Caption";
    private static final String LIST = "ListParagraph";
    private static final String TABLE_TEXT = "TableText";
    private static final String HEADER_FILL = "EEF3F8";
    private static final String RULE = "BFBFBF";
    /** A table's text size in points: the largest at which its figures and header words fit whole. */
    private static final int[] SIZES = {8, 7, 6};
    /** The sizes at which a table is set rather than wrap its cells' text. */
    private static final int[] UNWRAPPED_SIZES = {8, 7};
    /** A column is as wide as its longest text up to this many characters; beyond, its text wraps. */
    private static final int MAX_CHARS = 40;
    /** A longer word in a text cell (a code, an identifier) may break rather than widen its column. */
    private static final int LONGEST_WHOLE_WORD = 12;
    /** Left and right inside a cell, in twips. */
    private static final int CELL_MARGIN = 70;

    private final XWPFDocument doc;
    private final BigInteger bullets;
    private int pictures;

    private WordDocument(XWPFDocument doc, Locale locale) {
        this.doc = doc;
        doc.createStyles().setStyles(parseStyles(locale));
        try {
            CTAbstractNum list = NumberingDocument.Factory.parse(BULLETS).getNumbering().getAbstractNumArray(0);
            this.bullets = doc.createNumbering().addNum(doc.getNumbering().addAbstractNum(new XWPFAbstractNum(list)));
        } catch (XmlException e) {
            throw new IllegalStateException("the bullet list's definition does not parse", e);
        }
    }

    /**
     * Writes the document: title and subtitle, the findings, every block before the first
     * {@link Block.Appendix}, and {@code closing} (where the rest is) as the last line.
     */
    static void write(Path file, String title, String subtitle, String closing, Locale locale, List<Block> blocks)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            WordDocument w = new WordDocument(doc, locale);
            w.footer();
            w.properties(title, subtitle, locale);
            w.paragraph("Title", title);
            w.paragraph("Subtitle", subtitle);
            for (Block b : blocks) {
                if (b instanceof Block.Findings k) w.findings(k);
            }
            for (Block b : body(blocks)) w.add(b);
            w.paragraph(null, closing).getRuns().get(0).setItalic(true);
            w.pageSetup(doc.getDocument().getBody().getSectPr());
            doc.write(out);
        }
    }

    /** The blocks the document shows after the findings: those before the appendix, findings aside. */
    static List<Block> body(List<Block> blocks) {
        int end = 0;
        while (end < blocks.size() && !(blocks.get(end) instanceof Block.Appendix)) end++;
        return blocks.subList(0, end).stream().filter(b -> !(b instanceof Block.Findings)).toList();
    }

    private void add(Block b) throws IOException {
        if (b instanceof Block.Section s) {
            paragraph(HEADING_1, s.number() + ". " + s.title());
        } else if (b instanceof Block.Subheading h) {
            paragraph(HEADING_2, h.text());
        } else if (b instanceof Block.Paragraph p) {
            paragraph(null, p.text());
        } else if (b instanceof Block.Bullets l) {
            bullets(l.items());
        } else if (b instanceof Block.TableBlock t) {
            table(t);
        } else if (b instanceof Block.Chart c) {
            chart(c);
        }
    }

    private void findings(Block.Findings k) {
        paragraph(HEADING_1, k.title());
        bullets(k.items());
    }

    private XWPFParagraph paragraph(String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        p.createRun().setText(text);
        return p;
    }

    private void bullets(List<String> items) {
        for (String item : items) paragraph(LIST, item).setNumID(bullets);
    }

    private void table(Block.TableBlock t) {
        int columns = t.headers().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, columns);
        Layout layout = layout(t, TEXT_WIDTH);
        int[] widths = layout.widths();
        int fontSize = layout.fontSize();
        table.setWidth(String.valueOf(layout.width()));
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
        table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
        table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
        table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, RULE);
        table.setCellMargins(20, CELL_MARGIN, 20, CELL_MARGIN);
        // Word needs the grid (POI leaves it out); the cells' widths alone do not fix a column.
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int w : widths) grid.addNewGridCol().setW(BigInteger.valueOf(w));
        boolean[] numeric = numericColumns(t);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor(HEADER_FILL);
            cell(cell, widths[c], t.headers().get(c), numeric[c], true, fontSize);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<Block.Cell> cells = t.rows().get(r);
            for (int c = 0; c < columns; c++) {
                Block.Cell value = c < cells.size() ? cells.get(c) : new Block.Cell("", false);
                cell(row.getCell(c), widths[c], value.text(), value.numeric(), false, fontSize);
            }
        }
        // A table directly followed by the next one would merge with it: a paragraph keeps them apart.
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void cell(XWPFTableCell cell, int width, String text, boolean right, boolean bold, int fontSize) {
        cell.setWidth(String.valueOf(width));
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle(TABLE_TEXT);
        if (right) p.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun run = p.createRun();
        // Bold before the size: Word wants a run's properties in the schema's order.
        if (bold) run.setBold(true);
        run.setFontSize(fontSize);
        run.setText(text);
    }

    /** A column is numeric, its header right-aligned over its figures, when every cell in it is. */
    static boolean[] numericColumns(Block.TableBlock t) {
        boolean[] numeric = new boolean[t.headers().size()];
        for (int c = 0; c < numeric.length; c++) {
            final int column = c;
            numeric[c] = !t.rows().isEmpty() && t.rows().stream().allMatch(r -> column < r.size() && r.get(column).numeric());
        }
        return numeric;
    }

    /** How a table is set: its text size (points) and its columns' widths (twips). */
    record Layout(int fontSize, int[] widths) {
        int width() {
            return Arrays.stream(widths).sum();
        }
    }

    /**
     * Columns as wide as their longest text, at most {@link #MAX_CHARS} characters, and the table no wider
     * than {@code total}, at 8 points or else 7. Where that is too wide, text columns give way: each keeps
     * at least its longest word (a header wraps at its spaces; a word in a cell up to
     * {@link #LONGEST_WHOLE_WORD}) and its figures whole, since a number broken over two lines misreads, at
     * the largest size where that fits, down to 6 points; where not at 6 either, they are squeezed in proportion.
     */
    static Layout layout(Block.TableBlock t, int total) {
        int n = t.headers().size();
        int[] figures = new int[n];
        int[] least = new int[n];
        int[] wanted = new int[n];
        for (int c = 0; c < n; c++) {
            least[c] = longestWord(t.headers().get(c));
            wanted[c] = least[c];
            for (List<Block.Cell> row : t.rows()) {
                if (c >= row.size()) continue;
                Block.Cell cell = row.get(c);
                if (cell.numeric()) figures[c] = Math.max(figures[c], cell.text().length());
                least[c] = Math.max(least[c], cell.numeric() ? cell.text().length()
                        : Math.min(longestWord(cell.text()), LONGEST_WHOLE_WORD));
                wanted[c] = Math.max(wanted[c], cell.text().length());
            }
            figures[c] = Math.min(figures[c], MAX_CHARS);
            least[c] = Math.min(least[c], MAX_CHARS);
            wanted[c] = Math.max(least[c], Math.min(wanted[c], MAX_CHARS));
        }
        // Smaller type before wrapped cells, down to 7 points; below that, wrapped cells before smaller type.
        int size = largestFitting(wanted, total, UNWRAPPED_SIZES);
        if (size == 0) size = largestFitting(least, total, SIZES);
        if (size == 0) size = SIZES[SIZES.length - 1];
        final int points = size;
        List<int[]> tiers = Stream.of(figures, least, wanted)
                .map(chars -> Arrays.stream(chars).map(k -> twips(k, points)).toArray()).toList();
        return new Layout(size, share(tiers, total));
    }

    /**
     * Widths from tiers of wants, each at least the one before (figures whole, then words whole, then
     * text unwrapped): the last tier that fits {@code total}, and of the room left each column gets the
     * share of the next tier that it lacks. Where not even the first fits, it is scaled down.
     */
    static int[] share(List<int[]> tiers, int total) {
        int[] lower = null;
        for (int[] tier : tiers) {
            int sum = Arrays.stream(tier).sum();
            if (sum <= total) {
                lower = tier;
                continue;
            }
            int[] widths = new int[tier.length];
            int lowerSum = lower == null ? 0 : Arrays.stream(lower).sum();
            for (int c = 0; c < tier.length; c++) {
                int from = lower == null ? 0 : lower[c];
                widths[c] = from + (int) ((long) (tier[c] - from) * (total - lowerSum) / (sum - lowerSum));
            }
            return widths;
        }
        return lower;
    }

    /** A column's width for so many characters at a size: 0.55 em a character (Arial, bold headers), and the cell's margins. */
    private static int twips(int chars, int fontSize) {
        return chars * fontSize * 11 + 2 * CELL_MARGIN + 20;
    }

    /** The largest of {@code sizes} (largest first) at which columns of so many characters fit {@code total}; 0 if none. */
    private static int largestFitting(int[] chars, int total, int[] sizes) {
        for (int size : sizes) {
            if (twips(chars, size) <= total) return size;
        }
        return 0;
    }

    private static int twips(int[] chars, int fontSize) {
        int sum = 0;
        for (int c : chars) sum += twips(c, fontSize);
        return sum;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) longest = Math.max(longest, word.length());
        return longest;
    }

    /** The chart the width of the text, kept with its caption below it; the caption is also its alt text. */
    private void chart(Block.Chart c) throws IOException {
        Dimension size = size(c);
        int width = TEXT_WIDTH * EMU_PER_TWIP;
        int height = (int) ((long) width * size.height / size.width);
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(0); // also makes the paragraph's properties, which setKeepNext expects
        p.setKeepNext(true);
        try {
            XWPFPicture picture = p.createRun().addPicture(new ByteArrayInputStream(c.png()), PictureType.PNG,
                    c.file() + ".png", width, height);
            picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(c.caption());
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("a PNG chart is refused as a picture", e);
        }
        // POI numbers every drawing 0; Word expects each its own id.
        var drawing = p.getCTP().getRArray(0).getDrawingArray(0).getInlineArray(0).getDocPr();
        drawing.setId(++pictures);
        drawing.setName(c.file());
        drawing.setDescr(c.caption());
        paragraph(CAPTION, c.caption());
    }

    /** The chart's pixel size from its header: decoding every chart only to measure it took 70 ms each. */
    private static Dimension size(Block.Chart c) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(c.png()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("chart " + c.file() + " is not an image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * A4 portrait with 2 cm margins, throughout: a table made to fit it pastes into a briefing's own
     * portrait pages without running over their margins.
     */
    private static void pageSetup(CTSectPr section) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(MARGIN / 2));
        margins.setFooter(BigInteger.valueOf(MARGIN / 2));
        margins.setGutter(BigInteger.ZERO);
    }

    /** The page number, centred in the footer, as a field that Word and LibreOffice fill in; every section shows it. */
    private void footer() {
        XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        footer.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField number = footer.getCTP().addNewFldSimple();
        number.setInstr("PAGE");
        number.addNewR().addNewT().setStringValue("1");
    }

    private void properties(String title, String subtitle, Locale locale) {
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setDescription(subtitle);
        core.setCreator("voorkant");
        core.getUnderlyingProperties().setLanguageProperty(locale.toLanguageTag());
    }

    private static org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles parseStyles(Locale locale) {
        try {
            return StylesDocument.Factory.parse(STYLES.replace("LANG", locale.toLanguageTag())).getStyles();
        } catch (XmlException e) {
            throw new IllegalStateException("the document's styles do not parse", e);
        }
    }

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    /**
     * The look, in the order the schema requires (Word refuses a file whose elements are out of order).
     * The heading styles carry Word's built-in names ("heading 1") and an outline level, which is what
     * the navigation pane, a table of contents and a paste into another document go by.
     */
    private static final String STYLES = """
            <w:styles %s>
             <w:docDefaults>
              <w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>\
            <w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="LANG"/></w:rPr></w:rPrDefault>
              <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
             </w:docDefaults>
             <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:widowControl/></w:pPr><w:rPr><w:color w:val="222222"/></w:rPr></w:style>
             <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr>\
            <w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
             <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>\
            <w:rPr><w:color w:val="555555"/></w:rPr></w:style>
             <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>\
            <w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="1F4E79"/></w:pBdr>\
            <w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>\
            <w:rPr><w:b/><w:bCs/><w:color w:val="1F4E79"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
             <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>\
            <w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>\
            <w:rPr><w:b/><w:bCs/><w:color w:val="333333"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
             <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/>\
            <w:pPr><w:spacing w:before="60" w:after="240"/></w:pPr><w:rPr><w:i/><w:color w:val="555555"/>\
            <w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
             <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>\
            <w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="60"/>\
            <w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>
             <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/>\
            <w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepLines/><w:spacing w:after="0" w:line="240" \
            w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
            </w:styles>
            """.formatted(W);

    /** One bullet list for all: a round bullet, hanging as the list paragraph's indent. */
    private static final String BULLETS = """
            <w:numbering %s><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>\
            <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum></w:numbering>
            """.formatted(W);
}
