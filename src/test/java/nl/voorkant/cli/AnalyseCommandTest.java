package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyse command end to end on hand-made files, through the same entry point as ./run.sh. */
class AnalyseCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void reference() throws IOException {
        SharedSpark.session();
        Path ref = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(ref.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision
                H300,Begeleiding,begeleiding,45,MARKET
                H153,Begeleiding extra,begeleiding,45,MARKET
                """);
        Files.writeString(ref.resolve("municipalities.csv"), """
                municipality_code,municipality_name,subregion,region,youth_population
                GM0482,Alblasserdam,Drechtsteden-Noord,Zuid-Holland Zuid,4000
                """);
    }

    static int analyse(Path claims, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("analyse", "--claims", claims.toString(), "--reference",
                dir.resolve("reference").toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void noRawClientIdReachesAnyOutput() throws IOException {
        Path claims = Files.createDirectories(dir.resolve("claims-ids"));
        Files.write(claims.resolve("claims.csv"), DefectFile.LINES, StandardCharsets.UTF_8);
        Path out = dir.resolve("out-ids");
        assertEquals(0, analyse(claims, out, "--disclosure", "internal"));
        List<String> rawIds = List.of("111111110", "222222220", "333333330", "444444440", "555555550");
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("rejects.csv")));
        assertTrue(files.size() >= 8, "manifest, rejects and the tables: " + files);
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String id : rawIds) assertFalse(content.contains(id), id + " appears in " + f);
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(16, m.get("rows_read").asLong());
        assertEquals(m.get("rows_read").asLong(), m.get("rows_accepted").asLong() + m.get("rows_rejected").asLong());
        assertEquals("300.00", m.get("amount_accepted").asText());
        assertEquals("312.78", m.get("amount_read").asText());
        assertEquals("12.78", m.get("amount_rejected").asText()); // the twelve readable rejected amounts 1.01 .. 1.12
        assertEquals(64, m.get("input_files").get(0).get("sha256").asText().length());
        assertEquals("internal", m.get("parameters").get("disclosure").asText());
        assertEquals("installation key file " + Path.of("target/test-config/voorkant/pseudonym.key").toAbsolutePath(),
                m.get("parameters").get("pseudonym_key_source").asText(), "the tests' own key, never the user's");
        assertTrue(m.get("parameters").get("pseudonym_key_fingerprint").asText().matches("[0-9a-f]{12}"));
        for (String stage : new String[] {"ingest", "flow", "nowcast", "disclosure", "tables", "report"}) {
            assertTrue(m.get("stage_timings").has(stage), "the manifest times stage " + stage);
        }
    }

    @Test
    void anEntirelyBadInputEndsCleanlyWithAManifestThatSaysWhy() throws IOException {
        Path claims = Files.createDirectories(dir.resolve("claims-bad"));
        Files.write(claims.resolve("bad.csv"), List.of(DefectFile.LINES.get(0),
                "x1,1,,GM0482,45,ZZ,1,01,2019-01-01,2019-01-31,1,04,1.00,D",
                "x2,1,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.00,Q"), StandardCharsets.UTF_8);
        Path out = dir.resolve("out-bad");
        assertEquals(0, analyse(claims, out));
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(0, m.get("rows_accepted").asLong());
        assertEquals(2, m.get("rows_rejected").asLong());
        assertTrue(m.get("explanation").asText().contains("every row was rejected"));
        assertEquals(3, Files.readAllLines(Path.of(m.get("rejects_file").asText())).size(), "publish: named in the manifest");
    }

    /**
     * A catalogue's names and a provider's fields that a spreadsheet would run as formulas: inert text in
     * every output. The CSVs (tables and rejects) give them a leading quote; the workbook holds them as
     * text cells and the page and notebook escape them, so those show them exactly as written.
     */
    @Test
    void formulasInNamesAndClaimFieldsEndUpAsInertTextInEveryOutput() throws IOException {
        String hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
        String quoted = "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        Path ref = Files.createDirectories(dir.resolve("reference-formulas"));
        Files.writeString(ref.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision
                H300,Begeleiding,@SUM(1+1),45,MARKET
                """);
        Files.writeString(ref.resolve("municipalities.csv"), "municipality_code,municipality_name,subregion,region,"
                + "youth_population\nGM0482,+cmd|' /C calc'!A0," + quoted + ",-2+3,4000\n");
        Path claims = Files.createDirectories(dir.resolve("claims-formulas"));
        Files.write(claims.resolve("claims.csv"), List.of(DefectFile.HEADER,
                "ok1,111111110,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,100.00,D",
                "ok2,222222220,,GM0482,45,H300," + quoted + ",01,2019-01-01,2019-01-31,1,04,-1+1,D"), StandardCharsets.UTF_8);
        Path out = dir.resolve("out-formulas");
        assertEquals(0, Main.run(new String[] {"analyse", "--claims", claims.toString(), "--reference", ref.toString(),
                "--out", out.toString(), "--no-cache", "--scenarios", "none", "--disclosure", "internal"}));

