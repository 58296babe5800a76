package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import nl.voorkant.core.Catalogue;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.scenario.ScenarioTables.ScenarioMonths;
import nl.voorkant.scenario.ScenarioTables.ScenarioSummary;
import org.junit.jupiter.api.Test;

class ScenarioRunTest {

    private static final Catalogue DUTCH = Catalogue.of("nl");

    private static List<Object> column(Table t, Column c) {
        return t.rows().stream().map(r -> r.get(t.columnIndex(c))).toList();
    }

    private static List<BigDecimal> euros(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void thePresetsBegeleidingBuildsUpAsThePlanWorksItOut() {
        ScenarioRun.Result r = ScenarioRun.run(ScenarioConfig.preset("alblasserdam-2020"), null, null);
        // 50 clients at EUR 27,333 a month: EUR 546.66 a client-month. Inflow 5 a month, each staying 5 months:
        // front clients 5, 10, ... 25 and then steady. The front costs 0.9 x 546.66 = 491.994 a client-month;
        // the market loses the same clients a month later, saving 546.66 each.
        Table beg = r.tables().get("scenario_alblasserdam_begeleiding_months");
        assertEquals(List.of(5.0, 10.0, 15.0, 20.0, 25.0, 25.0, 25.0), column(beg, ScenarioMonths.FRONT_CLIENTS),
                "front clients: one cohort of 5 more each month until the first has left");
        assertEquals(List.of(50.0, 45.0, 40.0, 35.0, 30.0, 25.0, 25.0), column(beg, ScenarioMonths.MARKET_CLIENTS),
                "market clients: down by the front clients of the month before");
        // Month 1: budget 10 x 491.994 = 4,919.94, saving 5 x 546.66 = 2,733.30, draw 2,186.64; and so on
        // down by 273.33 a month, until in month 5 the saving (25 x 546.66) exceeds the budget.
        assertEquals(euros("2459.97", "2186.64", "1913.31", "1639.98", "1366.65", "0.00", "0.00"),
                column(beg, ScenarioMonths.FUND_DRAW_EUR), "the fund pays what the saving does not yet cover");
        assertEquals(new BigDecimal("9566.55"), beg.value(6, ScenarioMonths.CUMULATIVE_FUND_DRAW_EUR), "the draws added up");

        Table summary = r.tables().get("scenario_summary").where(ScenarioTables.SCENARIO, "alblasserdam_begeleiding");
        assertEquals(new BigDecimal("9566.55"), summary.value(0, ScenarioSummary.TOTAL_FUND_DRAW_EUR));
        // Steady state: 12 x (25 x 546.66 − 25 x 491.994) = 12 x 1,366.65.
        assertEquals(new BigDecimal("16399.80"), summary.value(0, ScenarioSummary.STEADY_STATE_YEARLY_SAVING_EUR));
        // The balance is −9,566.55 after month 4 and gains 1,366.65 a month from month 5: zero in month 11.
        assertEquals("2021-05", summary.value(0, ScenarioSummary.PAYBACK_MONTH), "payback 11 months after June 2020");
        assertEquals(true, summary.value(0, ScenarioSummary.FUND_CAP_OK), "9,566.55 within the fund of 19,000");
        assertNull(summary.value(0, ScenarioSummary.THIRTEEN_PERCENT_OK), "no back-end budget: the 13% test is unknown");
        // The plan's 2019 figures count as a baseline of that year, with its survival's mean of 5 months.
        assertEquals("basis 2019 uit de data: 50.0 cliënten, 5.00 instroom/mnd, duur 5.0 mnd (Kaplan-Meier); "
                + "13%-toets onbekend: geen budget achterkant", summary.value(0, ScenarioSummary.NOTE), "the note in Dutch in the table");
        assertEquals(Message.parts(List.of(Message.of("scenario.note.from_data", "2019", "50.0", "5.00", "5.0"),
                        Message.of("scenario.note.thirteen_unknown"))),
                r.texts().get(summary.value(0, ScenarioSummary.NOTE)), "and the message it was worded from");
    }

    @Test
    void thePresetsJoNetwerkDrawsLessEachMonth() {
        ScenarioRun.Result r = ScenarioRun.run(ScenarioConfig.preset("alblasserdam-2020"), null, null);
        // 24 clients at EUR 14,000 a month (583.33 a client-month), inflow 2 staying 9 months: in month k the
        // front budget is 0.9 x 583.33 x 2(k + 1) = 1,050(k + 1) and the saving 583.33 x 2k, so the draw is
        // 1,050 − 116.67k: 1,050.00, 933.33, ... 350.00, in all 7 x 1,050 − 116.67 x 21 = 4,900.
        Table jo = r.tables().get("scenario_alblasserdam_jo_netwerk_months");
        assertEquals(euros("1050.00", "933.33", "816.67", "700.00", "583.33", "466.67", "350.00"),
                column(jo, ScenarioMonths.FUND_DRAW_EUR));
        assertEquals(new BigDecimal("4900.00"), jo.value(6, ScenarioMonths.CUMULATIVE_FUND_DRAW_EUR));
        assertEquals(2, r.transitions().size(), "both transitions are returned for the console");
        assertTrue(r.plans().isEmpty() && r.notes().isEmpty(), "the preset plans no targets and skips nothing");
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
        ScenarioRun.Result r = ScenarioRun.run(c, null, null);
        assertEquals(0, r.tables().get("scenario_summary").size());
        assertEquals(List.of(Message.of("note.scenario.skipped", "p", Message.of("baseline.no_flow_tables"))), r.notes());
        assertEquals("scenario p overgeslagen: geen stroomtabellen (tables/flow_year.csv en tables/km_survival.csv) beschikbaar; "
                + "draai analyse op de declaraties",
                DUTCH.render(r.notes().get(0)), "in Dutch");
        assertEquals("scenario p skipped: no flow tables (tables/flow_year.csv and tables/km_survival.csv) available; "
                + "run analyse on the claims",
                Catalogue.of("en").render(r.notes().get(0)), "in English");
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
        ScenarioRun.Result r = ScenarioRun.run(c, java.util.Map.of("flow_year", flowYear.build()), null);
        Table on = r.tables().get("scenario_on_baseline");
        assertEquals(1, on.size());
        assertEquals(List.of(2020, 2, new BigDecimal("146410.00"), new BigDecimal("2700.00"), new BigDecimal("1000.00"),
                new BigDecimal("148110.00")), on.rows().get(0).subList(3, 9));
    }
}
