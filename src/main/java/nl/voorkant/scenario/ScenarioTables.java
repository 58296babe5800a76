package nl.voorkant.scenario;

import static nl.voorkant.core.schema.Column.dimension;
import static nl.voorkant.core.schema.Column.modelled;
import static nl.voorkant.core.schema.Column.observed;
import static nl.voorkant.core.schema.Column.parameter;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import java.util.List;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.FlowYear;

/**
 * The scenario stage's tables, each with its columns as constants and how each is disclosed. Every
 * modelled figure is computed from the cells of the flow tables named by its row's basis (none for
 * typed-in baselines), so a model cannot give back a figure that disclosure control left empty.
 */
public final class ScenarioTables {
    private ScenarioTables() {}

    public static final Column SCENARIO = dimension("scenario", Type.TEXT);
    /** The flow_year column a row of a long table of several measures is about. */
    public static final Column MEASURE = dimension("measure", Type.TEXT);

    /** scenario_&lt;name&gt;_months: one scenario month by month. */
    public static final class ScenarioMonths {
        private ScenarioMonths() {}

        public static final Column FRONT_CLIENTS = modelled("front_clients", Type.DOUBLE);
        public static final Column FRONT_BUDGET_EUR = modelled("front_budget_eur", Type.EUROS);
        public static final Column MARKET_CLIENTS = modelled("market_clients", Type.DOUBLE);
        public static final Column MARKET_COST_EUR = modelled("market_cost_eur", Type.EUROS);
        public static final Column SAVING_EUR = modelled("saving_eur", Type.EUROS);
        public static final Column FUND_DRAW_EUR = modelled("fund_draw_eur", Type.EUROS);
        public static final Column CUMULATIVE_FUND_DRAW_EUR = modelled("cumulative_fund_draw_eur", Type.EUROS);

        public static final Schema SCHEMA = Schema.of("scenario_*_months", MONTH, FRONT_CLIENTS, FRONT_BUDGET_EUR,
                MARKET_CLIENTS, MARKET_COST_EUR, SAVING_EUR, FUND_DRAW_EUR, CUMULATIVE_FUND_DRAW_EUR);

        public static String tableName(String scenario) {
            return "scenario_" + scenario + "_months";
        }

        /** The scenario a months table is of, or null for another table. */
        public static String scenarioOf(String tableName) {
            return SCHEMA.matches(tableName)
                    ? tableName.substring("scenario_".length(), tableName.length() - "_months".length()) : null;
        }
    }

    /** scenario_summary: one row per scenario. */
    public static final class ScenarioSummary {
        private ScenarioSummary() {}

        public static final Column MODE = parameter("mode", Type.TEXT);
        public static final Column START_MONTH = parameter("start_month", Type.MONTH);
        public static final Column HORIZON_MONTHS = parameter("horizon_months", Type.INT);
        public static final Column TOTAL_FUND_DRAW_EUR = modelled("total_fund_draw_eur", Type.EUROS);
        public static final Column STEADY_STATE_YEARLY_SAVING_EUR = modelled("steady_state_yearly_saving_eur", Type.EUROS);
        public static final Column PAYBACK_MONTH = modelled("payback_month", Type.MONTH);
        public static final Column FUND_CAP_EUR = parameter("fund_cap_eur", Type.EUROS);
        public static final Column FUND_CAP_OK = modelled("fund_cap_ok", Type.BOOLEAN);
        public static final Column THIRTEEN_PERCENT_OK = modelled("thirteen_percent_ok", Type.BOOLEAN);
        /** Quotes the baseline read from the data (clients, inflow, duration): in Dutch, the report words it in its own language. */
        public static final Column NOTE = modelled("note", Type.TEXT);

        public static final Schema SCHEMA = Schema.of("scenario_summary", SCENARIO, AREA, PRODUCT_GROUP, MODE, START_MONTH,
                HORIZON_MONTHS, TOTAL_FUND_DRAW_EUR, STEADY_STATE_YEARLY_SAVING_EUR, PAYBACK_MONTH, FUND_CAP_EUR, FUND_CAP_OK,
                THIRTEEN_PERCENT_OK, NOTE);
    }

    /** scenario_on_baseline: each scenario per modelled year on top of its area and group's projected cost. */
    public static final class ScenarioOnBaseline {
        private ScenarioOnBaseline() {}

        public static final Column MONTHS_MODELLED = parameter("months_modelled", Type.INT);
        public static final Column BASELINE_COST_EUR = modelled("baseline_cost_eur", Type.EUROS);
        public static final Column FRONT_BUDGET_EUR = ScenarioMonths.FRONT_BUDGET_EUR;
        public static final Column MARKET_SAVING_EUR = modelled("market_saving_eur", Type.EUROS);
        public static final Column COST_WITH_SHIFT_EUR = modelled("cost_with_shift_eur", Type.EUROS);

