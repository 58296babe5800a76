package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;

class WordDocumentTest {
    private static final String CLOSING = "De volledige tabellen staan in tables.xlsx.";

    /** A PNG of the given size, as a chart would be (16:9 like Charts' slides). */
    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static Block.Cell text(String s) {
        return new Block.Cell(s, false);
    }

    static Block.Cell figure(String s) {
        return new Block.Cell(s, true);
    }

    /** A report as Sections would make it: the findings, two sections with four charts, and an appendix after them. */
    static List<Block> blocks() throws IOException {
        byte[] chart = png(160, 90);
        return List.of(
                new Block.Findings("Kernpunten", List.of("Het lokale aandeel is 12% in 2019.", "30% vraagt 40 cliënten per jaar.")),
                new Block.Section("s1", 1, "Data en kwaliteit"),
                new Block.Paragraph("Welke bestanden zijn gelezen."),
                new Block.TableBlock("quality", List.of("grootheid", "waarde"), List.of(
                        List.of(text("regels gelezen"), figure("1.234")),
                        List.of(text("bedrag gelezen"), figure("€ 1.234,56")))),
                new Block.Chart("clients_per_month", "Cliënten per maand", chart),
                new Block.Section("s2", 2, "Stroom per productgroep"),
                new Block.Subheading("Instroom en uitstroom"),
                new Block.Bullets(List.of("instroom stijgt", "uitstroom daalt")),
                new Block.Chart("inflow_outflow", "Instroom en uitstroom", chart),
                new Block.Chart("local_share", "Lokaal aandeel", chart),
                new Block.Chart("baseline_cost_eur", "Kosten", chart),
                new Block.Appendix("appendix", "Bijlage", "De lange tabellen."),
                new Block.Section("s9", 9, "Basislijn per jaar"),
                new Block.TableBlock("baseline_projection", List.of("jaar", "appendixcijfer"), List.of(
                        List.of(figure("2031"), figure("987654")))),
                new Block.Chart("fan", "Waaier in de bijlage", chart));
    }

