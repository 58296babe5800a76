package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import nl.voorkant.core.Table;
import nl.voorkant.flow.Disclosure;
import nl.voorkant.flow.FlowCsvTables;
import nl.voorkant.ingest.Reference;
import nl.voorkant.report.Texts;
import nl.voorkant.sample.Calibration;
import nl.voorkant.testing.SharedSpark;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sample through the public pipeline (the same entry point as ./run.sh): the seed
 * figures come back as closely as the generator steers them ({@link Calibration}), every row and
 * cent is accounted for, and no raw client id of the input appears in any output file.
 */
class ShippedSampleAnalysisTest {
    @TempDir
    static Path out;
    @TempDir
    static Path publishDir;
    /** A publish-mode run whose trends also name every municipality (small counts included). */
    static Path published;
    static Map<String, List<Map<String, String>>> tables;

    @BeforeAll
    static void analyse() throws IOException {
        SharedSpark.session();
        assertEquals(0, Main.run(new String[] {"analyse", "--out", out.toString(), "--disclosure", "internal", "--no-cache"}));
        Path scenarios = publishDir.resolve("scenarios.yaml");
        String shipped = Files.readString(Path.of("data/scenarios.yaml"));
        assertTrue(shipped.contains("areas: [Drechtsteden-Noord]"), "the shipped trends");
        Files.writeString(scenarios, shipped.replace("areas: [Drechtsteden-Noord]",
                "areas: [Drechtsteden-Noord, GM0482, GM0523, GM0590, GM0610]"));
        published = publishDir.resolve("report");
        assertEquals(0, Main.run(new String[] {"analyse", "--out", published.toString(), "--no-cache",
                "--scenarios", scenarios.toString()}));
        tables = Map.of("flow_year", CsvRows.read(out.resolve("tables/flow_year.csv")));
    }

    @Test
    void theSampleMeetsEverySeedFigureAsCloselyAsTheGeneratorSteersIt() throws IOException {
        List<Calibration.Check> checks = Calibration.checks(FlowCsvTables.read(out.resolve("tables")));
        assertTrue(checks.size() >= 50, "only " + checks.size() + " seed figures checked");
        assertAll(checks.stream().map(c -> () -> assertTrue(c.holds(), c::toString)));
    }

    @Test
    void everyRowAndCentIsAccountedFor() throws IOException {
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        long rejects = Files.readAllLines(out.resolve("rejects/rejects.csv")).size() - 1;
        assertEquals(m.get("rows_rejected").asLong(), rejects);
        assertEquals(m.get("rows_read").asLong(), m.get("rows_accepted").asLong() + m.get("rows_rejected").asLong());
        assertEquals(new java.math.BigDecimal(m.get("amount_read").asText()),
                new java.math.BigDecimal(m.get("amount_accepted").asText()).add(new java.math.BigDecimal(m.get("amount_rejected").asText())));
        assertTrue(m.get("rejects_by_reason").get("duplicate_claim_id").asLong() > 0);
        // cost tables reconcile to the cent with the accepted net amount: the region's cost over all groups and years
        java.math.BigDecimal regionCost = tables.get("flow_year").stream().filter(r -> r.get("area_level").equals("region"))
                .map(r -> new java.math.BigDecimal(r.get("cost_eur"))).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertEquals(new java.math.BigDecimal(m.get("amount_accepted_net").asText()), regionCost);
    }

    @Test
    void everyPublishedColumnHasADutchAndAnEnglishHeader() throws IOException {
        Texts nl = new Texts("nl");
        Texts en = new Texts("en");
        List<String> missing = new ArrayList<>();
        for (Path csv : csvTables()) {
            for (String column : Files.readAllLines(csv).get(0).split(",")) {
                if (!nl.hasColumnLabel(column) || !en.hasColumnLabel(column)) missing.add(csv.getFileName() + ": " + column);
            }
        }
        assertEquals(List.of(), missing);
        Matcher raw = Pattern.compile("<th>[^<]*_[^<]*</th>").matcher(Files.readString(out.resolve("index.html")));
        assertFalse(raw.find(), () -> "a raw column name on the page: " + raw.group());
    }

