package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.countWithin;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.core.schema.Column.modelled;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_CODE;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import static nl.voorkant.flow.tables.Figures.euros;
import static nl.voorkant.flow.tables.Figures.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;
import nl.voorkant.ingest.Reference;

/**
 * flow_year (per area, product group and year) and flow_product_year (the same per product):
 * one set of yearly columns, so that both tables are disclosed and read alike.
 */
public final class FlowYear {
    private FlowYear() {}

    /** Distinct clients active in at least one month of the year. */
    public static final Column UNIQUE_CLIENTS = count("unique_clients");
    /** Client-months over the data's months of the year. */
    public static final Column AVG_MONTHLY_CLIENTS = derived("avg_monthly_clients", Type.DOUBLE, UNIQUE_CLIENTS).additive();
    /** Trajectories started in the year; empty for a year with a month whose starts cannot be known. */
    public static final Column INFLOW = count("inflow");
    /** Trajectories ended in the year; empty for a year with a month whose ends cannot be known. */
    public static final Column OUTFLOW = count("outflow");
    /** The mean length of the trajectories ended in the year whose start is known. */
    public static final Column MEAN_DURATION_MONTHS = derived("mean_duration_months", Type.DOUBLE, UNIQUE_CLIENTS, OUTFLOW);
    /** Kaplan–Meier median of the trajectories started in the year (censored ones count). */
    public static final Column KM_MEDIAN_DURATION_MONTHS = derived("km_median_duration_months", Type.INT, UNIQUE_CLIENTS,
            INFLOW);
    public static final Column COST_EUR = derived("cost_eur", Type.EUROS, UNIQUE_CLIENTS).additive();
    public static final Column COST_PER_CLIENT_MONTH_EUR = derived("cost_per_client_month_eur", Type.EURO_FIGURE,
            UNIQUE_CLIENTS, AVG_MONTHLY_CLIENTS, COST_EUR);
    /**
     * The known starts whose referrer is known: the share's denominator, published so that disclosure sees it (with
     * starts of an unknown referrer it can be 1 to 4 where the inflow is not). Unlike the inflow it is given in a year
     * with censored months too: it counts the starts that are known, as the share does.
     */
    public static final Column REFERRED_INFLOW = countWithin("referred_inflow", INFLOW);
    /** Known starts via the local team. Four starts of which none came via the local team reveal as much as four that all did. */
    public static final Column LOCAL_REFERRAL_INFLOW = countWithin("local_referral_inflow", REFERRED_INFLOW);
    /** Local-team starts over the known starts whose referrer is known, also in a year with censored months. */
    public static final Column LOCAL_REFERRAL_SHARE = derived("local_referral_share", Type.SHARE, UNIQUE_CLIENTS, INFLOW,
            REFERRED_INFLOW, LOCAL_REFERRAL_INFLOW);

    /** The yearly figures, after the key columns. */
    public static final List<Column> FIGURES = List.of(YEAR, UNIQUE_CLIENTS, AVG_MONTHLY_CLIENTS, INFLOW, OUTFLOW,
            MEAN_DURATION_MONTHS, KM_MEDIAN_DURATION_MONTHS, COST_EUR, COST_PER_CLIENT_MONTH_EUR, LOCAL_REFERRAL_SHARE,
            LOCAL_REFERRAL_INFLOW, REFERRED_INFLOW);

    public static final Schema SCHEMA = yearly("flow_year", PRODUCT_GROUP);
    /** flow_product_year: the same figures per product, listed under its group. */
    public static final Schema PRODUCT_SCHEMA = yearly("flow_product_year", PRODUCT_GROUP, PRODUCT_CODE);

    private static Schema yearly(String name, Column... unitColumns) {
        List<Column> columns = new ArrayList<>(List.of(AREA, AREA_LEVEL));
        columns.addAll(List.of(unitColumns));
        columns.addAll(FIGURES);
        return Schema.of(name, columns);
    }

    /** flow_year: per product group, area and year with a line. */
    public static Table build(FlowSums sums) {
        TreeMap<Place, TreeMap<Integer, YearCount>> ordered = new TreeMap<>(FlowSums.ORDER);
        ordered.putAll(sums.of(UnitType.PRODUCT_GROUP).years);
        return yearly(sums, UnitType.PRODUCT_GROUP, ordered, SCHEMA, (p, row) -> row.put(PRODUCT_GROUP, p.unit()));
    }

    /** flow_product_year: per product of the reference, area and year with a line; products listed under their group. */
    public static Table buildProducts(FlowSums sums, Reference reference) {
        Map<String, String> groupOf = new HashMap<>();
        reference.products().values().forEach(p -> groupOf.put(p.code(), p.group()));
        TreeMap<Place, TreeMap<Integer, YearCount>> ordered = new TreeMap<>(Comparator.comparingInt((Place p) -> p.level().ordinal())
                .thenComparing(Place::area).thenComparing(p -> groupOf.get(p.unit())).thenComparing(Place::unit));
        sums.of(UnitType.PRODUCT).years.forEach((p, years) -> {
            if (groupOf.containsKey(p.unit())) ordered.put(p, years);
        });
        return yearly(sums, UnitType.PRODUCT, ordered, PRODUCT_SCHEMA,
                (p, row) -> row.put(PRODUCT_GROUP, groupOf.get(p.unit())).put(PRODUCT_CODE, p.unit()));
    }

