package nl.voorkant.scenario;

import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.core.schema.Column.modelled;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.scenario.ScenarioTables.SCENARIO;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.FlowMonth;

/**
 * monitoring: a running plan's months beside what the claims show (the plan discusses the build-up monthly
 * and evaluates in the fourth quarter). For every scenario whose start month lies inside the data, from
 * that month to the end of its horizon or of the data, whichever comes first: the planned market clients
 * and inflow and the observed ones of flow_month for the scenario's area and group.
 */
public final class Monitoring {
    private Monitoring() {}

    /** The scenario's market clients in the month (its months table's market_clients). */
    public static final Column PLANNED_MARKET_CLIENTS = modelled("planned_market_clients", Type.DOUBLE);
    /** flow_month's clients of the area, group and month: empty where that cell is. */
    public static final Column OBSERVED_MARKET_CLIENTS = derived("observed_market_clients", Type.LONG)
            .alsoFrom(FlowMonth.SCHEMA.name(), FlowMonth.CLIENTS);
    /**
     * The base inflow, less the diverted inflow from the month the market clients start to fall (the scenario's
     * lag after its start).
     */
    public static final Column PLANNED_MARKET_INFLOW = modelled("planned_market_inflow", Type.DOUBLE);
    public static final Column OBSERVED_MARKET_INFLOW = derived("observed_market_inflow", Type.LONG)
            .alsoFrom(FlowMonth.SCHEMA.name(), FlowMonth.INFLOW);
    /** Observed less planned market clients: above zero, the market keeps more clients than planned. */
    public static final Column DIFFERENCE = derived("difference", Type.DOUBLE, OBSERVED_MARKET_CLIENTS,
            PLANNED_MARKET_CLIENTS);

    public static final Schema SCHEMA = Schema.of("monitoring", SCENARIO, AREA, PRODUCT_GROUP, MONTH,
            PLANNED_MARKET_CLIENTS, OBSERVED_MARKET_CLIENTS, PLANNED_MARKET_INFLOW, OBSERVED_MARKET_INFLOW, DIFFERENCE);

    /**
     * @param bases     per scenario the cells its baseline was read from (none for one typed in)
     * @param flowMonth the unsuppressed flow_month, or null without flow tables (then there are no rows)
     */
    static Table build(List<Transition> transitions, Map<String, List<CellRef>> bases, Table flowMonth) {
        Table.Builder out = SCHEMA.builder();
        if (flowMonth == null) return out.build();
        TreeSet<String> dataMonths = new TreeSet<>();
        Set<String> unknownInflow = new HashSet<>();
        for (int i = 0; i < flowMonth.size(); i++) {
            String month = (String) flowMonth.value(i, MONTH);
            if (((Number) flowMonth.value(i, FlowMonth.CLIENTS)).longValue() > 0) dataMonths.add(month);
            if (flowMonth.value(i, FlowMonth.INFLOW) == null) unknownInflow.add(month);
        }
        if (dataMonths.isEmpty()) return out.build();
        YearMonth first = YearMonth.parse(dataMonths.first()), last = YearMonth.parse(dataMonths.last());
        for (Transition t : transitions) {
            Scenario sc = t.scenario();
            if (sc.start().isBefore(first) || sc.start().isAfter(last)) continue;
            Table cells = flowMonth.where(AREA, sc.baseline().area()).where(PRODUCT_GROUP, sc.baseline().productGroup());
            for (int k = 0; k < t.months().size() && !t.months().get(k).month().isAfter(last); k++) {
                Transition.Month m = t.months().get(k);
                String month = m.month().toString();
                Table cell = cells.where(MONTH, month);
                // A month without a line of the group had no clients, and no inflow where inflow is known.
                Long clients = cell.size() == 0 ? 0L : (Long) cell.value(0, FlowMonth.CLIENTS);
                Long inflow = cell.size() > 0 ? (Long) cell.value(0, FlowMonth.INFLOW) : unknownInflow.contains(month) ? null : 0L;
                double plannedInflow = sc.baseline().monthlyInflow() - (k >= sc.lagMonths() ? sc.divertedMonthlyInflow() : 0);
                out.basedRow(bases.get(sc.name()), new RowValues(SCHEMA).put(SCENARIO, sc.name()).put(AREA, sc.baseline().area())
                        .put(PRODUCT_GROUP, sc.baseline().productGroup()).put(MONTH, month)
                        .put(PLANNED_MARKET_CLIENTS, Values.round(m.marketClients(), 2)).put(OBSERVED_MARKET_CLIENTS, clients)
                        .put(PLANNED_MARKET_INFLOW, Values.round(plannedInflow, 2)).put(OBSERVED_MARKET_INFLOW, inflow)
                        .put(DIFFERENCE, Values.round(clients - m.marketClients(), 2)).values());
            }
        }
        return out.build();
    }
}