    @Test
    void theNotebookShowsEveryChartAndTheWorkbookHoldsEveryTable() throws IOException {
        JsonNode nb = new ObjectMapper().readTree(out.resolve("report.ipynb").toFile());
        long images = 0;
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode o : cell.path("outputs")) if (o.get("data").has("image/png")) images++;
        }
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertEquals(charts.count(), images);
        }
        // Six for flows, local share and baseline, one for composite packages, the targets' staircase; per each of
        // the sample's five scenarios a payback, a fan, a tornado and its monitoring (all five start inside the data).
        assertEquals(6 + 1 + 1 + 4 * 5, images);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tables.xlsx")))) {
            List<Path> csvs = csvTables();
            assertEquals(csvs.size(), wb.getNumberOfSheets(), "a sheet for every table in tables/");
            for (Path csv : csvs) {
                String name = csv.getFileName().toString().replace(".csv", ".parquet");
                assertTrue(Files.size(out.resolve("tables/parquet").resolve(name)) > 0, "a Parquet file for " + csv);
            }
            // flow_year's first row, figure for figure
            List<Map<String, String>> flowYear = tables.get("flow_year");
            var sheet = wb.getSheet("flow_year");
            assertEquals(flowYear.get(0).get("area"), sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(0, new java.math.BigDecimal(flowYear.get(0).get("cost_eur"))
                    .compareTo(java.math.BigDecimal.valueOf(sheet.getRow(1).getCell(10).getNumericCellValue())));
        }
    }

    @Test
    void noSuppressedCellOfThePublishedTablesFollowsFromTheOthers() throws IOException {
        Reference reference = Reference.load(Path.of("data/reference"));
        Map<String, Table> before = FlowCsvTables.read(out.resolve("tables"));
        Map<String, Table> after = FlowCsvTables.read(published.resolve("tables"));
        assertEquals(10, after.size(), "every flow table");
        assertEquals(List.of(), Disclosure.recoverable(before, after, reference),
                "no suppressed cell is determined by adding and subtracting published ones");
        JsonNode d = new ObjectMapper().readTree(published.resolve("manifest.json").toFile()).get("disclosure");
        assertTrue(d.get("primary_cells").asLong() > 6000, "primary " + d.get("primary_cells"));
        assertTrue(d.get("secondary_cells").asLong() > 1000, "secondary " + d.get("secondary_cells"));
        try (Stream<Path> files = Files.list(published.resolve("tables"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".csv")).toList()) {
                String name = f.getFileName().toString().replace(".csv", "");
                assertTrue(d.get("tables").has(name), name + " went through disclosure control");
            }
        }
    }

    @Test
    void aTrendOfASmallMunicipalityQuotesOnlyPublishedFigures() throws IOException {
        Map<String, Map<String, String>> flowYear = new java.util.HashMap<>();
        for (Map<String, String> r : CsvRows.read(published.resolve("tables/flow_year.csv"))) {
            flowYear.put(r.get("area") + "|" + r.get("product_group") + "|" + r.get("year"), r);
        }
        int small = 0;
        for (Map<String, String> p : CsvRows.read(published.resolve("tables/baseline_projection.csv"))) {
            Map<String, String> cell = flowYear.get(p.get("area") + "|" + p.get("product_group") + "|" + p.get("year"));
            String source = cell == null ? "" : cell.get(p.get("measure"));
            if (source.isEmpty()) {
                assertEquals("", p.get("observed"), "observed follows flow_year: " + p);
                small++;
            }
        }
        assertTrue(small > 0, "some observed figures of the municipalities are suppressed");
    }

    static List<Path> csvTables() throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("tables"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void noRawClientIdReachesAnyOutput() throws IOException {
        Set<String> raw = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("data/claims"))) {
            for (Path f : files.toList()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                        StandardCharsets.UTF_8))) {
                    r.readLine();
                    for (String line; (line = r.readLine()) != null; ) {
                        String id = line.split(",", -1)[1];
                        if (id.length() >= 6) {
                            raw.add(id);
                            raw.add(id.replaceFirst("^0+", ""));
                        }
                    }
                }
            }
        }
        assertTrue(raw.size() > 1000, "the sample's client ids: " + raw.size());
        Pattern digits = Pattern.compile("\\d{6,}");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = digits.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                // whole numbers only: a claim id such as 2020000005902 holds other ids' digits by chance
                while (m.find()) {
                    assertFalse(raw.contains(m.group()) || raw.contains(m.group().replaceFirst("^0+", "")),
                            "raw client id " + m.group() + " in " + f);
                }
            }
        }
    }
}
