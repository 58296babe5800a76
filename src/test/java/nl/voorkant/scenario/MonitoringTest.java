package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Table;
import nl.voorkant.flow.tables.FlowMonth;
import org.junit.jupiter.api.Test;

/**
 * A running plan beside the claims, by hand. flow_month has GM0482 begeleiding in 2020-05 .. 2020-07,
 * the first month's inflow unknown; the plan: 10 market clients, inflow 2 a month all diverted, a fixed
 * duration of 2 months, lag 1, so market clients 10, 10 − 2·1 = 8, 10 − 2·2 = 6 and inflow 2, 0, 0.
 */
class MonitoringTest {
    static Table flowMonth() {
        Table.Builder b = FlowMonth.SCHEMA.builder();
        b.row("GM0482", "municipality", "begeleiding", "2020-05", 9L, null, 1L, new BigDecimal("900.00"));
        b.row("GM0482", "municipality", "begeleiding", "2020-06", 11L, 3L, 2L, new BigDecimal("1100.00"));
        b.row("GM0482", "municipality", "begeleiding", "2020-07", 12L, 2L, null, new BigDecimal("1200.00"));
        return b.build();
    }

    static Transition plan(String name, YearMonth start) {
        Baseline base = new Baseline("GM0482", "begeleiding", null, 10, 1000, 2, 2, Survival.fixed(2));
        return TransitionModel.run(new Scenario(name, base, Scenario.Mode.GRADUAL, Scenario.Diversion.ALL, 0.9, 1, start,
                3, 0, null, null));
    }

    @Test
    void aPlanThatStartsInsideTheDataIsMonitoredToTheDatasLastMonth() {
        List<Transition> plans = List.of(plan("inside", YearMonth.of(2020, 6)), plan("later", YearMonth.of(2020, 8)),
                plan("earlier", YearMonth.of(2020, 4)));
        Map<String, List<CellRef>> bases = Map.of("inside", List.of(), "later", List.of(), "earlier", List.of());
        Table m = Monitoring.build(plans, bases, flowMonth());
        assertEquals(List.of("inside", "inside"), m.rows().stream().map(r -> r.get(0)).toList(),
                "June and July: the horizon's August lies past the data; the others start outside it");
        assertEquals(10.0, m.value(0, Monitoring.PLANNED_MARKET_CLIENTS), "June: the market loses clients a month later");
        assertEquals(8.0, m.value(1, Monitoring.PLANNED_MARKET_CLIENTS), "July: one cohort of 2 gone");
        assertEquals(11L, m.value(0, Monitoring.OBSERVED_MARKET_CLIENTS), "flow_month's June");
        assertEquals(4.0, m.value(1, Monitoring.DIFFERENCE), "12 observed less 8 planned");
        assertEquals(2.0, m.value(0, Monitoring.PLANNED_MARKET_INFLOW), "June's inflow still goes to the market");
        assertEquals(0.0, m.value(1, Monitoring.PLANNED_MARKET_INFLOW), "from July all of it is diverted");
        assertEquals(2L, m.value(1, Monitoring.OBSERVED_MARKET_INFLOW), "flow_month's July");
    }

    @Test
    void aMonthWithoutAnyLineOfTheGroupHadNoClients() {
        Baseline base = new Baseline("GM0482", "jo_netwerk", null, 3, 1000, 1, 1, Survival.fixed(1));
        Transition jo = TransitionModel.run(new Scenario("jo", base, Scenario.Mode.GRADUAL, Scenario.Diversion.ALL, 0.9, 1,
                YearMonth.of(2020, 5), 2, 0, null, null));
        Table m = Monitoring.build(List.of(jo), Map.of("jo", List.of()), flowMonth());
        assertEquals(0L, m.value(0, Monitoring.OBSERVED_MARKET_CLIENTS), "no jo_netwerk line in May");
        assertNull(m.value(0, Monitoring.OBSERVED_MARKET_INFLOW), "May's inflow is unknown (censored) in the data");
        assertEquals(0L, m.value(1, Monitoring.OBSERVED_MARKET_INFLOW), "June's is known: none");
    }
}
