package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.voorkant.ingest.ClaimParser.Claim;
import nl.voorkant.testing.TestReference;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookSheetTest {
    static final String[] DUTCH = {"Declaratienummer", "BSN", "Gemeentecode", "Productcode", "Verwijzer",
            "Begindatum", "Einddatum", "Geleverd volume", "Eenheid", "Bedrag", "Debet/Credit"};

    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1),
            LocalDate.of(2025, 12, 31), ClaimParserTest.KEY);

    @TempDir
    Path dir;

    /**
     * Writes {@code wb} with an explanation sheet first and a claims sheet of {@code rows} below
     * {@link #DUTCH}: a {@link LocalDate} becomes a date cell, a {@link Number} a numeric cell, a
     * Boolean a boolean cell, a String starting with {@code =} a formula, null no cell at all.
     */
    static Path workbook(Path file, Workbook wb, List<Object[]> rows) throws IOException {
        try (wb) {
            Sheet about = wb.createSheet("Toelichting");
            about.createRow(0).createCell(0).setCellValue("Declaraties jeugdhulp, een regel per prestatie");
            about.createRow(2).createCell(0).setCellValue("Bedragen in euro's");
            Sheet claims = wb.createSheet("Declaraties");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
            CellStyle euros = wb.createCellStyle();
            euros.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            Row header = claims.createRow(0);
            for (int c = 0; c < DUTCH.length; c++) header.createCell(c).setCellValue(DUTCH[c]);
            for (int r = 0; r < rows.size(); r++) {
                Object[] values = rows.get(r);
                Row row = claims.createRow(r + 1);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v == null) continue;
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (c == 9) cell.setCellStyle(euros);
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (((String) v).startsWith("=")) {
                        cell.setCellFormula(((String) v).substring(1));
                    } else {
                        cell.setCellValue((String) v);
                    }
                }
            }
            if (wb instanceof XSSFWorkbook x) x.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    static Object[] claim(Object id, Object bsn, Object amount) {
        return new Object[] {id, bsn, "482", "H300", "1", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28), 1.5, "04",
                amount, "D"};
    }

    List<WorkbookSheet.SheetRow> rows(Path file, WorkbookSheet.Head head) {
        List<WorkbookSheet.SheetRow> out = new ArrayList<>();
        try (WorkbookSheet sheet = WorkbookSheet.open(StoragePath.of(file), file.getFileName().toString(), head)) {
            sheet.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void findsTheClaimsSheetBehindAnExplanationSheet() throws IOException {
        Path file = workbook(dir.resolve("claims.xlsx"), new XSSFWorkbook(), List.<Object[]>of(claim("R-1", "123456782", 10)));
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "claims.xlsx");
        assertEquals(1, head.sheet(), "the second sheet holds the claims");
        assertEquals("Declaraties", head.sheetName());
        assertEquals(1, head.headerRow());
        assertEquals(List.of("sheet 'Toelichting' skipped: no claims header"), head.notes(),
                "the explanation sheet is passed over and said so");
        assertEquals(List.of(DUTCH), head.header());
    }

    @Test
    void readsDateNumericTextBooleanFormulaAndMissingCellsAsTheirText() throws IOException {
        Object[] sparse = claim("R-2", "012345672", "=4.5*3");
        sparse[8] = null; // no unit cell: an empty field
        sparse[4] = true;
        Path file = workbook(dir.resolve("cells.xlsx"), new XSSFWorkbook(), List.<Object[]>of(
                claim("R-1", 12345672, 1234.56), new Object[] {null}, sparse));
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "cells.xlsx");
        List<WorkbookSheet.SheetRow> rows = rows(file, head);
        assertEquals(2, rows.size(), "the row without a value is no row");
        String[] first = rows.get(0).values();
        assertEquals(2, rows.get(0).number(), "the row number as Excel shows it");
        assertEquals("12345672", first[1], "a number BSN in plain digits, not 1.2345672E7");
        assertEquals("2019-02-01", first[5], "a date cell as yyyy-MM-dd");
        assertEquals("1.5", first[7]);
        assertEquals("1234.56", first[9], "an amount cell by its stored value, not its display format 1,234.56");
        assertFalse(rows.get(0).text()[9]);
        assertTrue(rows.get(0).text()[0], "a shared string is a text cell");
        String[] third = rows.get(1).values();
        assertEquals(4, rows.get(1).number(), "the rows keep their sheet numbers across a blank row");
        assertEquals("012345672", third[1]);
        assertEquals("TRUE", third[4]);
        assertEquals("", third[8], "a missing cell is an empty field");
        assertEquals("13.5", third[9], "a formula gives its cached result");
    }

    @Test
    void aNumberBsnIsTheSameClientAsTheTextBsn() throws IOException {
        Path file = workbook(dir.resolve("bsn.xlsx"), new XSSFWorkbook(), List.<Object[]>of(
                claim("R-1", 12345672, 10), claim("R-2", "012345672", 10)));
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "bsn.xlsx");
        int[] positions = ClaimColumns.resolve(head.header(), "bsn.xlsx");
        List<Claim> claims = rows(file, head).stream()
                .map(r -> parser.parse(WorkbookSheet.canonical(r, positions), false)).toList();
        assertNull(claims.get(0).reason, claims.get(0).detail);
        assertNull(claims.get(1).reason, claims.get(1).detail);
        assertEquals(claims.get(1).clientKey, claims.get(0).clientKey, "012345672 typed as a number loses its zero, not its client");
        assertEquals(1000L, claims.get(0).amountCents);
        assertEquals(LocalDate.of(2019, 2, 1).toEpochDay(), claims.get(0).startDay);
    }

    @Test
    void datesOfTheMacintosh1904DateSystemKeepTheirDay() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().getWorkbookPr().setDate1904(true); // before the cells: their serials count from 1904
        Path file = workbook(dir.resolve("mac.xlsx"), wb, List.<Object[]>of(claim("R-1", "123456782", 10)));
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "mac.xlsx");
        assertEquals("2019-02-01", rows(file, head).get(0).values()[5], "not four years and a day earlier");
    }

    @Test
    void readsInlineStringsOfAStreamingWriter() throws IOException {
        Path file = workbook(dir.resolve("inline.xlsx"), new SXSSFWorkbook(), List.<Object[]>of(claim("R-1", "123456782", "12,50")));
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "inline.xlsx");
        List<WorkbookSheet.SheetRow> rows = rows(file, head);
        assertEquals("R-1", rows.get(0).values()[0], "SXSSF writes inline strings");
        Claim c = parser.parse(WorkbookSheet.canonical(rows.get(0), ClaimColumns.resolve(head.header(), "x")), false);
        assertEquals(1250L, c.amountCents, "a text amount with a decimal comma");
    }

    @Test
    void textNumbersWithADecimalCommaAreReadTheDutchWay() {
        int[] positions = new int[ClaimColumns.CANONICAL.size()];
        java.util.Arrays.fill(positions, -1);
        positions[ClaimColumns.CLAIM_ID] = 0;
        positions[ClaimColumns.VOLUME] = 1;
        positions[ClaimColumns.AMOUNT] = 2;
        String[] v = WorkbookSheet.canonical(new WorkbookSheet.SheetRow(2, new String[] {"1,5", "2,5", "1.234,56"},
                new boolean[] {true, true, true}), positions);
        assertEquals("1,5", v[ClaimColumns.CLAIM_ID], "a claim id is never read as a number");
        assertEquals("2.5", v[ClaimColumns.VOLUME]);
        assertEquals("1234.56", v[ClaimColumns.AMOUNT]);
        String[] point = WorkbookSheet.canonical(new WorkbookSheet.SheetRow(2, new String[] {"x", "12.50", "348.90"},
                new boolean[] {true, true, true}), positions);
        assertEquals("348.90", point[ClaimColumns.AMOUNT], "text without a comma is read with a decimal point");
        String[] bad = WorkbookSheet.canonical(new WorkbookSheet.SheetRow(2, new String[] {"x", "1", "1.23,4"},
                new boolean[] {true, true, true}), positions);
        assertNull(parser.parse(fill(bad), false).amountCents, "a malformed Dutch number stays as typed, and invalid");
    }

    private static String[] fill(String[] v) {
        for (int i = 0; i < v.length; i++) if (v[i] == null) v[i] = "";
        return v;
    }

    @Test
    void numbersLoseFloatNoiseButNotTheirDigits() {
        assertEquals("1234.56", WorkbookSheet.number("1234.5599999999999"));
        assertEquals("0.3", WorkbookSheet.number("0.30000000000000004"));
        assertEquals("12345672", WorkbookSheet.number("1.2345672E7"));
        assertEquals("100", WorkbookSheet.number("100.0"));
        assertEquals("123.456", WorkbookSheet.number("123.456"), "a real third decimal stays (and an amount is rejected)");
    }

    @Test
    void aWorkbookWithoutAClaimsHeaderIsOneLineWithoutItsValues() throws IOException {
        Path file = dir.resolve("noheader.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Toelichting").createRow(0).createCell(0).setCellValue("uitleg");
            Row data = wb.createSheet("Blad1").createRow(0);
            data.createCell(0).setCellValue("R-1");
            data.createCell(1).setCellValue("123456782");
            Row partial = wb.createSheet("Blad2").createRow(0);
            partial.createCell(0).setCellValue("BSN");
            partial.createCell(1).setCellValue("Declaratienummer");
            wb.write(out);
        }
        InputError e = assertThrows(InputError.class, () -> WorkbookSheet.head(StoragePath.of(file), "noheader.xlsx"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("noheader.xlsx: no sheet has a claims header row"), e.getMessage());
        assertTrue(e.getMessage().contains("sheet 'Blad2': no column for municipality_code"), e.getMessage());
        assertFalse(e.getMessage().contains("123456782") || e.getMessage().contains("R-1"), "no cell value: " + e.getMessage());
    }

    @Test
    void onlyTheFirstClaimsSheetIsReadAndALaterOneIsNamed() throws IOException {
        Path file = dir.resolve("twice.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (String name : List.of("2019", "2020")) {
                Row header = wb.createSheet(name).createRow(0);
                for (int c = 0; c < DUTCH.length; c++) header.createCell(c).setCellValue(DUTCH[c]);
            }
            wb.write(out);
        }
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "twice.xlsx");
        assertEquals("2019", head.sheetName());
        assertEquals(List.of("sheet '2020' skipped: only the first claims sheet ('2019') is read"), head.notes());
    }

    @Test
    void aHeaderBelowATitleRowIsFoundAndSaidSo() throws IOException {
        Path file = dir.resolve("title.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("Export");
            s.createRow(0).createCell(0).setCellValue("Declaraties 2019");
            Row header = s.createRow(2);
            for (int c = 0; c < DUTCH.length; c++) header.createCell(c).setCellValue(DUTCH[c]);
            Row data = s.createRow(3);
            for (int c = 0; c < DUTCH.length; c++) data.createCell(c).setCellValue("v" + c);
            wb.write(out);
        }
        WorkbookSheet.Head head = WorkbookSheet.head(StoragePath.of(file), "title.xlsx");
        assertEquals(3, head.headerRow());
        assertEquals(List.of("sheet 'Export': header in row 3, the rows above it are not read"), head.notes());
        List<WorkbookSheet.SheetRow> rows = rows(file, head);
        assertEquals(1, rows.size());
        assertEquals(4, rows.get(0).number());
    }

    @Test
    void aFileThatIsNoWorkbookIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("renamed.xlsx"), "claim_id,client_id\nR-1,123456782\n");
        InputError e = assertThrows(InputError.class, () -> WorkbookSheet.head(StoragePath.of(file), "renamed.xlsx"));
        assertTrue(e.getMessage().startsWith("renamed.xlsx: not a readable .xlsx workbook"), e.getMessage());
        Path xls = dir.resolve("old.xlsx");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("a");
            wb.write(out);
        }
        e = assertThrows(InputError.class, () -> WorkbookSheet.head(StoragePath.of(xls), "old.xlsx"));
        assertTrue(e.getMessage().contains("Excel 97-2003"), e.getMessage());
    }
}
