package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.Table;
import nl.voorkant.flow.Disclosure;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;

/** Scenario tables go through the same disclosure rules as the flow tables they are computed from. */
class ScenarioDisclosureTest {
    static List<Object> yearRow(Schema s, int year, long clients, long costEur) {
        List<Object> row = new ArrayList<>(Arrays.asList(new Object[s.columns().size()]));
        Map<String, Object> v = Map.of("area", "GM0482", "area_level", "municipality", "product_group", "begeleiding",
                "year", year, "unique_clients", clients, "cost_eur", BigDecimal.valueOf(costEur));
        v.forEach((c, x) -> row.set(s.columnNames().indexOf(c), x));
        return row;
    }

    @Test
    void aProjectionOfASmallMunicipalityNeitherQuotesNorFitsASuppressedCount() {
        Schema s = nl.voorkant.flow.tables.FlowYear.SCHEMA; // as the flow stage builds it, before the nowcast
        Table flowYear = new Table("flow_year", s, List.of(yearRow(s, 2017, 12, 30_000), yearRow(s, 2018, 4, 10_000),
                yearRow(s, 2019, 15, 36_000)), null);
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
                trends:
                  areas: [GM0482]
                  product_groups: [begeleiding]
                  horizon_years: 1
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, Map.of("flow_year", flowYear),
                null);
        Map<String, Table> all = new LinkedHashMap<>(Map.of("flow_year", flowYear));
        all.putAll(r.tables());
        Map<String, Table> published = Disclosure.publish(all, Disclosure.Mode.PUBLISH, TestReference.small()).tables();

        Table clients = published.get("baseline_projection").where("measure", "unique_clients");
        assertEquals(4.0, ((Number) r.tables().get("baseline_projection").where("measure", "unique_clients")
                .where("year", 2018).value(0, "observed")).doubleValue(), "computed on all figures");
        assertNull(clients.where("year", 2018).value(0, "observed"), "4 clients: the observed copy follows flow_year");
        assertEquals(12.0, ((Number) clients.where("year", 2017).value(0, "observed")).doubleValue(), "12 is published");
        for (int i = 0; i < clients.size(); i++) {
            assertNull(clients.value(i, "projected"), "a fit through 12, ?, 15 would give the 4 back");
        }
        Table cost = published.get("baseline_projection").where("measure", "cost_eur");
        assertNull(cost.where("year", 2018).value(0, "observed"), "the cost of 4 clients goes with them");
        Table trends = published.get("trends");
        for (int i = 0; i < trends.size(); i++) assertNull(trends.value(i, "growth_rate"), trends.value(i, "measure") + " trend");
        Table typed = published.get("scenario_typed_months");
        assertEquals(r.tables().get("scenario_typed_months").rows(), typed.rows(), "a typed-in scenario reveals no data");
        assertNull(published.get("scenario_on_baseline").rows().isEmpty() ? null
                : published.get("scenario_on_baseline").value(0, "baseline_cost_eur"), "it sits on the suppressed projection");
    }
}
