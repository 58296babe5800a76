package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.voorkant.core.Table;
import org.junit.jupiter.api.Test;

class ScenarioRunTest {

    @Test
    void presetWritesAndPrintsBothPlanTables() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScenarioRun.Result r = ScenarioRun.run(ScenarioConfig.preset("alblasserdam-2020"), null,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Table beg = r.tables().get("scenario_alblasserdam_begeleiding_months");
        assertEquals(ScenarioRun.MONTHS.columnNames(), beg.columns());
        assertEquals(7, beg.size());
        assertEquals("2020-06", beg.value(0, "month"));
        assertEquals(new BigDecimal("2459.97"), beg.value(0, "fund_draw_eur"));
        assertEquals(new BigDecimal("9566.55"), beg.value(6, "cumulative_fund_draw_eur"));
        Table jo = r.tables().get("scenario_alblasserdam_jo_netwerk_months");
        assertEquals(new BigDecimal("4900.00"), jo.value(6, "cumulative_fund_draw_eur"));
        Table summary = r.tables().get("scenario_summary");
        assertEquals(ScenarioRun.SUMMARY.columnNames(), summary.columns());
        assertEquals(new BigDecimal("9566.55"), summary.value(0, "total_fund_draw_eur"));
        assertEquals("true", summary.value(0, "fund_cap_ok"));
        assertNull(summary.value(0, "thirteen_percent_ok"));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("2020-12"), printed);
        assertTrue(printed.contains("9,566.55"), printed);
    }

    @Test
    void aDataDrivenScenarioWithoutDataIsSkippedWithANote() {
        ScenarioConfig c = ScenarioConfig.parse("""
                scenarios:
                  - name: p
                    area: GM0590
                    product_group: begeleiding
                    base_year: 2019
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, r.tables().get("scenario_summary").size());
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("scenario p overgeslagen: "), r.notes().get(0));
    }

    @Test
    void aScenarioSitsOnTopOfTheProjectedBaseline() {
        // Cost grows exactly 10% a year from 100,000 (2016): the 2020 projection is 146,410.
        Table.Builder flowYear = Table.builder("flow_year", FlowBaselinesTest.FLOW_YEAR);
        double cost = 100_000;
        for (int year = 2016; year <= 2019; year++, cost *= 1.1) {
            flowYear.row("X", "municipality", "g", year, 100L, 10.0, 10L, 10L, 2.0, 2, BigDecimal.valueOf(cost), 1.0, 0.5, 5L);
        }
        // 10 clients at 1,000 a month, inflow 1, duration 2, Nov-Dec 2020: November front 1 (900) and no
        // saving yet; December front 2 (1,800) and the market one client (1,000) down.
        ScenarioConfig c = ScenarioConfig.parse("""
                scenarios:
                  - name: s
                    area: X
                    product_group: g
                    base_clients: 10
                    monthly_cost_eur: 10000
                    monthly_inflow: 1
                    duration_months: 2
                    start_month: 2020-11
                    horizon_months: 2
                trends:
                  areas: [X]
                  product_groups: [g]
                  horizon_years: 1
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, java.util.Map.of("flow_year", flowYear.build()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Table on = r.tables().get("scenario_on_baseline");
        assertEquals(1, on.size());
        assertEquals(List.of(2020, 2, new BigDecimal("146410.00"), new BigDecimal("2700.00"), new BigDecimal("1000.00"),
                new BigDecimal("148110.00")), on.rows().get(0).subList(3, 9));
    }
}
