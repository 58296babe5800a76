package nl.voorkant.nowcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Table;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import org.junit.jupiter.api.Test;

class NowcastTablesTest {
    /**
     * One pattern for cost and clients, cumulative by delay 0 … 3:
     * 50 100 125 125 / 40 80 100 / 60 120 / 10: f0 = 300/150 = 2, f1 = 225/180 = 1.25, f2 = 1, every
     * ratio equal (no error). Completeness by age: 0: 0.4, 1: 0.8, 2 and later: 1.
     */
    private static DelayPatterns patterns() {
        double[][] t = {{50, 100, 125, 125}, {40, 80, 100, 0}, {60, 120, 0, 0}, {10, 0, 0, 0}};
        ChainLadder l = new ChainLadder(t, new int[] {3, 2, 1, 0}, 4, 12);
        return new DelayPatterns(YearMonth.of(2020, 3), Map.of("g", new DelayPatterns.Ladders(l, l)));
    }

    private static Map<String, Table> flowTables() {
        Table.Builder m = FlowMonth.SCHEMA.builder();
        m.row("R", "region", "g", "2019-12", 11L, 1L, 1L, new BigDecimal("110.00"));
        m.row("R", "region", "g", "2020-01", 12L, 1L, 1L, new BigDecimal("120.00"));
        m.row("R", "region", "g", "2020-02", 8L, 1L, 1L, new BigDecimal("80.00"));
        m.row("R", "region", "g", "2020-03", 4L, 1L, null, new BigDecimal("40.00"));
        Table.Builder y = FlowYear.SCHEMA.builder();
        y.row("R", "region", "g", 2019, 11L, 11.0, 1L, 1L, 2.0, 2, new BigDecimal("110.00"), 10.0, null, null, null);
        y.row("R", "region", "g", 2020, 20L, 8.0, 3L, 2L, 2.0, 2, new BigDecimal("240.00"), 10.0, null, null, null);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("flow_month", m.build());
        tables.put("flow_year", y.build());
        return tables;
    }

    @Test
    void monthsAreCompletedByChainLadderOrFromTheMonthsBefore() {
        Table month = NowcastTables.complete(flowTables(), patterns()).get("flow_month");
        assertEquals(FlowMonth.NOWCAST_SCHEMA, month.schema(), "flow_month gains the nowcast columns");
        // 2020-01 is two months old: complete, nothing to add.
        assertNull(month.value(1, FlowMonth.COMPLETENESS), "a complete month has no completeness");
        assertNull(month.value(1, FlowMonth.CLIENTS_NOWCAST), "nor a nowcast");
        assertEquals(false, month.value(1, FlowMonth.PROVISIONAL), "and is not provisional");
        // 2020-02, 80% complete: 8 / 0.8 = 10 clients, 80.00 / 0.8 = 100.00 euros.
        assertEquals(0.8, month.value(2, FlowMonth.COMPLETENESS), "February's completeness");
        assertEquals(true, month.value(2, FlowMonth.PROVISIONAL), "80% is provisional");
        assertEquals(10.0, month.value(2, FlowMonth.CLIENTS_NOWCAST), "February's clients completed");
        assertEquals(new BigDecimal("100.00"), month.value(2, FlowMonth.COST_EUR_NOWCAST), "February's cost completed");
        // 2020-03, 40% complete: 4 + 0.6 · mean(10, 12, 11) = 10.6 clients; 40 + 0.6 · mean(100, 120, 110) = 106 euros.
        assertEquals(0.4, month.value(3, FlowMonth.COMPLETENESS), "March's completeness");
        assertEquals(10.6, month.value(3, FlowMonth.CLIENTS_NOWCAST), "March's clients from the level of the months before");
        assertEquals(new BigDecimal("106.00"), month.value(3, FlowMonth.COST_EUR_NOWCAST), "March's cost likewise");
        // The factors add no error here; the prior does: 0.6² · var(10, 12, 11) / 3 = 0.12.
        double[] ci = NowcastTables.interval(new NowcastTables.Completion(4, 10.6, 0.12));
        assertEquals(Math.round(ci[0] * 100) / 100.0, month.value(3, FlowMonth.CLIENTS_NOWCAST_LOWER90), "lower bound");
        assertEquals(Math.round(ci[1] * 100) / 100.0, month.value(3, FlowMonth.CLIENTS_NOWCAST_UPPER90), "upper bound");
        assertTrue((Double) month.value(3, FlowMonth.CLIENTS_NOWCAST_LOWER90) > 4, "the interval starts above what is in");
    }

