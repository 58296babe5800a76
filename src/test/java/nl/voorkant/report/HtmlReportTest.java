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
                new Names(Map.of("GM0482", "Alblasserdam"), Map.of(), Map.of()), "nl");
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
        assertTrue(html.contains("<th>gebied</th><th>jaar</th><th>lokaal aandeel</th>"),
                "Dutch headers; a table of one area level has no column of it");
        Report.write(out, tables(), manifest(), List.of(), Map.of(), Names.NONE, "en");
        String english = Files.readString(out.resolve("index.html"));
        assertTrue(english.contains("<h2>1. Data and quality</h2>"));
        assertTrue(english.contains("<th>area</th><th>year</th><th>local share</th>"), "English headers");
    }

    /** The manifest's nowcast section of a run on dated claims: two provisional months, 90% and 42% in. */
    static Map<String, Object> estimated() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("extract_date_source", "latest declaration date");
        n.put("extract_date", "2018-02-20");
        n.put("lines_with_declaration_date", 1200L);
        n.put("lines_without_declaration_date", 0L);
        n.put("provisional_months", Map.of("2018-02", 0.42, "2018-01", 0.9));
        return n;
    }

    /** flow_month of {@link #tables()} with its provisional mark: 2018-02 is provisional, without a nowcast. */
    static Map<String, Table> withProvisionalMonth() {
        Map<String, Table> t = new LinkedHashMap<>(tables());
        t.put("flow_month", Table.builder("flow_month", "area", "area_level", "product_group", "month", "clients", "inflow",
                        "outflow", "provisional", "clients_nowcast")
                .row("R", "region", "begeleiding", "2018-01", 10L, null, 5L, false, null)
                .row("R", "region", "begeleiding", "2018-02", 12L, 7L, null, true, null).build());
        return t;
    }

    @Test
    void theReportSaysWhichMonthsAreProvisionalAndHowCompleteInBothLanguages(@TempDir Path out) throws IOException {
        Map<String, Object> manifest = manifest();
        manifest.put("nowcast", estimated());
        Report.write(out, withProvisionalMonth(), manifest, List.of(), Map.of(), Names.NONE, "nl");
        String dutch = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(dutch.contains("Peildatum van het extract: 2018-02-20 (de laatste declaratiedatum). Voorlopig, omdat er "
                + "nog declaraties voor binnenkomen (minder dan 95% binnen), zijn 2018-01 (90%), 2018-02 (42%); per maand het "
                + "aandeel van de uiteindelijke kosten dat binnen is, in de productgroep met het laagste aandeel. De aandelen "
                + "zijn geschat uit de vertraging"), "the provisional months, oldest first, with their share in, in Dutch");
        assertTrue(dutch.contains("Voorlopige maanden (2018-02) zijn gestreept getekend"),
                "the chart's caption says which months are dashed");
        assertTrue(dutch.contains("Zonder declaratiedatums is er geen nowcast"), "and that this one has no band");
        Report.write(out, withProvisionalMonth(), manifest, List.of(), Map.of(), Names.NONE, "en");
        String english = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(english.contains("Extract date: 2018-02-20 (the latest declaration date). Provisional, because claims "
                + "for them are still coming in (less than 95% in), are 2018-01 (90%), 2018-02 (42%); per month the share of "
                + "its final cost that is in, in the product group with the lowest share. The shares are estimated"),
                "the same in English");
        assertTrue(english.contains("Provisional months (2018-02) are drawn dashed"), "and the caption");
    }

    @Test
    void withoutDeclarationDatesTheReportStatesTheAssumedProfile(@TempDir Path out) throws IOException {
        Map<String, Object> nowcast = new LinkedHashMap<>(estimated());
        nowcast.put("extract_date_source", "end of the last care month (no declaration dates)");
        nowcast.put("lines_with_declaration_date", 0L);
        nowcast.put("assumed_profile", List.of(0.3, 0.75));
        nowcast.put("provisional_months", Map.of("2018-02", 0.3));
        Map<String, Object> manifest = manifest();
        manifest.put("nowcast", nowcast);
        Report.write(out, tables(), manifest, List.of(), Map.of(), Names.NONE, "nl");
        String dutch = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(dutch.contains("(het einde van de laatste zorgmaand, want de declaraties hebben geen declaratiedatum)"),
                "where the extract date came from");
        assertTrue(dutch.contains("Aanname: de declaraties hebben geen declaratiedatum, dus de nieuwste maanden kunnen "
                + "onvolledig zijn.") && dutch.contains("is bij leeftijd 0: 30%, 1: 75%, daarna: 100%. Ze zijn niet aangevuld."), "the assumption with its profile, in Dutch");
        assertFalse(dutch.contains("geschat uit de vertraging"), "nothing was estimated");
        Report.write(out, tables(), manifest, List.of(), Map.of(), Names.NONE, "en");
        String english = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(english.contains("Assumption: the claims carry no declaration dates, so the newest months may be "
                + "incomplete.") && english.contains("is, at age 0: 30%, 1: 75%, later: 100%. They are not completed."), "and in English");
    }

    @Test
    void aRunWithoutAnEarlierOneSaysNothingOfRevisions(@TempDir Path out) throws IOException {
        Map<String, Object> manifest = manifest();
        manifest.put("revisions", Map.of("earlier_run", "", "compared", false, "not_compared", "no earlier run", "changed_cells", 0));
        Report.write(out, tables(), manifest, List.of(), Map.of(), Names.NONE, "nl");
        String dutch = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(dutch.contains("Wat is veranderd sinds de vorige run"), "no earlier run, no revisions heading");
        assertFalse(dutch.contains("Peildatum"), "no nowcast section, no provisional months");
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
        Report.write(out, tables, manifest(), r.notes(), r.texts(), Names.NONE, "en");
        String english = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(english.contains("<td>baseline typed in; 13% test unknown: no back-end budget</td>"), "the note in English");
        assertTrue(english.contains("<li>scenario p skipped: no flow tables (tables/flow_year.csv and tables/km_survival.csv) available; "
                + "run analyse on the claims</li>"), "a skipped scenario's note in English");
        assertTrue(english.contains("<li>targets skipped: no product catalogue (reference) found</li>"));
        assertFalse(english.contains("overgeslagen") || english.contains("basis ingevoerd"), "no Dutch note is left");
        Report.write(out, tables, manifest(), r.notes(), r.texts(), Names.NONE, "nl");
        String dutch = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(dutch.contains("<td>basis ingevoerd; 13%-toets onbekend: geen budget achterkant</td>"), "and in Dutch");
        assertTrue(dutch.contains("<li>doelen overgeslagen: geen productcatalogus (reference) gevonden</li>"));
    }

    @Test
    void rendersInHeadlessChromiumWithEveryImageLoaded(@TempDir Path out) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium is not installed (apt-get install chromium): skipped");
        Report.write(out, tables(), manifest(), List.of(), Map.of(), Names.NONE, "nl");
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

    @Test
    void aNationalExtractsRegionsAndSubregionsAreBoundedInTheBodyAndTheAppendixAlike(@TempDir Path out) throws IOException {
        // Twenty subregions over two years: the rule shows the first twelve by name, in both parts of the page.
        Table.Builder providers = Table.builder("providers_year", "area", "area_level", "product_group", "year", "providers", "hhi");
        for (int i = 1; i <= 20; i++) {
            for (int year : List.of(2018, 2019)) providers.row(String.format("Sub%02d", i), "subregion", "begeleiding", year, 7L, 0.2);
        }
        // Fourteen regions' durations: the body's table names the first twelve.
        Table.Builder durations = Table.builder("durations", "area", "area_level", "product_group", "trajectories");
        for (int i = 1; i <= 14; i++) durations.row(String.format("Region%02d", i), "region", "begeleiding", 40L);
        Map<String, Table> tables = tables();
        tables.put("providers_year", providers.build());
        tables.put("durations", durations.build());
        Report.write(out, tables, manifest(), List.of(), Map.of(), Names.NONE, "en");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<td>Sub12</td>"), "the twelfth subregion is shown");
        assertFalse(html.contains("Sub13"), "the thirteenth is not, in the body nor in the appendix");
        assertTrue(html.contains("8 areas are not in this table (the rule is in the appendix); every area is in "
                + "tables/providers_year.csv."), "the reader is told how many are left out, and where they are");
        assertTrue(html.contains("<td>Region12</td>") && !html.contains("Region13"), "twelve regions' durations");
        assertTrue(html.contains("2 areas are not in this table (the rule is in the appendix); every area is in "
                + "tables/durations.csv."), "and the two left out are counted");
        int appendix = html.indexOf("id=\"appendix\"");
        assertTrue(appendix > 0 && html.indexOf("<td>Sub01</td>", appendix) > 0, "the appendix has the shown areas' years");
    }

    @Test
    void anAppendixHeadingNamesItsYearAsAYearNotAsANumber(@TempDir Path out) throws IOException {
        Map<String, Table> tables = tables();
        tables.put("flow_year", Table.builder("flow_year", "area", "area_level", "product_group", "year", "unique_clients", "cost_eur")
                .row("GM0482", "municipality", "begeleiding", 2017, 70L, new BigDecimal("200000.00"))
                .row("GM0482", "municipality", "begeleiding", 2018, 77L, new BigDecimal("247331.60"))
                .row("GM0482", "municipality", "begeleiding", 2019, 80L, new BigDecimal("250000.00")).build());
        Report.write(out, tables, manifest(), List.of(), Map.of(), Names.NONE, "en");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Care use in 2017"), "2017, neither the memo's year nor the newest, is in the appendix");
        assertFalse(html.contains("2,017"), "with no thousands separator");
    }
}