        public static final Schema SCHEMA = Schema.of("scenario_on_baseline", SCENARIO, AREA, PRODUCT_GROUP, YEAR,
                MONTHS_MODELLED, BASELINE_COST_EUR, FRONT_BUDGET_EUR, MARKET_SAVING_EUR, COST_WITH_SHIFT_EUR);
    }

    /** montecarlo: per scenario and outcome, the percentiles over the runs. */
    public static final class MonteCarloTotals {
        private MonteCarloTotals() {}

        public static final Column RUNS = parameter("runs", Type.INT);
        public static final Column SEED = parameter("seed", Type.LONG);
        public static final Column P10 = modelled("p10", Type.EUROS);
        public static final Column P50 = modelled("p50", Type.EUROS);
        public static final Column P90 = modelled("p90", Type.EUROS);
        /** The measures of its rows: the whole fund draw, and the yearly saving once built up. */
        public static final Column FUND_DRAW_EUR = ScenarioMonths.FUND_DRAW_EUR;
        public static final Column YEARLY_SAVING_EUR = modelled("yearly_saving_eur", Type.EUROS);

        public static final Schema SCHEMA = Schema.of("montecarlo", SCENARIO, MEASURE, RUNS, SEED, P10, P50, P90);
    }

    /** montecarlo_months: the same percentiles month by month. */
    public static final class MonteCarloMonths {
        private MonteCarloMonths() {}

        /** The measures of its rows. */
        public static final Column CUMULATIVE_FUND_DRAW_EUR = ScenarioMonths.CUMULATIVE_FUND_DRAW_EUR;
        public static final Column SAVING_EUR = ScenarioMonths.SAVING_EUR;

        public static final Schema SCHEMA = Schema.of("montecarlo_months", SCENARIO, MONTH, MEASURE, MonteCarloTotals.P10,
                MonteCarloTotals.P50, MonteCarloTotals.P90);
    }

    /** sensitivity: each parameter swung alone. The swung values are the baseline's own times 1 ± swing. */
    public static final class SensitivityTable {
        private SensitivityTable() {}

        /** The {@link SwungParameters} code of the row. */
        public static final Column PARAMETER = dimension("parameter", Type.TEXT);
        public static final Column LOW_VALUE = modelled("low_value", Type.DOUBLE);
        public static final Column HIGH_VALUE = modelled("high_value", Type.DOUBLE);
        public static final Column FUND_DRAW_LOW_EUR = modelled("fund_draw_low_eur", Type.EUROS);
        public static final Column FUND_DRAW_HIGH_EUR = modelled("fund_draw_high_eur", Type.EUROS);
        public static final Column SAVING_LOW_EUR = modelled("saving_low_eur", Type.EUROS);
        public static final Column SAVING_HIGH_EUR = modelled("saving_high_eur", Type.EUROS);

        public static final Schema SCHEMA = Schema.of("sensitivity", SCENARIO, PARAMETER, LOW_VALUE, HIGH_VALUE,
                FUND_DRAW_LOW_EUR, FUND_DRAW_HIGH_EUR, SAVING_LOW_EUR, SAVING_HIGH_EUR);
    }

    /**
     * The parameters a sensitivity analysis swings, named in its {@code parameter} column: each with the
     * type of its low and high values (the report shows an amount as euros) and a label like a column's.
     */
    public static final class SwungParameters {
        private SwungParameters() {}

        public static final Column BASE_CLIENTS = parameter("base_clients", Type.DOUBLE);
        public static final Column MONTHLY_COST_EUR = parameter("monthly_cost_eur", Type.EURO_FIGURE);
        public static final Column MONTHLY_INFLOW = parameter("monthly_inflow", Type.DOUBLE);
        /** Swung as a factor on every duration of the curve. */
        public static final Column DURATION_MONTHS = parameter("duration_months", Type.DOUBLE);
        public static final Column FRONT_COST_RATIO = parameter("front_cost_ratio", Type.DOUBLE);
        public static final Column LAG_MONTHS = parameter("lag_months", Type.INT);
        public static final Column INDUCED_DEMAND = parameter("induced_demand", Type.DOUBLE);

        public static final List<Column> ALL = List.of(BASE_CLIENTS, MONTHLY_COST_EUR, MONTHLY_INFLOW, DURATION_MONTHS,
                FRONT_COST_RATIO, LAG_MONTHS, INDUCED_DEMAND);

        /** The parameter a sensitivity row names, or null for a code that is none of them. */
        public static Column of(Object code) {
            return ALL.stream().filter(c -> c.name().equals(code)).findFirst().orElse(null);
        }
    }

    /** targets: per target share, the market groups moved and how much. */
    public static final class TargetsTable {
        private TargetsTable() {}

        public static final Column TARGET_SHARE = parameter("target_share", Type.SHARE);
        public static final Column OBJECTIVE = parameter("objective", Type.TEXT);
        public static final Column FRACTION_MOVED = modelled("fraction_moved", Type.DOUBLE);
        public static final Column MOVED_CLIENT_MONTHS_PER_YEAR = modelled("moved_client_months_per_year", Type.DOUBLE);
        public static final Column YEARLY_NET_SAVING_EUR = modelled("yearly_net_saving_eur", Type.EUROS);