    @Test
    void aYoungMonthsNowcastFollowsTheCellsOfTheMonthsItWasTakenFrom() {
        Table month = NowcastTables.complete(flowTables(), patterns()).get("flow_month");
        List<String> basis = month.bases().get(3).stream().map(r -> r.key().get("month") + ":" + r.column()).toList();
        assertEquals(List.of("2020-03:clients", "2020-03:cost_eur", "2020-02:clients", "2020-02:cost_eur",
                "2020-01:clients", "2020-01:cost_eur", "2019-12:clients", "2019-12:cost_eur"), basis,
                "March's nowcast is empty when any month it was taken from is suppressed");
        List<CellRef> february = month.bases().get(2);
        assertEquals(2, february.size(), "February's chain-ladder uses its own clients and cost only");
    }

    @Test
    void theCurrentYearAddsItsMonthsReserves() {
        Table year = NowcastTables.complete(flowTables(), patterns()).get("flow_year");
        assertEquals(FlowYear.NOWCAST_SCHEMA, year.schema(), "flow_year gains the nowcast columns");
        assertNull(year.value(0, FlowYear.COST_EUR_NOWCAST), "2019 is complete");
        assertEquals(false, year.value(0, FlowYear.PROVISIONAL), "and not provisional");
        // Cost: 240 + (100 − 80) + (106 − 40) = 326. Clients: 24 client-months over 3 months; 8 + (2 + 6.6)/3.
        assertEquals(new BigDecimal("326.00"), year.value(1, FlowYear.COST_EUR_NOWCAST), "2020's cost completed");
        assertEquals(10.87, year.value(1, FlowYear.AVG_MONTHLY_CLIENTS_NOWCAST), "2020's average monthly clients completed");
        assertEquals(0.7362, year.value(1, FlowYear.COMPLETENESS), "240 / 326");
        assertEquals(true, year.value(1, FlowYear.PROVISIONAL), "74% complete is provisional");
        assertTrue(year.bases().get(1).stream().anyMatch(r -> r.table().equals("flow_year")
                && r.column().equals(FlowYear.COST_EUR.name())), "modelled on the year's own cost");
        assertTrue(year.bases().get(1).stream().anyMatch(r -> "2020-03".equals(r.key().get(Dimensions.MONTH.name()))),
                "and on its months' cells");
    }

    @Test
    void withoutDeclarationDatesTheAssumedProfileMarksMonthsButCompletesNone() {
        Table month = NowcastTables.complete(flowTables(), DelayPatterns.assumed(YearMonth.of(2020, 3))).get("flow_month");
        assertEquals(0.3, month.value(3, FlowMonth.COMPLETENESS), "age 0 of the assumed profile");
        assertEquals(0.9, month.value(1, FlowMonth.COMPLETENESS), "age 2 of the assumed profile");
        assertEquals(true, month.value(1, FlowMonth.PROVISIONAL), "90% is provisional");
        assertEquals(0.95, month.value(0, FlowMonth.COMPLETENESS), "age 3: 95%");
        assertEquals(false, month.value(0, FlowMonth.PROVISIONAL), "95% is not provisional");
        assertNull(month.value(3, FlowMonth.CLIENTS_NOWCAST), "an assumption completes nothing");
    }

    /**
     * Published, a suppressed count takes its nowcast along, and so does the young month whose
     * expected level was taken from it: 3 clients in 2020-01 (primary), so its cost, and March's
     * nowcast (from January, February and December) are empty; February's own chain-ladder stays.
     */
    @Test
    void aSuppressedCountIsNotGivenBackByANowcast() {
        Table.Builder m = FlowMonth.SCHEMA.builder();
        m.row("Regio", "region", "g", "2019-12", 11L, 0L, 0L, new BigDecimal("110.00"));
        m.row("Regio", "region", "g", "2020-01", 3L, 0L, 0L, new BigDecimal("30.00"));
        m.row("Regio", "region", "g", "2020-02", 8L, 0L, 0L, new BigDecimal("80.00"));
        m.row("Regio", "region", "g", "2020-03", 6L, 0L, null, new BigDecimal("40.00"));
        Map<String, Table> completed = NowcastTables.complete(Map.of("flow_month", m.build()), patterns());
        Table published = nl.voorkant.flow.Disclosure.publish(completed, nl.voorkant.flow.Disclosure.Mode.PUBLISH,
                nl.voorkant.testing.TestReference.small()).tables().get("flow_month");
        assertNull(published.value(1, FlowMonth.CLIENTS), "3 clients are suppressed");
        assertEquals(10.0, published.value(2, FlowMonth.CLIENTS_NOWCAST), "February's chain-ladder is its own: 8 / 0.8");
        assertNull(published.value(3, FlowMonth.CLIENTS_NOWCAST), "March's level came partly from January: empty");
        assertNull(published.value(3, FlowMonth.COST_EUR_NOWCAST_UPPER90), "and its interval");
        assertEquals(0.4, published.value(3, FlowMonth.COMPLETENESS), "the group's pattern reveals no one's count");
    }
}