        List<Path> csvs;
        try (Stream<Path> s = Files.walk(out)) {
            csvs = s.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        CsvParserSettings settings = new CsvParserSettings();
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setNullValue("");
        List<String> cells = new ArrayList<>();
        for (Path f : csvs) {
            for (String[] row : new CsvParser(settings).parseAll(f.toFile(), StandardCharsets.UTF_8)) {
                for (String cell : row) {
                    cells.add(cell);
                    assertFalse(cell.matches("(?s)([=+@\t\r]|-(?![0-9]+([.,][0-9]+)?$)).*"),
                            f.getFileName() + " has a cell a spreadsheet would run: " + cell);
                }
            }
        }
        assertTrue(cells.contains("'" + hyperlink), "the subregion is in the tables, made inert");
        assertTrue(cells.contains("'@SUM(1+1)") && cells.contains("'-2+3"), "so are the product group and the region");
        String rejects = Files.readString(out.resolve("rejects/rejects.csv"));
        assertTrue(rejects.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",01,") && rejects.contains(",'-1+1,"),
                "the provider code and the amount of the rejected line, made inert: " + rejects);

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tables.xlsx")))) {
            List<String> texts = new ArrayList<>();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertNotEquals(CellType.FORMULA, cell.getCellType(), sheet.getSheetName() + " holds a formula");
                        if (cell.getCellType() == CellType.STRING) texts.add(cell.getStringCellValue());
                    }
                }
            }
            assertTrue(texts.contains(hyperlink), "the workbook holds the name as a text cell, exactly as written");
        }
        String escaped = "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)";
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains(escaped) && !html.contains(hyperlink), "the page escapes the name");
        List<String> notebookHtml = new ArrayList<>();
        for (JsonNode cell : new ObjectMapper().readTree(out.resolve("report.ipynb").toFile()).get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) continue;
            assertFalse(cell.get("source").toString().contains("HYPERLINK"), "no code cell holds a name");
            for (JsonNode o : cell.get("outputs")) {
                if (o.get("data").has("text/html")) notebookHtml.add(o.get("data").get("text/html").toString());
            }
        }
        assertTrue(notebookHtml.stream().anyMatch(h -> h.contains(escaped))
                && notebookHtml.stream().noneMatch(h -> h.contains("HYPERLINK(\\\"")), "the notebook's tables escape it as the page does");
    }

    @Test
    void badOptionsAndPathsExitWithCodeTwo() {
        assertEquals(2, Main.run(new String[] {"analyse", "--claimz", "x"}));
        assertEquals(2, Main.run(new String[] {"analyse", "--claims", dir.resolve("missing").toString()}));
        assertEquals(2, Main.run(new String[] {"analyse", "--lang", "fr"}));
        assertEquals(2, Main.run(new String[] {"frobnicate"}));
        assertEquals(0, Main.run(new String[] {"analyse", "--help"}));
    }
}
