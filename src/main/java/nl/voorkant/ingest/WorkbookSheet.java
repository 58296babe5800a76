package nl.voorkant.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import nl.voorkant.core.StoragePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The claims sheet of an {@code .xlsx} workbook, read row by row from the sheet's XML without
 * loading the workbook: POI's event API opens the package ({@link XSSFReader}), shared strings
 * ({@link ReadOnlySharedStringsTable}) and styles, and the sheet itself is pulled with StAX rather
 * than pushed by SAX, so that a Spark task can take one row at a time without a second thread, and
 * each cell keeps its type (a number is read from its stored digits, not from its display format).
 *
 * <p>A cell becomes the text the CSV parser reads: a date cell (a number with a date format)
 * {@code yyyy-MM-dd}; a number its plain digits rounded to Excel's 15 significant digits (the
 * stored {@code 1234.5599999999999} of a typed 1234.56 is 1234.56, {@code 1.2345672E7} is
 * 12345672); text as typed; a boolean {@code TRUE}/{@code FALSE}; a formula its cached result.
 */
public final class WorkbookSheet implements Iterator<WorkbookSheet.SheetRow>, AutoCloseable {
    /** Rows a header may stand below (a title above it), counting non-blank rows. */
    static final int HEADER_SEARCH_ROWS = 10;
    /** Excel's widest sheet. */
    private static final int MAX_COLUMNS = 16_384;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    /** Where a workbook's claims are: its sheet (by position), header row and names, and the notes on what was passed over. */
    public record Head(int sheet, String sheetName, long headerRow, List<String> header, List<String> notes)
            implements Serializable {}

    /** One row: its number as Excel shows it (1-based), its values, and which of them were text cells. */
    public record SheetRow(long number, String[] values, boolean[] text) {}

    private final OPCPackage pkg;
    private final Rows rows;
    private SheetRow next;

    private WorkbookSheet(OPCPackage pkg, Rows rows) {
        this.pkg = pkg;
        this.rows = rows;
    }

    /** Whether {@code file} is read as a workbook: {@code .xlsx}, or {@code .xlsm} (the same with macros, never run). */
    public static boolean isWorkbook(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    /**
     * The first sheet whose header row (its first non-blank row, or one of the first
     * {@link #HEADER_SEARCH_ROWS} below a title) names every required claims column. A workbook
     * without one is an input error naming the file and what each sheet lacks, never a cell value.
     */
    public static Head head(StoragePath file, String name) {
        OPCPackage pkg = open(file, name);
        try {
            Book book = new Book(pkg);
            XSSFReader.SheetIterator sheets = book.sheets;
            Head found = null;
            List<String> notes = new ArrayList<>();
            List<String> lacks = new ArrayList<>();
            for (int index = 0; sheets.hasNext(); index++) {
                try (InputStream in = sheets.next()) {
                    String sheet = sheets.getSheetName();
                    Candidate c = candidate(new Rows(book, in, MAX_COLUMNS));
                    if (c.header == null) {
                        if (found == null) lacks.add("sheet '" + sheet + "': " + c.lack);
                        notes.add("sheet '" + sheet + "' skipped: " + (c.lack.startsWith("no column")
                                ? "its first row is no complete claims header (" + c.lack + ")" : c.lack));
                    } else if (found != null) {
                        notes.add("sheet '" + sheet + "' skipped: only the first claims sheet ('" + found.sheetName()
                                + "') is read");
                    } else {
                        ClaimColumns.resolve(c.header, name); // a header naming a column twice is an error, as in CSV
                        found = new Head(index, sheet, c.row, c.header, notes);
                        if (c.titleRows) {
                            notes.add("sheet '" + sheet + "': header in row " + c.row + ", the rows above it are not read");
                        }
                    }
                }
            }
            if (found == null) {
                throw new InputError(name + ": no sheet has a claims header row ("
                        + (lacks.isEmpty() ? "the workbook has no sheets" : String.join("; ", lacks)) + ")");
            }
            return new Head(found.sheet(), found.sheetName(), found.headerRow(), found.header(), List.copyOf(notes));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof InputError i) throw i;
            throw unreadable(name);
        } finally {
            pkg.revert();
        }
    }

    /** What a sheet's first rows say: its header (null: none) and row, or what it lacks. */
    private record Candidate(List<String> header, long row, boolean titleRows, String lack) {}

    private static Candidate candidate(Rows rows) throws XMLStreamException {
        String lack = "empty";
        for (int seen = 0; seen < HEADER_SEARCH_ROWS && rows.advance(); seen++) {
            List<String> names = trimmed(rows.values);
            List<String> missing = ClaimColumns.missing(names);
            if (missing.isEmpty()) {
                return new Candidate(names, rows.number, seen > 0, null);
            }
            // Only the first row is described: the rows below a title are as likely data as a header.
            if (seen == 0) {
                lack = missing.size() == ClaimColumns.requiredCount() ? "no claims header"
                        : "no column for " + String.join(", ", missing);
            }
        }
        return new Candidate(null, 0, false, lack);
    }

