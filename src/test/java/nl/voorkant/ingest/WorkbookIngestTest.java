package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks beside CSV files in one claims folder, through the whole ingestion. */
class WorkbookIngestTest {
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
            ClaimParserTest.KEY);

    /** Sheet rows 2–5 of the claims sheet: a number BSN, a text BSN, an unknown product, a credit. */
    static Path claimsWorkbook(Path file) throws IOException {
        Object[] unknown = WorkbookSheetTest.claim("X-3", "123456782", 7.05);
        unknown[3] = "ZZ99";
        Object[] credit = WorkbookSheetTest.claim("X-4", "123456782", "2,50");
        credit[10] = "Credit";
        return WorkbookSheetTest.workbook(file, new XSSFWorkbook(), List.of(
                WorkbookSheetTest.claim("X-1", 12345672, 1234.56),
                WorkbookSheetTest.claim("X-2", "123456782", 0.1),
                unknown,
                credit));
    }

    @Test
    void aWorkbookBesideACsvFileIsValidatedQuarantinedAndReconciled(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("claims.csv"), List.of(DefectFile.HEADER,
                "c1,012345672,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,10.00,D"), StandardCharsets.UTF_8);
        claimsWorkbook(dir.resolve("claims.xlsm"));
        Files.writeString(dir.resolve("~$claims.xlsm"), "Excel's owner file of an open workbook");
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir));
        assertEquals(List.of("claims.csv", "claims.xlsm"), files.stream().map(ClaimIngest.InputFile::name).toList(),
                "a macro-enabled workbook is read, Excel's ~$ owner file is no claims file");
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(dir.getParent()))) {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
            IngestSummary s = r.summary();
            assertEquals(5, s.rowsRead(), "one CSV line and four sheet rows");
            assertEquals(4, s.rowsAccepted());
            assertEquals(1L, s.rejectsByReason().get("unknown_product"));
            assertEquals(1000 + 123456 + 10 + 250, s.amountAcceptedCents(), "1234.56 and 0.10 as numbers, 2,50 as text");
            assertEquals(705, s.amountRejectedCents(), "7.05 exactly, not 7.04999");
            assertEquals(1000 + 123456 + 10 - 250, s.amountAcceptedNetCents(), "the credit subtracts");
            assertTrue(s.reconciles());

            List<Row> rejects = r.rejects().collectAsList();
            assertEquals(1, rejects.size());
            assertEquals("claims.xlsm", rejects.get(0).getAs("source_file"));
            assertEquals(4L, rejects.get(0).<Long>getAs("line"), "the sheet row as Excel shows it (header = row 1)");
            assertEquals("7.05", rejects.get(0).getAs("amount"));
            assertEquals("2019-02-01", rejects.get(0).getAs("period_start"), "a date cell as a date");
            assertEquals(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("123456782")), rejects.get(0).getAs("client_id"));

            Map<String, Long> clients = new java.util.HashMap<>();
            for (Row a : r.accepted().collectAsList()) clients.put(a.getAs("claim_id"), a.getAs("client_key"));
            assertEquals(clients.get("c1"), clients.get("X-1"),
                    "the number 12345672 in the workbook is the client 012345672 of the CSV file");

            ParsedCache.Entry workbook = r.entries().get(1);
            assertEquals(List.of("sheet 'Toelichting' skipped: no claims header"), workbook.notes());
            Map<String, Object> described = InputFiles.describe(r.entries()).get(1);
            assertEquals("xlsx", described.get("format"));
            assertEquals(workbook.notes(), described.get("notes"), "the manifest says which sheet was passed over");
            assertNull(InputFiles.describe(r.entries()).get(0).get("notes"), "a CSV file has no notes");
        }
    }

    @Test
    void aCachedWorkbookKeepsItsCountsAndNotes(@TempDir Path dir, @TempDir Path cacheDir) throws IOException {
        claimsWorkbook(dir.resolve("claims.xlsx"));
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir));
        IngestSummary first;
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            first = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache).summary();
        }
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result again = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
            assertTrue(again.entries().get(0).reused(), "the second run takes the workbook from the cache");
            assertEquals(List.of("sheet 'Toelichting' skipped: no claims header"), again.entries().get(0).notes());
            assertEquals(first, again.summary());
            assertEquals(4L, again.rejects().first().<Long>getAs("line"));
        }
    }

    @Test
    void aSheetDamagedBelowItsHeaderStopsTheRunWithOneLine(@TempDir Path dir) throws IOException {
        Path whole = claimsWorkbook(dir.getParent().resolve(dir.getFileName() + "-whole.xlsx"));
        // The same package with its claims sheet cut off inside its last row: a valid zip, broken XML.
        Path broken = dir.resolve("broken.xlsx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(whole));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    bytes = xml.substring(0, xml.lastIndexOf("<row") + 20).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
            }
        }
        Files.delete(whole);
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(dir.getParent()))) {
            InputError e = assertThrows(InputError.class,
                    () -> ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache));
            assertTrue(e.getMessage().endsWith("broken.xlsx: cannot be read to its end, the file is damaged or truncated "
                    + "(IOException: the sheet's XML is not well-formed)"), e.getMessage());
        }
    }

    @Test
    void anXlsFileStopsTheRunWithOneLine(@TempDir Path dir) throws IOException {
        claimsWorkbook(dir.resolve("claims.xlsx"));
        Files.write(dir.resolve("old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        InputError e = assertThrows(InputError.class, () -> ClaimIngest.listInputs(StoragePath.of(dir)));
        assertTrue(e.getMessage().contains("old.xls: an Excel 97-2003 workbook (.xls) is not read"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aWorkbookWithoutAClaimsSheetStopsTheRunWithOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("toelichting.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            wb.createSheet("Toelichting").createRow(0).createCell(0).setCellValue("123456782");
            wb.write(out);
        }
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(dir.getParent()))) {
            InputError e = assertThrows(InputError.class,
                    () -> ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache));
            assertEquals("toelichting.xlsx: no sheet has a claims header row (sheet 'Toelichting': no claims header)",
                    e.getMessage());
        }
    }
}