    /** The yearly figures per place, in the order of {@code ordered}; {@code unitColumns} puts the unit's own columns. */
    private static Table yearly(FlowSums sums, UnitType unitType, Map<Place, TreeMap<Integer, YearCount>> ordered,
                                Schema schema, BiConsumer<Place, RowValues> unitColumns) {
        FlowSums.UnitSums u = sums.of(unitType);
        Censoring censoring = sums.censoring();
        Table.Builder t = schema.builder();
        ordered.forEach((p, years) -> {
            TreeMap<Integer, TreeMap<Integer, KaplanMeier.Counts>> survivalByYear = u.survival.get(p);
            for (YearCount c : years.values()) {
                int year = c.year();
                // The starts that are known: all of a year's from its first month on, and the later ones of a censored year.
                FlowSums.Starts s = u.startsIn(p, year);
                Long inflow = censoring.inflowKnown(year) ? s.trajectories() : null, outflow = null;
                // A start whose referrer is unknown is inflow, but neither local nor not: the share leaves it out.
                long referred = s.trajectories() - s.referrerUnknown();
                FlowSums.Ends ends = u.endsIn(p, year);
                if (censoring.outflowKnown(year)) outflow = ends.trajectories();
                TreeMap<Integer, KaplanMeier.Counts> survival = survivalByYear == null ? null : survivalByYear.get(year);
                RowValues row = new RowValues(schema).put(AREA, p.area()).put(AREA_LEVEL, p.level().code());
                unitColumns.accept(p, row);
                t.row(row.put(YEAR, year).put(UNIQUE_CLIENTS, c.uniqueClients())
                        .put(AVG_MONTHLY_CLIENTS, round((double) c.clientMonths() / censoring.dataMonthsIn(year), 2))
                        .put(INFLOW, inflow).put(OUTFLOW, outflow)
                        .put(MEAN_DURATION_MONTHS, ends.startKnown() == 0 ? null
                                : round((double) ends.startKnownMonths() / ends.startKnown(), 2))
                        .put(KM_MEDIAN_DURATION_MONTHS, survival == null ? null
                                : KaplanMeier.summary(KaplanMeier.curve(survival)).medianMonths())
                        .put(COST_EUR, euros(c.cents()))
                        .put(COST_PER_CLIENT_MONTH_EUR, c.clientMonths() == 0 ? null
                                : round((double) c.cents() / c.clientMonths() / 100, 2))
                        .put(LOCAL_REFERRAL_SHARE, referred == 0 ? null : round((double) s.viaLocalTeam() / referred, 4))
                        .put(LOCAL_REFERRAL_INFLOW, s.viaLocalTeam()).put(REFERRED_INFLOW, referred).values());
            }
        });
        return t.build();
    }

    // ---- nowcast (issue 17): the current year completed, see nl.voorkant.nowcast ----
    // Every figure here is the year's cells plus its months' completions, so each is modelled on the
    // year's counts and cost and on its months' bases (see FlowMonth's nowcast block).

    /** Share of the year's final cost in the extract; empty for a complete year. */
    public static final Column COMPLETENESS = modelled("completeness", Type.SHARE);
    /** Share of the year's final client-months in the extract; empty for a complete year. */
    public static final Column CLIENTS_COMPLETENESS = modelled("clients_completeness", Type.SHARE);
    /** Whether the year's cost or client-months are less than 95% complete. */
    public static final Column PROVISIONAL = modelled("provisional", Type.BOOLEAN);
    public static final Column AVG_MONTHLY_CLIENTS_NOWCAST = modelled("avg_monthly_clients_nowcast", Type.DOUBLE);
    public static final Column AVG_MONTHLY_CLIENTS_NOWCAST_LOWER90 = modelled("avg_monthly_clients_nowcast_lower90",
            Type.DOUBLE);
    public static final Column AVG_MONTHLY_CLIENTS_NOWCAST_UPPER90 = modelled("avg_monthly_clients_nowcast_upper90",
            Type.DOUBLE);
    public static final Column COST_EUR_NOWCAST = modelled("cost_eur_nowcast", Type.EUROS);
    public static final Column COST_EUR_NOWCAST_LOWER90 = modelled("cost_eur_nowcast_lower90", Type.EUROS);
    public static final Column COST_EUR_NOWCAST_UPPER90 = modelled("cost_eur_nowcast_upper90", Type.EUROS);

    public static final List<Column> NOWCAST = List.of(COMPLETENESS, CLIENTS_COMPLETENESS, PROVISIONAL,
            AVG_MONTHLY_CLIENTS_NOWCAST, AVG_MONTHLY_CLIENTS_NOWCAST_LOWER90, AVG_MONTHLY_CLIENTS_NOWCAST_UPPER90,
            COST_EUR_NOWCAST, COST_EUR_NOWCAST_LOWER90, COST_EUR_NOWCAST_UPPER90);
    /** flow_year as published: {@link #SCHEMA}'s columns, then {@link #NOWCAST}. */
    public static final Schema NOWCAST_SCHEMA = SCHEMA.plus(NOWCAST);
}
