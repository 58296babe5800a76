package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.voorkant.core.Table;
import nl.voorkant.scenario.ScenarioConfig;
import nl.voorkant.scenario.ScenarioRun;
import nl.voorkant.scenario.ScenarioTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in the reader's words: no code or column name in the text a reader sees, every text from
 * the one catalogue in both languages, and an English report without Dutch.
 */
class ReaderWordsTest {
    /**
     * A run with scenarios as analyse makes it: flow tables by area level, two typed-in scenarios (one with
     * a title, one named by default), Monte Carlo and sensitivity, and a skipped scenario's note.
     */
    static ScenarioRun.Result scenarios() {
        return ScenarioRun.run(ScenarioConfig.parse("""
                scenarios:
                  - name: alblasserdam_jo_netwerk
                    title: "Alblasserdam: J&O, plan 2020"
                    area: GM0482
                    product_group: jo_netwerk
                    base_clients: 24
                    monthly_cost_eur: 14000
                    monthly_inflow: 2
                    duration_months: 9
                    start_month: 2020-06
                    horizon_months: 7
                    fund_cap_eur: 19000
                  - name: alblasserdam_begeleiding_big_bang
                    area: GM0482
                    product_group: begeleiding
                    mode: big-bang
                    base_clients: 50
                    monthly_cost_eur: 27333
                    monthly_inflow: 5
                    duration_months: 5
                    start_month: 2020-06
                    horizon_months: 24
                  - name: papendrecht_basis_ggz
                    area: GM0590
                    product_group: basis_ggz
                    base_year: 2019
                targets:
                  area: GM0590
                  base_year: 2019
                  shares: [0.3]
                montecarlo:
                  runs: 200
                  seed: 1
                sensitivity:
                  swing: 0.2
                """, "t.yaml"), null, null);
    }

    static Map<String, Table> tables(ScenarioRun.Result r) {
        Map<String, Table> t = new LinkedHashMap<>(HtmlReportTest.tables());
        t.put("flow_year", Table.builder("flow_year", "area", "area_level", "product_group", "year", "unique_clients", "cost_eur")
                .row("GM0482", "municipality", "jo_netwerk", 2018, 43L, new BigDecimal("144235.00"))
                .row("GM0482", "municipality", "basis_ggz", 2019, 47L, new BigDecimal("42368.00"))
                .row("Drechtsteden-Noord", "subregion", "jo_netwerk", 2018, 188L, new BigDecimal("669265.40"))
                .row("Zuid-Holland Zuid", "region", "jo_netwerk", 2018, 188L, new BigDecimal("669265.40")).build());
        t.put("local_share_year", Table.builder("local_share_year", "area", "area_level", "year", "local_share")
                .row("Zuid-Holland Zuid", "region", 2018, 0.1).row("Drechtsteden-Noord", "subregion", 2018, 0.1)
                .row("GM0482", "municipality", 2018, 0.12).row("Zuid-Holland Zuid", "region", 2019, 0.11).build());
        t.putAll(r.tables());
        return t;
    }

    static final Names NAMES = new Names(Map.of("GM0482", "Alblasserdam", "GM0590", "Papendrecht"),
            Map.of("jo_netwerk", "J&O in netwerk jeugdige", "begeleiding", "Begeleiding (l)vb", "basis_ggz", "Basis GGZ"),
            Map.of("alblasserdam_jo_netwerk", "Alblasserdam: J&O, plan 2020",
                    "alblasserdam_begeleiding_big_bang", "Alblasserdam: Begeleiding (l)vb",
                    "papendrecht_basis_ggz", "Papendrecht: Basis GGZ"));

