package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.scenario.ScenarioTables;
import nl.voorkant.scenario.ScenarioTables.MonteCarloMonths;
import nl.voorkant.scenario.ScenarioTables.MonteCarloTotals;
import nl.voorkant.scenario.ScenarioTables.ScenarioSummary;
import nl.voorkant.scenario.ScenarioTables.SwungParameters;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void columnHeadersInTheReportsLanguageOrTheirOwnName() {
        assertEquals("kosten (€)", new Texts("nl").column("cost_eur"));
        assertEquals("cost (€)", new Texts("en").column("cost_eur"));
        assertEquals("lokaal aandeel", new Texts("nl").column("local_share"));
        assertEquals("Alblasserdam", new Texts("nl").column("Alblasserdam"), "an area's name in the memo's layout");
        assertFalse(new Texts("en").hasColumnLabel("Alblasserdam"));
    }

    @Test
    void everyRejectReasonAndQualityMeasureHasALabelInBothLanguages() {
        for (String lang : new String[] {"nl", "en"}) {
            Texts t = new Texts(lang);
            for (nl.voorkant.ingest.ClaimParser.Reason r : nl.voorkant.ingest.ClaimParser.Reason.values()) {
                assertNotEquals(r.code(), t.value(r.code()), lang + " " + r.code());
            }
        }
        assertEquals("cliënt-id ontbreekt", new Texts("nl").value("missing_client_id"));
        assertEquals("rows read", new Texts("en").value("rows_read"));
        assertEquals("not_a_value", new Texts("nl").value("not_a_value"));
    }

    @Test
    void everyColumnOfEveryPublishedTableHasALabelInBothLanguages() {
        List<Column> columns = new ArrayList<>();
        ReportTables.all().forEach(s -> columns.addAll(s.columns()));
        // Values of a table's measure or parameter column are labelled like columns.
        columns.addAll(SwungParameters.ALL);
        columns.addAll(List.of(MonteCarloTotals.FUND_DRAW_EUR, MonteCarloTotals.YEARLY_SAVING_EUR,
                MonteCarloMonths.CUMULATIVE_FUND_DRAW_EUR, MonteCarloMonths.SAVING_EUR));
        columns.addAll(ScenarioTables.TREND_MEASURES);
        assertTrue(columns.contains(FlowYear.INFLOW) && columns.contains(ScenarioSummary.NOTE), "flow and scenario tables");
        for (String lang : new String[] {"nl", "en"}) {
            Texts t = new Texts(lang);
            List<String> missing = columns.stream().map(Column::name).distinct().filter(n -> !t.hasColumnLabel(n)).toList();
            assertEquals(List.of(), missing, "columns without a label in " + lang);
        }
    }

    @Test
    void bothLanguagesHaveTheSameTexts() throws IOException {
        assertEquals(keys("texts_nl.properties"), keys("texts_en.properties"));
        assertTrue(keys("texts_nl.properties").contains("column.unique_clients"));
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