    private static List<String> trimmed(String[] values) {
        int n = values.length;
        while (n > 0 && values[n - 1].isBlank()) n--;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(values[i].strip());
        return out;
    }

    /** The data rows of {@code head}'s sheet below its header, as many cells each as the header has. */
    public static WorkbookSheet open(StoragePath file, String name, Head head) {
        OPCPackage pkg = open(file, name);
        try {
            Book book = new Book(pkg);
            XSSFReader.SheetIterator sheets = book.sheets;
            for (int i = 0; i < head.sheet(); i++) sheets.next().close();
            Rows rows = new Rows(book, sheets.next(), head.header().size());
            while (rows.advance() && rows.number < head.headerRow()) {
                // the title rows and the header
            }
            WorkbookSheet sheet = new WorkbookSheet(pkg, rows);
            if (rows.number > head.headerRow()) sheet.next = rows.row(); // the first data row, already read
            return sheet;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            throw unreadable(name);
        }
    }

    private static OPCPackage open(StoragePath file, String name) {
        // The first bytes tell a zip from an OLE2 file before POI logs its own warnings about either.
        byte[] magic = new byte[4];
        try (InputStream in = file.open()) {
            if (in.readNBytes(magic, 0, 4) < 4) throw unreadable(name);
        } catch (IOException e) {
            throw new InputError("cannot read " + name + ": " + nl.voorkant.core.Folders.reason(e));
        }
        if (Arrays.equals(magic, OLE2_MAGIC)) throw notXlsx(name);
        if (!Arrays.equals(magic, ZIP_MAGIC)) throw unreadable(name);
        Path copy = null;
        try {
            // A zip is read by seeking to its directory: a workbook elsewhere (HDFS, S3) is copied to local disk first.
            copy = file.local().isPresent() ? null : localCopy(file);
            return OPCPackage.open((copy != null ? copy : file.local().get()).toFile(), PackageAccess.READ);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw notXlsx(name);
        } catch (IOException e) {
            throw new InputError("cannot read " + name + ": " + nl.voorkant.core.Folders.reason(e));
        } catch (Exception e) { // POI signals a wrong format with unchecked exceptions
            throw unreadable(name);
        } finally {
            // The open zip keeps its file; its name goes now (on Windows, when the JVM ends).
            if (copy != null && !copy.toFile().delete()) copy.toFile().deleteOnExit();
        }
    }

    private static Path localCopy(StoragePath file) throws IOException {
        Path copy = java.nio.file.Files.createTempFile("voorkant-", ".xlsx");
        try (InputStream in = file.open()) {
            java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    private static InputError notXlsx(String name) {
        return new InputError(name + ": not an .xlsx workbook but an Excel 97-2003 (.xls) or password-protected one; "
                + "save it unprotected as .xlsx (Excel Workbook) or CSV");
    }

    private static InputError unreadable(String name) {
        return new InputError(name + ": not a readable .xlsx workbook (damaged or truncated, or another format "
                + "under an .xlsx name)");
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        try {
            if (rows.advance()) next = rows.row();
        } catch (XMLStreamException e) {
            throw new java.io.UncheckedIOException(new IOException("the sheet's XML is not well-formed"));
        }
        return next != null;
    }

    @Override
    public SheetRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        SheetRow r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        pkg.revert();
    }

    /**
     * A row's canonical values for {@link ClaimParser#parse(String[], boolean)} with a decimal point:
     * numeric cells are in that form already; a text cell in a number column with a decimal comma
     * ({@code 12,50}, {@code 1.234,56}) is read the Dutch way, since a comma is never Excel's own
     * decimal mark in the file; other text ({@code 12.50}) as in a {@code ,} file.
     */
    public static String[] canonical(SheetRow row, int[] positions) {
        String[] v = new String[positions.length];
        for (int i = 0; i < v.length; i++) v[i] = positions[i] < 0 ? "" : row.values()[positions[i]].strip();
        for (int column : new int[] {ClaimColumns.VOLUME, ClaimColumns.AMOUNT}) {
            int p = positions[column];
            if (p < 0 || !row.text()[p] || v[column].indexOf(',') < 0) continue;
            String dutch = ClaimParser.normaliseNumber(v[column], true);
            if (dutch != null) v[column] = dutch;
        }
        return v;
    }

    /** A number cell's stored text as plain digits without float noise: 15 significant digits, as Excel shows it. */
    static String number(String stored) {
        try {
            return new BigDecimal(stored).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    /** The parts of a workbook every sheet needs: shared strings, styles (for dates), the 1904 date system. */
    private static final class Book {
        /** The sheets in the workbook's order, read once. */
        final XSSFReader.SheetIterator sheets;
        final ReadOnlySharedStringsTable strings;
        final StylesTable styles;
        final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        Book(OPCPackage pkg) throws IOException {
            try {
                XSSFReader reader = new XSSFReader(pkg);
                sheets = reader.getSheetIterator();
                strings = new ReadOnlySharedStringsTable(pkg, false);
                styles = reader.getStylesTable();
                try (InputStream wb = reader.getWorkbookData()) {
                    date1904 = date1904(wb);
                }
            } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException
                     | XMLStreamException e) {
                throw new IOException(e);
            }
        }

        boolean isDate(int style) {
            if (styles == null) return false;
            return dateStyles.computeIfAbsent(style, s -> {
                if (s >= styles.getNumCellStyles()) return false;
                XSSFCellStyle st = styles.getStyleAt(s);
                return st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
            });
        }

        private static boolean date1904(InputStream workbookXml) throws XMLStreamException {
            XMLStreamReader x = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
            try {
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("workbookPr")) {
                        String v = x.getAttributeValue(null, "date1904");
                        return "1".equals(v) || "true".equals(v);
                    }
                    if (x.isStartElement() && x.getLocalName().equals("sheets")) return false;
                }
                return false;
            } finally {
                x.close();
            }
        }
    }

