package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.scenario.ScenarioConfig;
import nl.voorkant.scenario.ScenarioRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    static Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows_read", 1234L);
        m.put("rows_accepted", 1200L);
        m.put("rows_rejected", 34L);
        m.put("amount_read", "1234.56");
        m.put("amount_accepted", "1200.00");
        m.put("amount_rejected", "34.56");
        m.put("rejects_by_reason", Map.of("unknown_product", 34L));
        m.put("input_files", List.of(Map.of("name", "claims.csv", "format", "csv", "size", 10L, "sha256", "ab")));
        m.put("parameters", Map.of("disclosure", "publish", "lang", "nl"));
        m.put("versions", Map.of("voorkant", "test"));
        m.put("period_first_month", "2018-01");
        m.put("period_last_month", "2019-12");
        return m;
    }

    static Map<String, Table> tables() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("flow_year", Table.builder("flow_year", "area", "area_level", "product_group", "year", "unique_clients", "cost_eur")
                .row("GM0482", "municipality", "begeleiding", 2018, 77L, new BigDecimal("247331.60"))
                .row("Drechtsteden-Noord", "subregion", "begeleiding", 2018, null, new BigDecimal("1041939.20"))
                .build());
        t.put("flow_month", Table.builder("flow_month", "area", "area_level", "product_group", "month", "clients", "inflow", "outflow")
                .row("R", "region", "begeleiding", "2018-01", 10L, null, 5L).row("R", "region", "begeleiding", "2018-02", 12L, 7L, null)
                .build());
        t.put("local_share_year", Table.builder("local_share_year", "area", "area_level", "year", "local_share")
                .row("R", "region", 2018, 0.1).row("R", "region", 2019, 0.12).build());
        return t;
    }

    @Test
    void writesASelfContainedDutchReportWithTheMemoBesideTheData(@TempDir Path out) throws IOException {
        Report.write(out, tables(), manifest(), List.of(Message.of("note.trends.no_area", "X")), Map.of(),
                Map.of("GM0482", "Alblasserdam"), "nl");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2>1. Data en kwaliteit</h2>"), "numbered Dutch sections");
        assertTrue(html.contains("77 · € 247.332"), "computed cell in the memo's layout, Dutch format");
        assertTrue(html.contains("77 · € 247.328"), "the memo's own figure beside it");
        assertTrue(html.contains("€ 1.234,56"), "amounts as Dutch euros");
        assertTrue(html.contains("– · € 1.041.939"), "a suppressed count shows as a dash");
        assertTrue(html.contains("Publicatiemodus"), "the disclosure mode is stated");
        assertTrue(html.contains("trends voor X overgeslagen: gebied komt niet voor in de data"), "notes reach the reader");
        assertFalse(html.contains("http://") || html.contains("https://"), "no network needed");
        for (String chart : List.of("clients_per_month.png", "inflow_outflow.png", "local_share.png")) {
            var image = ImageIO.read(out.resolve("charts").resolve(chart).toFile());
            assertEquals(Charts.WIDTH, image.getWidth(), chart);
        }
        assertTrue(html.contains("<th>grootheid</th><th>waarde</th>"), "the report's own tables, Dutch headers");
        assertTrue(html.contains("<th>gebied</th><th>niveau</th><th>jaar</th><th>lokaal aandeel</th>"), "Dutch headers");
        Report.write(out, tables(), manifest(), List.of(), Map.of(), Map.of(), "en");
        String english = Files.readString(out.resolve("index.html"));
        assertTrue(english.contains("<h2>1. Data and quality</h2>"));
        assertTrue(english.contains("<th>area</th><th>level</th><th>year</th><th>local share</th>"), "English headers");
    }

    @Test
    void scenarioNotesAndTableTextsAreWordedInTheReportsLanguage(@TempDir Path out) throws IOException {
        // A typed-in scenario (its note), one read from data that is not there, and targets without a catalogue.
        ScenarioConfig c = ScenarioConfig.parse("""
                scenarios:
                  - name: typed
                    area: GM0482
                    product_group: begeleiding
                    base_clients: 10
                    monthly_cost_eur: 10000
                    monthly_inflow: 1
                    duration_months: 2
                    start_month: 2020-11
                    horizon_months: 2
                  - name: p
                    area: GM0590
                    product_group: begeleiding
                    base_year: 2019
                targets:
                  area: GM0590
                  base_year: 2019
                  shares: [0.3]
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, null, null);
        Table summary = r.tables().get("scenario_summary");
        assertEquals("basis ingevoerd; 13%-toets onbekend: geen budget achterkant", summary.value(0, "note"),
                "the table holds the Dutch wording, as its CSV always has");
        Map<String, Table> tables = new LinkedHashMap<>(tables());
        tables.putAll(r.tables());
        Report.write(out, tables, manifest(), r.notes(), r.texts(), Map.of(), "en");
        String english = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(english.contains("<td>baseline typed in; 13% test unknown: no back-end budget</td>"), "the note in English");
        assertTrue(english.contains("<li>scenario p skipped: no flow tables (flow_year and km_survival) available; "
                + "run analyse on claims</li>"), "a skipped scenario's note in English");
        assertTrue(english.contains("<li>targets skipped: no product catalogue (reference) found</li>"));
        assertFalse(english.contains("overgeslagen") || english.contains("basis ingevoerd"), "no Dutch note is left");
        Report.write(out, tables, manifest(), r.notes(), r.texts(), Map.of(), "nl");
        String dutch = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(dutch.contains("<td>basis ingevoerd; 13%-toets onbekend: geen budget achterkant</td>"), "and in Dutch");
        assertTrue(dutch.contains("<li>doelen overgeslagen: geen productcatalogus (reference) gevonden</li>"));
    }

    @Test
    void rendersInHeadlessChromiumWithEveryImageLoaded(@TempDir Path out) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium is not installed (apt-get install chromium): skipped");
        Report.write(out, tables(), manifest(), List.of(), Map.of(), Map.of(), "nl");
        // The page itself counts its images that failed to load; --dump-dom prints the result.
        Path page = out.resolve("index.html");
        Files.writeString(page, Files.readString(page).replace("</body>", "<script>document.body.setAttribute('data-broken',"
                + "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length + '/' + document.images.length)"
                + "</script></body>"));
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + out.resolve("profile"), "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(dom.contains("data-broken=\"0/3\""), "images that failed to load: " + dom.replaceAll("(?s).*data-broken=\"([^\"]*)\".*", "$1"));
    }
}
