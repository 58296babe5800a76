package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;

import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;

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
}
