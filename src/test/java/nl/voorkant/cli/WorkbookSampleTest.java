package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.voorkant.testing.SharedSpark;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample written as workbooks gives the CSV sample's figures, through the same entry points as ./run.sh. */
class WorkbookSampleTest {
    @Test
    void theSampleAsWorkbooksGivesTheTablesOfTheCsvSample(@TempDir Path dir) throws IOException {
        SharedSpark.session();
        for (String format : List.of("csv", "xlsx")) {
            Path data = dir.resolve(format);
            assertEquals(0, Main.run(new String[] {"generate", "--out", data.toString(), "--years", "2019-2020",
                    "--format", format}));
            assertEquals(0, Main.run(new String[] {"analyse", "--claims", data.resolve("claims").toString(), "--reference",
                    data.resolve("reference").toString(), "--out", dir.resolve("out-" + format).toString(),
                    "--disclosure", "internal", "--no-cache"}));
        }
        Path workbook = dir.resolve("xlsx/claims/claims_2019.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) { // a small file: reading it whole is fine here
            assertEquals("Toelichting", wb.getSheetName(0), "the explanation sheet comes first");
            Sheet claims = wb.getSheet("Declaraties");
            assertEquals("Declaratienummer", claims.getRow(0).getCell(0).getStringCellValue());
            Row first = claims.getRow(1), second = claims.getRow(2);
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType(), "a BSN as a number");
            assertEquals(CellType.STRING, second.getCell(1).getCellType(), "and one as text");
            assertEquals(CellType.NUMERIC, first.getCell(8).getCellType(), "a date cell");
            assertEquals(CellType.NUMERIC, first.getCell(12).getCellType(), "an amount cell");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new AssertionError(e);
        }

        List<String> tables;
        try (Stream<Path> s = Files.list(dir.resolve("out-csv/tables"))) {
            tables = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        assertTrue(tables.contains("flow_year.csv") && tables.contains("flow_month.csv"), tables.toString());
        for (String t : tables) {
            assertEquals(Files.readString(dir.resolve("out-csv/tables/" + t)), Files.readString(dir.resolve("out-xlsx/tables/" + t)),
                    t + ": the workbooks give the CSV files' figures");
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode csv = json.readTree(dir.resolve("out-csv/manifest.json").toFile());
        JsonNode xlsx = json.readTree(dir.resolve("out-xlsx/manifest.json").toFile());
        for (String field : List.of("rows_read", "rows_accepted", "rows_rejected", "amount_read", "amount_accepted",
                "amount_rejected", "amount_accepted_net", "reconciled", "rejects_by_reason")) {
            assertEquals(csv.findValue(field), xlsx.findValue(field), field);
        }
        assertNotNull(xlsx.findValue("rows_read"), "the manifest counts rows");
        JsonNode file = xlsx.findValue("input_files").get(0);
        assertEquals("xlsx", file.get("format").asText());
        assertEquals("sheet 'Toelichting' skipped: no claims header", file.get("notes").get(0).asText());
    }
}