    /** The non-blank rows of one sheet's XML, pulled one at a time; a missing cell is an empty value. */
    private static final class Rows {
        private final Book book;
        private final XMLStreamReader xml;
        private final int width;
        String[] values;
        boolean[] text;
        long number;

        Rows(Book book, InputStream sheetXml, int width) throws XMLStreamException {
            this.book = book;
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetXml);
            this.width = width;
        }

        SheetRow row() {
            return new SheetRow(number, values, text);
        }

        /** Reads the next row with a value; false at the end of the sheet. */
        boolean advance() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) return false;
                if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("row")) continue;
                String r = xml.getAttributeValue(null, "r");
                number = r == null ? number + 1 : Long.parseLong(r);
                if (readCells()) return true;
            }
            return false;
        }

        /** The cells of the current row, up to its end; whether any holds a value. */
        private boolean readCells() throws XMLStreamException {
            values = new String[width];
            Arrays.fill(values, "");
            text = new boolean[width];
            boolean any = false;
            int column = -1;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) return any;
                if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) continue;
                String ref = xml.getAttributeValue(null, "r");
                column = ref == null ? column + 1 : column(ref);
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String stored = cellContent();
                if (column < 0 || column >= width || stored.isEmpty()) continue;
                boolean isText = type != null && (type.equals("s") || type.equals("inlineStr") || type.equals("str"));
                values[column] = value(type == null ? "n" : type, style == null ? 0 : Integer.parseInt(style), stored);
                text[column] = isText;
                any |= !values[column].isBlank();
            }
        }

        /** A cell's {@code <v>}, or the text of its inline string (phonetic runs left out); at the cell's end. */
        private String cellContent() throws XMLStreamException {
            StringBuilder inline = new StringBuilder();
            String v = null;
            int phonetic = 0;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String n = xml.getLocalName();
                    if (n.equals("c")) return v != null ? v : inline.toString();
                    if (n.equals("rPh")) phonetic--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String n = xml.getLocalName();
                    if (n.equals("v")) v = xml.getElementText();
                    else if (n.equals("rPh")) phonetic++;
                    else if (n.equals("t") && phonetic == 0) inline.append(xml.getElementText());
                    else if (n.equals("f")) xml.getElementText(); // the formula: its cached result is in <v>
                }
            }
        }

        private String value(String type, int style, String stored) {
            switch (type) {
                case "s": return book.strings.getItemAt(Integer.parseInt(stored.strip())).getString();
                case "b": return "1".equals(stored.strip()) || "true".equalsIgnoreCase(stored.strip()) ? "TRUE" : "FALSE";
                case "n": break;
                default: return stored; // inlineStr, str (a formula's text), e (#N/A), d (an ISO date)
            }
            if (book.isDate(style)) {
                double serial = Double.parseDouble(stored);
                if (DateUtil.isValidExcelDate(serial)) {
                    return DateUtil.getLocalDateTime(serial, book.date1904).toLocalDate().toString();
                }
            }
            return number(stored);
        }

        /** The 0-based column of a cell reference ({@code B12} → 1). */
        static int column(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') break;
                c = c * 26 + (ch - 'A' + 1);
            }
            return c - 1;
        }
    }
}