    static XWPFDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    @Test
    void theFindingsComeFirstAsAHeadingAndBulletsThenTheBodyInWordsHeadingStyles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.docx");
        WordDocument.write(file, "Jeugdhulp naar de voorkant", "Gemaakt door voorkant", CLOSING,
                Locale.forLanguageTag("nl-NL"), blocks());
        try (XWPFDocument doc = read(file)) {
            List<XWPFParagraph> p = doc.getParagraphs();
            assertEquals(List.of("Title", "Subtitle", WordDocument.HEADING_1, "ListParagraph", "ListParagraph"),
                    p.subList(0, 5).stream().map(XWPFParagraph::getStyle).toList(), "title, subtitle, then the findings");
            assertEquals(List.of("Jeugdhulp naar de voorkant", "Gemaakt door voorkant", "Kernpunten",
                    "Het lokale aandeel is 12% in 2019.", "30% vraagt 40 cliënten per jaar."),
                    p.subList(0, 5).stream().map(XWPFParagraph::getText).toList(), "the findings' text");
            assertNotNull(p.get(3).getNumID(), "a finding is a bullet of Word's numbering, not a typed dot");
            assertEquals("bullet", doc.getNumbering().getAbstractNum(doc.getNumbering().getAbstractNumID(p.get(3).getNumID()))
                    .getCTAbstractNum().getLvlArray(0).getNumFmt().getVal().toString(), "the numbering is a bullet list");
            assertEquals(List.of("Kernpunten", "1. Data en kwaliteit", "2. Stroom per productgroep"),
                    styled(doc, WordDocument.HEADING_1), "sections as Heading 1, numbered as on the page");
            assertEquals(List.of("Instroom en uitstroom"), styled(doc, WordDocument.HEADING_2), "a subheading as Heading 2");
            for (String[] h : new String[][] {{WordDocument.HEADING_1, "heading 1", "0"}, {WordDocument.HEADING_2, "heading 2", "1"}}) {
                XWPFStyle style = doc.getStyles().getStyle(h[0]);
                assertNotNull(style, h[0] + " is defined in the document's styles");
                assertEquals(h[1], style.getName(), "Word's built-in name, so the navigation pane and a paste know it");
                assertEquals(new BigInteger(h[2]), style.getCTStyle().getPPr().getOutlineLvl().getVal(), h[0] + "'s outline level");
            }
            List<XWPFParagraph> bullets = p.stream().filter(x -> x.getText().endsWith("stroom stijgt")
                    || x.getText().equals("uitstroom daalt")).toList();
            assertEquals(2, bullets.size(), "the body's bullets");
            assertTrue(bullets.stream().allMatch(x -> x.getNumID() != null), "as Word bullets too");
            assertEquals(CLOSING, p.get(p.size() - 1).getText(), "the closing line last");
        }
    }

    @Test
    void nothingAfterTheAppendixIsInTheDocument(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.docx");
        WordDocument.write(file, "T", "S", CLOSING, Locale.forLanguageTag("nl-NL"), blocks());
        try (XWPFDocument doc = read(file); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            for (String appendix : List.of("Bijlage", "De lange tabellen", "Basislijn per jaar", "appendixcijfer", "987654",
                    "Waaier in de bijlage")) {
                assertFalse(all.contains(appendix), "appendix text left out: " + appendix);
            }
            assertEquals(1, doc.getTables().size(), "only the body's table");
            assertEquals(4, pictures(doc), "the body's four charts, not the appendix's fifth");
        }
    }

    @Test
    void chartsAreInlinePicturesTheWidthOfTheTextWithTheirCaption(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.docx");
        WordDocument.write(file, "T", "S", CLOSING, Locale.forLanguageTag("nl-NL"), blocks());
        try (XWPFDocument doc = read(file)) {
            List<XWPFParagraph> pictures = doc.getParagraphs().stream()
                    .filter(p -> p.getRuns().stream().anyMatch(r -> !r.getEmbeddedPictures().isEmpty())).toList();
            assertEquals(4, pictures.size(), "a paragraph per chart");
            long width = (long) WordDocument.TEXT_WIDTH * 635;
            for (XWPFParagraph p : pictures) {
                CTInline inline = p.getCTP().getRArray(0).getDrawingArray(0).getInlineArray(0);
                assertEquals(width, inline.getExtent().getCx(), "the text's width: 9,638 twips of 635 EMU");
                assertEquals(width * 90 / 160, inline.getExtent().getCy(), "the chart's own proportions");
                XWPFParagraph caption = doc.getParagraphs().get(doc.getParagraphs().indexOf(p) + 1);
                assertEquals("Caption", caption.getStyle(), "the caption follows the chart");
                assertEquals(caption.getText(), inline.getDocPr().getDescr(), "and is its alt text");
                assertTrue(p.getCTP().getPPr().isSetKeepNext(), "the chart stays on the page of its caption");
            }
            assertEquals("Cliënten per maand", doc.getParagraphs().get(doc.getParagraphs().indexOf(pictures.get(0)) + 1).getText());
        }
    }

    @Test
    void tablesHaveARepeatingShadedBoldHeaderRightAlignedFiguresAndRowsThatDoNotSplit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.docx");
        WordDocument.write(file, "T", "S", CLOSING, Locale.forLanguageTag("nl-NL"), blocks());
        try (XWPFDocument doc = read(file)) {
            XWPFTable table = doc.getTables().get(0);
            XWPFTableRow header = table.getRow(0);
            assertEquals(List.of("grootheid", "waarde"), headers(table));
            assertTrue(header.isRepeatHeader(), "the header repeats on a new page");
            for (XWPFTableCell c : header.getTableCells()) {
                assertEquals("EEF3F8", c.getColor(), "shaded header");
                assertTrue(c.getParagraphs().get(0).getRuns().get(0).isBold(), "bold header");
            }
            assertEquals(ParagraphAlignment.RIGHT, header.getCell(1).getParagraphs().get(0).getAlignment(),
                    "a column of figures has its header over them");
            assertEquals(3, table.getNumberOfRows(), "header and two rows");
            XWPFTableRow row = table.getRow(2);
            assertEquals("€ 1.234,56", row.getCell(1).getText());
            assertEquals(ParagraphAlignment.RIGHT, row.getCell(1).getParagraphs().get(0).getAlignment(), "a figure right-aligned");
            assertNotEquals(ParagraphAlignment.RIGHT, row.getCell(0).getParagraphs().get(0).getAlignment(), "a text left");
            assertTrue(table.getRows().stream().allMatch(XWPFTableRow::isCantSplitRow), "no row splits across pages");
        }
    }

    @Test
    void a4PortraitWithTheTitleAndLanguageInTheDocumentsProperties(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.docx");
        WordDocument.write(file, "Youth care", "Made by voorkant", "The full tables are in tables.xlsx.", Locale.UK, blocks());
        try (XWPFDocument doc = read(file)) {
            var section = doc.getDocument().getBody().getSectPr();
            assertEquals(BigInteger.valueOf(11906), section.getPgSz().getW(), "A4 is 210 mm wide");
            assertEquals(BigInteger.valueOf(16838), section.getPgSz().getH(), "and 297 mm high");
            assertEquals(BigInteger.valueOf(1134), section.getPgMar().getLeft(), "2 cm margins");
            var core = doc.getProperties().getCoreProperties();
            assertEquals("Youth care", core.getTitle());
            assertEquals("en-GB", core.getUnderlyingProperties().getLanguageProperty().orElse(null), "the document's language");
            assertEquals("en-GB", doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getLangArray(0).getVal(),
                    "the spelling checker's language");
        }
    }

    @Test
    void aTableIsAsWideAsItsTextAndGivesWayInItsTextColumnsNeverInItsFigures() {
        // 8 points: 88 twips a character and 160 of margins. "Hendrik-Ido-Ambacht" is 19, "aandeel" the longest header word, 7.
        WordDocument.Layout small = WordDocument.layout(new Block.TableBlock("t", List.of("gebied", "lokaal aandeel"), List.of(
                List.of(text("Hendrik-Ido-Ambacht"), figure("12,5%")), List.of(text("A"), figure("1")))), 10000);
        assertEquals(8, small.fontSize());
        assertArrayEquals(new int[] {19 * 88 + 160, 7 * 88 + 160}, small.widths(), "a narrow table keeps its own width");
        // A note of 87 characters in words of 10 wants 40 (the cap), at least "toelichting", 11; the amount 11, whole.
        Block.TableBlock wide = new Block.TableBlock("t", List.of("toelichting", "bedrag"),
                List.of(List.of(text(("aaaaaaaaaa ".repeat(8)).strip()), figure("€ 1.234.567"))));
        WordDocument.Layout seven = WordDocument.layout(wide, 4300);
        assertEquals(7, seven.fontSize(), "unwrapped it wants 3,680 + 1,128 twips at 8 points, 3,240 + 1,007 at 7");
        assertArrayEquals(new int[] {3240, 1007}, seven.widths(), "smaller type rather than a wrapped note");
        WordDocument.Layout squeezed = WordDocument.layout(wide, 3000);
        assertEquals(8, squeezed.fontSize(), "both minima fit at 8 points: 1,128 + 1,128 twips");
        assertArrayEquals(new int[] {1128 + 744, 1128}, squeezed.widths(), "the 744 twips to spare go to the note, none to the figure");
        WordDocument.Layout smaller = WordDocument.layout(wide, 2000);
        assertEquals(6, smaller.fontSize(), "2 × 1,128 twips at 8 points and 2 × 1,007 at 7 do not fit in 2,000; 2 × 886 at 6 do");
        assertArrayEquals(new int[] {886 + 228, 886}, smaller.widths(), "the 228 to spare to the note");
        // Not even at 6 points: the amount stays whole (886), the note has 160 of margins and the 454 left.
        assertArrayEquals(new int[] {614, 886}, WordDocument.layout(wide, 1500).widths(), "the figure whole, the note squeezed");
    }

    @Test
    void aReportRunWritesTheDocumentInTheReportsLanguage(@TempDir Path out) throws IOException {
        Report.write(out, HtmlReportTest.tables(), HtmlReportTest.manifest(), List.of(), Map.of(),
                new Names(Map.of("GM0482", "Alblasserdam"), Map.of(), Map.of()), "nl");
        try (XWPFDocument doc = read(out.resolve("report.docx")); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            List<String> headings = styled(doc, WordDocument.HEADING_1);
            assertEquals(List.of("Kernpunten", "1. Data en kwaliteit"), headings.subList(0, 2), "the findings, then the Dutch sections");
            assertTrue(headings.contains("4. Lokaal aandeel"), headings.toString());
            try (var charts = Files.list(out.resolve("charts"))) {
                assertEquals(charts.count(), pictures(doc), "every chart of the body is in it");
            }
            XWPFTable quality = doc.getTables().get(0);
            assertEquals(List.of("grootheid", "waarde"), headers(quality),
                    "Dutch headers");
            assertEquals("1.234", quality.getRow(1).getCell(1).getText(), "rows read, in Dutch format");
            XWPFTable share = doc.getTables().stream().filter(x -> headers(x).equals(List.of("gebied", "jaar",
                    "lokaal aandeel"))).findFirst().orElseThrow();
            var latest = share.getRows().stream().filter(r -> r.getCell(1).getText().equals("2019")).findFirst().orElseThrow();
            assertEquals("12%", latest.getCell(2).getText(), "2019's share, in Dutch format");
            assertEquals(ParagraphAlignment.RIGHT, latest.getCell(2).getParagraphs().get(0).getAlignment(),
                    "a figure right-aligned");
            assertTrue(text.getText().contains("alle tabellen staan volledig in tables.xlsx"), "the Dutch closing line");
        }
        Report.write(out, HtmlReportTest.tables(), HtmlReportTest.manifest(), List.of(), Map.of(), Names.NONE, "en");
        try (XWPFDocument doc = read(out.resolve("report.docx")); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertEquals(List.of("Key findings", "1. Data and quality"), styled(doc, WordDocument.HEADING_1).subList(0, 2),
                    "the findings, then the English sections");
            assertEquals("Youth care to the front end: analysis", doc.getProperties().getCoreProperties().getTitle());
            assertTrue(text.getText().contains("every table is in full in tables.xlsx"), "the English closing line");
            assertFalse(text.getText().contains("tabellen"), "no Dutch left");
        }
    }

    private static List<String> headers(XWPFTable table) {
        return table.getRow(0).getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    /** Pictures as placed in the text: POI stores identical images once. */
    private static long pictures(XWPFDocument doc) {
        return doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).mapToLong(r -> r.getEmbeddedPictures().size()).sum();
    }

    private static List<String> styled(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }
}