    @Test
    void noIdentifierIsLeftInTheTextAReaderSeesInEitherLanguage(@TempDir Path out) throws IOException {
        ScenarioRun.Result r = scenarios();
        assertTrue(r.tables().containsKey("scenario_alblasserdam_jo_netwerk_months") && r.tables().containsKey("sensitivity"),
                "the run has scenario tables to show");
        for (String lang : List.of("nl", "en")) {
            Report.write(out, tables(r), HtmlReportTest.manifest(), r.notes(), r.texts(), NAMES, lang);
            String page = visible(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8));
            assertEquals(List.of(), identifiers(page), lang + ": identifiers on the page");
            assertEquals(List.of(), identifiers(visible(notebookText(out.resolve("report.ipynb")))),
                    lang + ": identifiers in the notebook");
            assertTrue(page.contains("Alblasserdam: J&O, plan 2020"), lang + ": a scenario by its title");
            assertTrue(page.contains("J&O in netwerk jeugdige"), lang + ": a product group by its catalogue name");
        }
    }

    @Test
    void theEnglishReportOfARunWithScenariosHoldsNoDutch(@TempDir Path out) throws IOException {
        ScenarioRun.Result r = scenarios();
        Report.write(out, tables(r), HtmlReportTest.manifest(), r.notes(), r.texts(), NAMES, "en");
        // The names are the catalogue's and the scenario file's own (Dutch) names; the rest must be English.
        String page = visible(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .replace("J&O in netwerk jeugdige", "").replace("Begeleiding (l)vb", "").replace("Basis GGZ", "");
        List<String> dutch = Stream.of("cliënt", "overgeslagen", "basis ingevoerd", "geleidelijk", "gemeente", "regio ",
                        "subregio's", "bijlage", "kosten", "instroom", "beroep op", "toets", " ja ", " nee ", " niet ", " uit de ",
                        "maanden", "jaar", "waargenomen", "verwacht", "onbekend", "productgroep", "doelen")
                .filter(w -> page.toLowerCase(java.util.Locale.ROOT).contains(w)).toList();
        assertEquals(List.of(), dutch, "Dutch words in the English report");
        assertTrue(page.contains("baseline typed in"), "the scenario note in English");
        assertTrue(page.contains("all at once") && page.contains(" yes "), "the mode and a check in English");
    }

    @Test
    void aSummaryOfAFewScenariosIsReadDownItsMeasuresOneColumnPerScenario(@TempDir Path out) throws IOException {
        ScenarioRun.Result r = scenarios();
        Report.write(out, tables(r), HtmlReportTest.manifest(), r.notes(), r.texts(), NAMES, "en");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        Texts en = new Texts("en");
        String scenarioColumns = "<tr><th>" + en.column("scenario") + "</th><th>Alblasserdam: J&amp;O, plan 2020</th>"
                + "<th>Alblasserdam: Begeleiding (l)vb</th>";
        assertTrue(html.contains(scenarioColumns), "the summary's header names the scenarios, one column each");
        int from = html.indexOf(scenarioColumns);
        String summary = html.substring(from, html.indexOf("</table>", from));
        assertEquals(ScenarioTables.ScenarioSummary.SCHEMA.columns().size() - 1, summary.split("<tr>").length - 2,
                "one row per measure of scenario_summary but the scenario itself");
        assertTrue(summary.contains("<tr><td>" + en.column("mode") + "</td><td>gradual</td><td>all at once</td>"),
                "a measure's row holds each scenario's value");
    }

    @Test
    void everyKeyOfOneLanguageIsInTheOther() throws IOException {
        Set<String> nl = keys("texts_nl.properties");
        Set<String> en = keys("texts_en.properties");
        Set<String> onlyNl = new TreeSet<>(nl);
        onlyNl.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(nl);
        assertEquals(Set.of(), onlyNl, "keys with Dutch text only");
        assertEquals(Set.of(), onlyEn, "keys with English text only");
    }

    /**
     * Message.of("key"), t.get("key"), t.get(x ? "a" : "b"), catalogue.get("key"), a section's open("s1", "s1.intro"):
     * each whole key the code names (a key's start that code completes, such as "chart.trend." + a measure, is not one).
     */
    private static final String KEY = "\"([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*)\"";
    private static final List<Pattern> KEY_USES = List.of(
            Pattern.compile("(?:Message\\.of|\\bt\\.get|catalogue\\.get|DUTCH\\.get)\\(\\s*" + KEY + "\\s*[,)]"),
            Pattern.compile("\\bt\\.get\\(\\s*[^\"(),;]+\\?\\s*" + KEY + "\\s*:\\s*" + KEY),
            Pattern.compile("\\bopen\\(\\s*" + KEY + "\\s*,\\s*" + KEY));

    @Test
    void everyMessageKeyTheCodeNamesIsInBothCatalogues() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                for (Pattern p : KEY_USES) {
                    Matcher m = p.matcher(code);
                    while (m.find()) for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) used.add(m.group(g));
                }
            }
        }
        assertTrue(used.containsAll(List.of("scenario.note.typed", "target.binding.thirteen", "s1.intro", "s6.payback.none", "s9",
                "appendix")), "the scan finds the keys of the scenario stage and of the report: " + used);
        for (String file : List.of("texts_nl.properties", "texts_en.properties")) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keys(file));
            assertEquals(Set.of(), missing, "keys the code uses that " + file + " lacks");
        }
    }

    /** The text a reader sees: without style, scripts, tags, embedded images and file names. */
    static String visible(String html) {
        String s = html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("src=\"data:[^\"]*\"", "").replaceAll("<[^>]+>", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        return s.replaceAll("[\\w./*-]+\\.(csv|png|json|parquet|xlsx|yaml|gz|ipynb)\\b", " ").replaceAll("\\s+", " ");
    }

    static List<String> identifiers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\w+_\\w+").matcher(text);
        while (m.find()) found.add(m.group());
        return found.stream().distinct().toList();
    }

    /** Every markdown cell and every shown output (HTML and plain) of the notebook, and the code cells' source. */
    private static String notebookText(Path notebook) throws IOException {
        StringBuilder s = new StringBuilder();
        for (JsonNode cell : new ObjectMapper().readTree(notebook.toFile()).get("cells")) {
            // Markdown escapes its underscores; the reader sees them plain.
            cell.get("source").forEach(l -> s.append(l.asText().replace("\\_", "_")).append(' '));
            for (JsonNode o : cell.path("outputs")) {
                o.get("data").path("text/html").forEach(l -> s.append(l.asText()).append(' '));
                o.get("data").path("text/plain").forEach(l -> s.append(l.asText()).append(' '));
            }
        }
        return s.toString();
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
