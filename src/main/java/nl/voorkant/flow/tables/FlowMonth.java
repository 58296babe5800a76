package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.core.schema.Column.modelled;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Figures.euros;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/** flow_month: per area, product group and calendar month. */
public final class FlowMonth {
    private FlowMonth() {}

    /** Clients active in the month (net volume above zero). */
    public static final Column CLIENTS = count("clients");
    /** Trajectories that start in the month; empty where a start cannot be known (left-censored). */
    public static final Column INFLOW = count("inflow");
    /** Trajectories whose last active month is the month; empty where an end cannot be known (right-censored). */
    public static final Column OUTFLOW = count("outflow");
    /** The month's net cost, credits subtracted: additive, so it takes part in complementary suppression. */
    public static final Column COST_EUR = derived("cost_eur", Type.EUROS, CLIENTS).additive();

    public static final Schema SCHEMA = Schema.of("flow_month", AREA, AREA_LEVEL, PRODUCT_GROUP, MONTH, CLIENTS, INFLOW,
            OUTFLOW, COST_EUR);


    /** Per product group, area and month with a line: its clients, known flows and cost. */
    public static Table build(FlowSums sums) {
        FlowSums.UnitSums groups = sums.of(UnitType.PRODUCT_GROUP);
        Table.Builder t = SCHEMA.builder();
        for (Map.Entry<Place, TreeMap<Integer, MonthCount>> e : FlowSums.sorted(groups.months)) {
            Place p = e.getKey();
            for (MonthCount m : e.getValue().values()) {
                t.row(new RowValues(SCHEMA).put(AREA, p.area()).put(AREA_LEVEL, p.level().code()).put(PRODUCT_GROUP, p.unit())
                        .put(MONTH, Months.label(m.month())).put(CLIENTS, m.clients()).put(INFLOW, groups.inflow(p, m.month()))
                        .put(OUTFLOW, groups.outflow(p, m.month())).put(COST_EUR, euros(m.cents())).values());
            }
        }
        return t.build();
    }

    // ---- nowcast (issue 17): the late claims of the newest months completed, see nl.voorkant.nowcast ----
    // Completeness and the provisional mark come from the product group's delay pattern over the whole
    // extract, not from the row's own cells, so they follow no count. The nowcasts are modelled: each
    // row's basis names its own clients and cost and, for a month too young for its own claims to carry
    // it, the earlier months its expected level is taken from; so a suppressed count is never given back.

    /** Share of the month's final cost in the extract (the group's delay pattern at the month's age); empty when complete. */
    public static final Column COMPLETENESS = derived("completeness", Type.SHARE);
    /** Share of the month's final clients in the extract; empty when complete. */
    public static final Column CLIENTS_COMPLETENESS = derived("clients_completeness", Type.SHARE);
    /** Whether the cost or the clients are less than 95% complete. */
    public static final Column PROVISIONAL = derived("provisional", Type.BOOLEAN);
    /** The clients the month will have once every claim is in (chain-ladder); empty when complete. */
    public static final Column CLIENTS_NOWCAST = modelled("clients_nowcast", Type.DOUBLE);
    /** 90% interval of {@link #CLIENTS_NOWCAST} (Mack's standard error, log-normal reserve). */
    public static final Column CLIENTS_NOWCAST_LOWER90 = modelled("clients_nowcast_lower90", Type.DOUBLE);
    public static final Column CLIENTS_NOWCAST_UPPER90 = modelled("clients_nowcast_upper90", Type.DOUBLE);
    /** The month's final cost once every claim is in; empty when complete. */
    public static final Column COST_EUR_NOWCAST = modelled("cost_eur_nowcast", Type.EUROS);
    public static final Column COST_EUR_NOWCAST_LOWER90 = modelled("cost_eur_nowcast_lower90", Type.EUROS);
    public static final Column COST_EUR_NOWCAST_UPPER90 = modelled("cost_eur_nowcast_upper90", Type.EUROS);

    public static final List<Column> NOWCAST = List.of(COMPLETENESS, CLIENTS_COMPLETENESS, PROVISIONAL, CLIENTS_NOWCAST,
            CLIENTS_NOWCAST_LOWER90, CLIENTS_NOWCAST_UPPER90, COST_EUR_NOWCAST, COST_EUR_NOWCAST_LOWER90,
            COST_EUR_NOWCAST_UPPER90);
    /** flow_month as published: {@link #SCHEMA}'s columns, then {@link #NOWCAST}. */
    public static final Schema NOWCAST_SCHEMA = SCHEMA.plus(NOWCAST);
}