        public static final Schema SCHEMA = Schema.of("targets", TARGET_SHARE, OBJECTIVE, PRODUCT_GROUP, FRACTION_MOVED,
                MOVED_CLIENT_MONTHS_PER_YEAR, YEARLY_NET_SAVING_EUR);
    }

    /** targets_summary: per target share, whether it can be reached and at what cost. */
    public static final class TargetsSummary {
        private TargetsSummary() {}

        public static final Column TARGET_SHARE = TargetsTable.TARGET_SHARE;
        public static final Column FEASIBLE = modelled("feasible", Type.BOOLEAN);
        public static final Column ACHIEVED_SHARE = modelled("achieved_share", Type.SHARE);
        /** In Dutch; the report words it in its own language. */
        public static final Column BINDING_CONSTRAINT = modelled("binding_constraint", Type.TEXT);
        public static final Column YEARLY_NET_SAVING_EUR = TargetsTable.YEARLY_NET_SAVING_EUR;
        public static final Column FRONT_BUDGET_EUR = ScenarioMonths.FRONT_BUDGET_EUR;
        public static final Column FUND_DRAW_EUR = ScenarioMonths.FUND_DRAW_EUR;
        public static final Column MONTHS_TO_TARGET_GRADUAL = modelled("months_to_target_gradual", Type.INT);
        public static final Column MONTHS_TO_TARGET_BIG_BANG = modelled("months_to_target_big_bang", Type.INT);
        public static final Column STAFF_FTE = modelled("staff_fte", Type.DOUBLE);
        public static final Column PAPERWORK_HOURS_SAVED = modelled("paperwork_hours_saved", Type.DOUBLE);
        public static final Column THIRTEEN_PERCENT_OK = ScenarioSummary.THIRTEEN_PERCENT_OK;
        public static final Column FUND_CAP_OK = ScenarioSummary.FUND_CAP_OK;

        public static final Schema SCHEMA = Schema.of("targets_summary", TARGET_SHARE, FEASIBLE, ACHIEVED_SHARE,
                BINDING_CONSTRAINT, YEARLY_NET_SAVING_EUR, FRONT_BUDGET_EUR, FUND_DRAW_EUR, MONTHS_TO_TARGET_GRADUAL, MONTHS_TO_TARGET_BIG_BANG,
                STAFF_FTE, PAPERWORK_HOURS_SAVED, THIRTEEN_PERCENT_OK, FUND_CAP_OK);
    }

    /** trends: a log-linear fit per area, group and measure. */
    public static final class TrendsTable {
        private TrendsTable() {}

        /** The first and last year fitted, as "2016-2020". */
        public static final Column YEARS = dimension("years", Type.TEXT);
        public static final Column GROWTH_RATE = modelled("growth_rate", Type.DOUBLE);
        public static final Column LOWER95 = modelled("lower95", Type.DOUBLE);
        public static final Column UPPER95 = modelled("upper95", Type.DOUBLE);
        public static final Column R2 = modelled("r2", Type.DOUBLE);

        public static final Schema SCHEMA = Schema.of("trends", AREA, PRODUCT_GROUP, MEASURE, YEARS, GROWTH_RATE, LOWER95,
                UPPER95, R2);
    }

    /** baseline_projection: per measure the observed years and the projection without any shift. */
    public static final class BaselineProjection {
        private BaselineProjection() {}

        /** A fit through the observed years gives back each of them from the others, so it goes with every one. */
        public static final Column OBSERVED = observed("observed", Type.FIGURE, FlowYear.SCHEMA.name(), MEASURE);
        public static final Column PROJECTED = modelled("projected", Type.FIGURE);
        public static final Column LOWER95 = modelled("lower95", Type.FIGURE);
        public static final Column UPPER95 = modelled("upper95", Type.FIGURE);

        public static final Schema SCHEMA = Schema.of("baseline_projection", AREA, PRODUCT_GROUP, MEASURE, YEAR, OBSERVED,
                PROJECTED, LOWER95, UPPER95);
    }

    /** The flow_year measures trends are fitted to and projected, in the order of their rows. */
    public static final List<Column> TREND_MEASURES = List.of(FlowYear.UNIQUE_CLIENTS, FlowYear.COST_EUR);

    /**
     * Every scenario table's schema, in the order the stage makes them (a method: as a constant it would
     * initialise the tables' classes while they are still reading this one's key columns).
     */
    public static List<Schema> all() {
        return List.of(ScenarioMonths.SCHEMA, ScenarioSummary.SCHEMA, MonteCarloTotals.SCHEMA, MonteCarloMonths.SCHEMA,
                SensitivityTable.SCHEMA, TargetsTable.SCHEMA, TargetsSummary.SCHEMA, TrendsTable.SCHEMA,
                BaselineProjection.SCHEMA, ScenarioOnBaseline.SCHEMA, Monitoring.SCHEMA);
    }
}
