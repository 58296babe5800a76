package nl.voorkant.flow.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.flow.model.Area;
import nl.voorkant.flow.model.Areas;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.MonthActivity;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.Figures;
import nl.voorkant.flow.tables.KaplanMeier;
import nl.voorkant.flow.tables.CompositeYear;
import nl.voorkant.flow.tables.Durations;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.flow.tables.ProviderChangesYear;
import nl.voorkant.flow.tables.ProvidersYear;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The flow tables of DOMAIN.md as a plain Spark plan: the definitions of {@link FlowMetrics#compute}
 * written out one step at a time (explode each line to its months, group to month activity, chain
 * active months with a window, roll municipalities up by distinct clients), slow but obvious. It
 * exists to be compared with the fast pass, which must give the same tables to the value and type.
 *
 * <p>Spark computes every count and sum; the driver only turns a row of counts into a table row
 * (ratios, rounding by {@link Figures#round}, euros) and draws Kaplan–Meier curves from the
 * counts per duration with {@link KaplanMeier}.
 */
public final class ReferencePass {
    private ReferencePass() {}

    private static final String GROUP = Dimensions.PRODUCT_GROUP.name();
    private static final String PRODUCT = Dimensions.PRODUCT_CODE.name();
    /** Where a care unit lives: its unit type, area (with level and the level's place in table order) and the unit. */
    private static final String[] AREA_UNIT = {"unit_type", "area", "area_level", "level_order", "unit"};
    /** Where one client's months live: one client in one municipality and care unit. */
    private static final String[] CLIENT_CELL = {"unit_type", "client_key", "municipality_code", "unit"};

    /** The flow tables, unsuppressed, keyed by name, as {@code FlowMetrics.compute(...).tables()} gives them. */
    public static Map<String, Table> tables(Dataset<Row> claims, Reference reference, int maxGap) {
        return tables(claims, reference, maxGap, Placements.Plan.MEMO);
    }

    /** As {@code FlowMetrics.compute(claims, false, reference, maxGap, plan).tables()}. */
    public static Map<String, Table> tables(Dataset<Row> claims, Reference reference, int maxGap, Placements.Plan deal) {
        Dataset<Row> lineMonths = lineMonths(claims).cache();
        Dataset<Row> activity = activity(lineMonths).cache();
        Map<String, Table> out = new LinkedHashMap<>();
        Censoring censoring = dataMonths(activity, Censoring.withMaxGap(maxGap));
        if (!censoring.isEmpty()) {
            Plan plan = new Plan(claims.sparkSession(), reference, censoring, lineMonths, activity);
            Placements.Plan placements = deal;
            Map<List<String>, TreeMap<Integer, KaplanMeier.Counts>> curves = plan.pooledCurves();
            for (Table t : List.of(plan.flowMonth(), plan.yearly(GROUP), plan.kmSurvival(curves), plan.durations(curves),
                    plan.localShare(), plan.providersYear(), plan.yearly(PRODUCT), plan.compositeYear(),
                    plan.providerChanges(), plan.placements(placements))) {
                out.put(t.name(), t);
            }
            plan.release();
        }
        activity.unpersist();
        lineMonths.unpersist();
        return out;
    }

    private static final StructType LINE_MONTH = new StructType()
            .add("client_key", DataTypes.LongType, false).add("municipality_code", DataTypes.StringType)
            .add(GROUP, DataTypes.StringType).add(PRODUCT, DataTypes.StringType)
            .add("provider", DataTypes.StringType).add("referrer", DataTypes.IntegerType, false)
            .add("start_day", DataTypes.IntegerType, false).add("credit", DataTypes.BooleanType, false)
            .add("month", DataTypes.IntegerType, false).add("volume", DataTypes.DoubleType, false)
            .add("cents", DataTypes.LongType, false);

    /**
     * Each line's share of every calendar month its period touches, signed (a credit subtracts).
     * The split itself is {@link MonthActivity#spread}, so that the whole-cent rule lives in one place.
     */
    static Dataset<Row> lineMonths(Dataset<Row> claims) {
        FlatMapFunction<Row, Row> explode = r -> {
            // An unknown referrer (an iJw line without its allocation) loses every tie to a known one.
            int referrer = r.isNullAt(5) ? MonthActivity.UNKNOWN_REFERRER : Integer.parseInt(r.getString(5));
            MonthActivity.Line line = new MonthActivity.Line(r.getString(1), r.getString(2), r.getString(3),
                    r.getString(4), referrer, r.getInt(6), r.getInt(7), r.getDouble(8), r.getLong(9),
                    "C".equals(r.getString(10)));
            List<Row> parts = new ArrayList<>();
            MonthActivity.spread(line, (month, volume, cents) -> parts.add(RowFactory.create(r.getLong(0),
                    line.municipality(), line.group(), line.product(), line.provider(), line.referrer(),
                    line.startDay(), line.credit(), month, volume, cents)));
            return parts.iterator();
        };
        return claims.select("client_key", "municipality_code", GROUP, PRODUCT, "provider_code", "referrer", "start_day",
                "end_day", "volume", "amount_cents", "debit_credit").flatMap(explode, Encoders.row(LINE_MONTH));
    }

    /**
     * Month activity per client, municipality, care unit and month, for both kinds of unit (a
     * trajectory follows a product group, or in flow_product_year a single product): net volume and
     * cost, active when the net volume is above zero, and the referrer of the month's earliest-starting
     * debit line (ties to the lower code; -1 when the month has no debit).
     */
    static Dataset<Row> activity(Dataset<Row> lineMonths) {
        String[] carried = {"client_key", "municipality_code", "month", "volume", "cents", "start_day", "referrer", "credit"};
        Dataset<Row> units = unitsOf(lineMonths, GROUP, carried).unionByName(unitsOf(lineMonths, PRODUCT, carried));
        return units.groupBy(cols(CLIENT_CELL, "month"))
                .agg(sum("volume").as("volume"), sum("cents").as("cents"),
                        min(when(not(col("credit")), struct(col("start_day"), col("referrer")))).as("first_debit"))
                .withColumn("active", col("volume").gt(MonthActivity.ACTIVE_EPSILON))
                .withColumn("first_referrer", coalesce(col("first_debit.referrer"), lit(-1)))
                .drop("first_debit");
    }

    private static Dataset<Row> unitsOf(Dataset<Row> lineMonths, String unitType, String... carried) {
        List<Column> c = new ArrayList<>(List.of(lit(unitType).as("unit_type"), col(unitType).as("unit")));
        for (String name : carried) c.add(col(name));
        return lineMonths.select(c.toArray(Column[]::new));
    }

    /** The data's months: from the first to the last month in which any client is active in any product group. */
    static Censoring dataMonths(Dataset<Row> activity, Censoring rule) {
        Row r = activity.where(col("unit_type").equalTo(GROUP).and(col("active")))
                .agg(min("month"), max("month")).first();
        return r.isNullAt(0) ? rule : rule.over(r.getInt(0), r.getInt(1));
    }

    /** The Spark plans of the tables over one data set, for one max_gap. */
    private static final class Plan {
        final Reference reference;
        final Censoring censoring;
        final Dataset<Row> lineMonths;
        /** Month activity per client, municipality, unit and month (see {@link ReferencePass#activity}). */
        final Dataset<Row> activity;
        /** municipality_code → the areas it counts in: itself, its subregion, its region. */
        final Dataset<Row> areas;
        final Dataset<Row> trajectories;
        final Dataset<Row> monthCells;
        final Dataset<Row> yearCells;
        final Dataset<Row> starts;
        final Dataset<Row> ends;
        final Dataset<Row> survival;

        Plan(SparkSession spark, Reference reference, Censoring censoring, Dataset<Row> lineMonths,
             Dataset<Row> activity) {
            this.reference = reference;
            this.censoring = censoring;
            this.lineMonths = lineMonths;
            this.activity = activity;
            this.areas = areas(spark, reference);
            this.trajectories = trajectories(activity).cache();

            // Per area, unit and month: clients distinct over the area's municipalities, cost summed (product groups only).
            monthCells = inAreas(activity.where(col("unit_type").equalTo(GROUP))).groupBy(cols(AREA_UNIT, "month"))
                    .agg(count_distinct(when(col("active"), col("client_key"))).as("clients"), sum("cents").as("cents"))
                    .cache();
            // Per area, unit and year: unique clients are distinct over the year's months, not a sum of them;
            // client-months count each client once per month even when active in two of the area's municipalities.
            yearCells = inAreas(activity).withColumn("year", yearOf(col("month"))).groupBy(cols(AREA_UNIT, "year"))
                    .agg(count_distinct(when(col("active"), col("client_key"))).as("unique_clients"),
                            count_distinct(when(col("active"), col("client_key")), col("month")).as("client_months"),
                            sum("cents").as("cents"))
                    .cache();
            // Trajectories add up over municipalities: a client who moves has a trajectory in each.
            // Inflow: trajectories whose start is known, by start month, with their first line's referrer.
            starts = inAreas(trajectories.where(col("start_known"))).groupBy(cols(AREA_UNIT, col("start_month").as("month")))
                    .agg(count(lit(1)).as("inflow"), countWhere(col("first_referrer").equalTo(MonthActivity.LOCAL_TEAM_REFERRER))
                            .as("local_inflow"), countWhere(col("first_referrer").equalTo(MonthActivity.UNKNOWN_REFERRER))
                            .as("unknown_referrer"))
                    .cache();
            // Outflow: trajectories whose end is known, by end month; those with a known start too have a known duration.
            ends = inAreas(trajectories.where(col("end_known"))).groupBy(cols(AREA_UNIT, col("end_month").as("month")))
                    .agg(count(lit(1)).as("outflow"), countWhere(col("start_known")).as("closed"),
                            sum(when(col("start_known"), col("duration")).otherwise(0)).as("closed_months"))
                    .cache();
            // Kaplan–Meier inputs: trajectories with a known start per start year and duration, ended or censored.
            survival = inAreas(trajectories.where(col("start_known")))
                    .groupBy(cols(AREA_UNIT, yearOf(col("start_month")).as("start_year"), col("duration")))
                    .agg(countWhere(col("end_known")).as("events"), countWhere(not(col("end_known"))).as("censored"))
                    .cache();
        }

        void release() {
            for (Dataset<Row> d : List.of(trajectories, monthCells, yearCells, starts, ends, survival)) d.unpersist();
        }

        /** The groups of the catalogue with a flag: market provision, or out of home. */
        Dataset<Row> groupsWhere(Predicate<Reference.Product> flag) {
            return frame(reference.groups().values().stream().filter(flag).map(p -> RowFactory.create(p.group())).toList(),
                    new StructType().add("unit", DataTypes.StringType));
        }

        /** Group cells of flow_year, in table order, with their unique clients: the key of the per-client tables. */
        Dataset<Row> groupYears() {
            return yearCells.where(col("unit_type").equalTo(GROUP));
        }

        /**
         * Composite packages: a client's months in which two or more market groups of one municipality are active,
         * counted per area, group and year as distinct clients; per other group, the distinct clients active in both
         * in one month and municipality.
         */
        Table compositeYear() {
            WindowSpec clientMonth = Window.partitionBy("client_key", "municipality_code", "month");
            Dataset<Row> composite = activity.where(col("unit_type").equalTo(GROUP).and(col("active")))
                    .join(groupsWhere(p -> p.provision() == Reference.Provision.MARKET), "unit")
                    .withColumn("groups", count(lit(1)).over(clientMonth)).where(col("groups").geq(2))
                    .select("client_key", "municipality_code", "unit", "month").cache();
            Dataset<Row> clients = inAreas(composite).groupBy(col("area"), col("area_level"), col("unit"),
                    yearOf(col("month")).as("year")).agg(count_distinct(col("client_key")).as("composite_clients"));
            Dataset<Row> other = composite.select(col("client_key"), col("municipality_code"), col("month"),
                    col("unit").as("other"));
            Dataset<Row> pairs = inAreas(composite.join(other, names(new String[] {"client_key", "municipality_code", "month"}))
                    .where(col("unit").notEqual(col("other"))))
                    .groupBy(col("area"), col("area_level"), col("unit"), yearOf(col("month")).as("year"), col("other"))
                    .agg(count_distinct(col("client_key")).as("clients"));
            // the other group with the most clients, the first by code among equals
            Dataset<Row> most = pairs.withColumn("rank", row_number().over(
                    Window.partitionBy("area", "area_level", "unit", "year").orderBy(col("clients").desc(), col("other"))))
                    .where(col("rank").equalTo(1)).drop("rank");
            String[] key = {"area", "area_level", "unit", "year"};
            Dataset<Row> plan = groupYears().join(groupsWhere(p -> p.provision() == Reference.Provision.MARKET), "unit")
                    .join(clients, key, "left").join(most, key, "left")
                    .orderBy("level_order", "area", "unit", "year")
                    .select(col("area"), col("area_level"), col("unit"), col("year"), col("unique_clients"),
                            coalesce(col("composite_clients"), lit(0L)), col("other"), col("clients"));
            Table.Builder t = CompositeYear.SCHEMA.builder();
            for (Row r : plan.collectAsList()) {
                long unique = r.getLong(4), inComposite = r.getLong(5);
                Long combined = r.isNullAt(7) ? null : r.getLong(7);
                t.row(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), unique, inComposite,
                        unique == 0 ? null : Figures.round((double) inComposite / unique, 4), r.getString(6),
                        combined == null ? null : Figures.round((double) combined / inComposite, 4), combined);
            }
            composite.unpersist();
            return t.build();
        }

        /**
         * Providers per client: a provider counts in a year when its net volume for the client and group is above zero
         * in some month of it; per area, distinct over the area's municipalities.
         */
        Table providerChanges() {
            Dataset<Row> positive = lineMonths.select(col("client_key"), col("municipality_code"), col(GROUP).as("unit"),
                            coalesce(col("provider"), lit("?")).as("provider"), col("month"), col("volume"))
                    .groupBy("client_key", "municipality_code", "unit", "provider", "month").agg(sum("volume").as("volume"))
                    .where(col("volume").gt(MonthActivity.ACTIVE_EPSILON));
            Dataset<Row> perClient = inAreas(positive)
                    .groupBy(col("area"), col("area_level"), col("unit"), yearOf(col("month")).as("year"), col("client_key"))
                    .agg(count_distinct(col("provider")).as("providers"));
            Dataset<Row> perArea = perClient.groupBy("area", "area_level", "unit", "year")
                    .agg(sum("providers").as("providers"), countWhere(col("providers").geq(2)).as("changes"));
            Dataset<Row> plan = groupYears().join(perArea, new String[] {"area", "area_level", "unit", "year"}, "left")
                    .orderBy("level_order", "area", "unit", "year")
                    .select(col("area"), col("area_level"), col("unit"), col("year"), col("unique_clients"),
                            coalesce(col("changes"), lit(0L)), coalesce(col("providers"), lit(0L)));
            Table.Builder t = ProviderChangesYear.SCHEMA.builder();
            for (Row r : plan.collectAsList()) {
                long unique = r.getLong(4), changes = r.getLong(5), providers = r.getLong(6);
                t.row(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), unique, changes,
                        unique == 0 ? null : Figures.round((double) changes / unique, 4),
                        unique == 0 ? null : Figures.round((double) providers / unique, 2));
            }
            return t.build();
        }

        /**
         * Out-of-home placements: trajectories of out-of-home groups with a known start, per area and start year, and
         * the net cost of each one's months from its first to its last, for every area with such care and each year
         * whose starts are all known.
         */
        Table placements(Placements.Plan deal) {
            Dataset<Row> outOfHome = groupsWhere(Reference.Product::outOfHome);
            Dataset<Row> months = activity.where(col("unit_type").equalTo(GROUP)).select(cols(CLIENT_CELL, "month", "cents"));
            Dataset<Row> costs = trajectories.where(col("unit_type").equalTo(GROUP).and(col("start_known")))
                    .join(outOfHome, "unit")
                    .join(months.withColumnRenamed("month", "m"), CLIENT_CELL)
                    .where(col("m").between(col("start_month"), col("end_month")))
                    .groupBy(cols(CLIENT_CELL, "chain", "start_month")).agg(sum("cents").as("cents"));
            Dataset<Row> perArea = inAreas(costs).groupBy(col("area"), col("area_level"), yearOf(col("start_month")).as("year"))
                    .agg(count(lit(1)).as("placements"), sum("cents").as("cents"));
            Map<List<Object>, Row> sums = new LinkedHashMap<>();
            for (Row r : perArea.collectAsList()) sums.put(List.of(r.getString(0), r.getString(1), r.getInt(2)), r);
            List<Row> areasWithCare = groupYears().join(outOfHome, "unit").select("area", "area_level", "level_order")
                    .distinct().orderBy("level_order", "area").collectAsList();
            Table.Builder t = Placements.SCHEMA.builder();
            for (Row a : areasWithCare) {
                for (int year = Months.yearOf(censoring.first()); year <= Months.yearOf(censoring.last()); year++) {
                    if (!censoring.inflowKnown(year)) continue;
                    Row s = sums.get(List.of(a.getString(0), a.getString(1), year));
                    long placements = s == null ? 0 : s.getLong(3), cents = s == null ? 0 : s.getLong(4);
                    Double cost = placements == 0 ? null : (double) cents / placements / 100;
                    double fewer = deal.reductionShare() * placements;
                    t.row(a.getString(0), a.getString(1), year, placements, deal.reductionShare(), Figures.round(fewer, 2),
                            Figures.round(cost, 2), deal.incentivePlacements(),
                            cost == null ? null : Figures.round(deal.incentivePlacements() * cost, 2),
                            cost == null ? null : Figures.round((fewer - deal.incentivePlacements()) * cost, 2));
                }
            }
            return t.build();
        }

        /**
         * Censoring, the one rule: a month's inflow is known after the first max_gap + 1 months of the
         * data (a trajectory starting earlier may have begun before the data), its outflow before the
         * last max_gap + 1 (one ending later may go on).
         */
        Column inflowKnown(Column month) {
            return month.gt(censoring.lastLeftCensored());
        }

        Column outflowKnown(Column month) {
            return month.lt(censoring.firstRightCensored());
        }

        /**
         * Trajectories per client, municipality and unit: active months in month order, a new chain
         * wherever the step from the previous active month exceeds max_gap + 1 (the running sum of those
         * breaks numbers the chains); a chain runs from its first to its last month, and its first
         * month's referrer is the trajectory's.
         */
        Dataset<Row> trajectories(Dataset<Row> activity) {
            WindowSpec cell = Window.partitionBy(cols(CLIENT_CELL)).orderBy("month");
            Column breaks = col("previous").isNull().or(col("month").minus(col("previous")).gt(censoring.longestStep()));
            return activity.where(col("active"))
                    .withColumn("previous", lag("month", 1).over(cell))
                    .withColumn("chain", sum(when(breaks, 1).otherwise(0))
                            .over(cell.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                    .groupBy(cols(CLIENT_CELL, "chain"))
                    .agg(min("month").as("start_month"), max("month").as("end_month"),
                            min_by(col("first_referrer"), col("month")).as("first_referrer"))
                    .withColumn("duration", col("end_month").minus(col("start_month")).plus(1))
                    .withColumn("start_known", inflowKnown(col("start_month")))
                    .withColumn("end_known", outflowKnown(col("end_month")));
        }

        /** A municipality's rows once per area it counts in, so that grouping by area rolls them up. */
        Dataset<Row> inAreas(Dataset<Row> perMunicipality) {
            return perMunicipality.join(areas, "municipality_code");
        }

        Table flowMonth() {
            Dataset<Row> plan = monthCells.join(starts, names(AREA_UNIT, "month"), "left")
                    .join(ends, names(AREA_UNIT, "month"), "left")
                    // A flow the data cannot know is empty, not zero.
                    .select(col("area"), col("area_level"), col("unit"), col("month"), col("clients"),
                            when(inflowKnown(col("month")), coalesce(col("inflow"), lit(0L))).as("inflow"),
                            when(outflowKnown(col("month")), coalesce(col("outflow"), lit(0L))).as("outflow"),
                            col("cents"))
                    .orderBy(col("level_order"), col("area"), col("unit"), col("month"));
            Table.Builder t = FlowMonth.SCHEMA.builder();
            for (Row r : plan.collectAsList()) {
                t.row(r.getString(0), r.getString(1), r.getString(2), Months.label(r.getInt(3)), r.getLong(4),
                        r.get(5), r.get(6), Figures.euros(r.getLong(7)));
            }
            return t.build();
        }

        /** flow_year (product groups) or flow_product_year (products, listed under their group). */
        Table yearly(String unitType) {
            boolean products = unitType.equals(PRODUCT);
            Column first = col("year").multiply(12), last = col("year").multiply(12).plus(11);
            Dataset<Row> startsPerYear = starts.groupBy(cols(AREA_UNIT, yearOf(col("month")).as("year")))
                    .agg(sum("inflow").as("inflow"), sum("local_inflow").as("local_inflow"),
                            sum("unknown_referrer").as("unknown_referrer"));
            Dataset<Row> endsPerYear = ends.groupBy(cols(AREA_UNIT, yearOf(col("month")).as("year")))
                    .agg(sum("outflow").as("outflow"), sum("closed").as("closed"), sum("closed_months").as("closed_months"));
            // The median of a year is that of the trajectories starting in it.
            Dataset<Row> curves = survival.groupBy(cols(AREA_UNIT, col("start_year").as("year")))
                    .agg(collect_list(struct(col("duration"), col("events"), col("censored"))).as("curve"));
            Dataset<Row> cells = yearCells.where(col("unit_type").equalTo(unitType));
            if (products) cells = cells.join(productGroups(), "unit");
            Dataset<Row> plan = cells.join(startsPerYear, names(AREA_UNIT, "year"), "left")
                    .join(endsPerYear, names(AREA_UNIT, "year"), "left")
                    .join(curves, names(AREA_UNIT, "year"), "left")
                    .select(col("area"), col("area_level"), col(products ? "group_of" : "unit"), col("unit"), col("year"),
                            col("unique_clients"), col("client_months"), col("cents"),
                            // the year's months that lie within the data's months
                            least(lit(censoring.last()), last).minus(greatest(lit(censoring.first()), first)).plus(1)
                                    .as("months_in_year"),
                            // a year's flow is known only when each of its months' is
                            when(inflowKnown(first), coalesce(col("inflow"), lit(0L))).as("inflow"),
                            // the share and its counts are over the known starts, also in a year with censored months
                            coalesce(col("local_inflow"), lit(0L)).as("local_inflow"),
                            // a start whose referrer is unknown is inflow, but neither local nor not: the share leaves it out
                            coalesce(col("inflow"), lit(0L)).minus(coalesce(col("unknown_referrer"), lit(0L))).as("referred"),
                            when(outflowKnown(last), coalesce(col("outflow"), lit(0L))).as("outflow"),
                            coalesce(col("closed"), lit(0L)).as("closed"), coalesce(col("closed_months"), lit(0L))
                                    .as("closed_months"), col("curve"))
                    .orderBy(col("level_order"), col("area"), col(products ? "group_of" : "unit"), col("unit"), col("year"));
            Schema schema = products ? FlowYear.PRODUCT_SCHEMA : FlowYear.SCHEMA;
            Table.Builder t = schema.builder();
            for (Row r : plan.collectAsList()) {
                long clientMonths = r.getLong(6), cents = r.getLong(7), closed = r.getLong(13), referred = r.getLong(11);
                long localInflow = r.getLong(10);
                List<Object> row = new ArrayList<>(List.of(r.getString(0), r.getString(1), r.getString(2)));
                if (products) row.add(r.getString(3));
                row.addAll(Arrays.asList(r.getInt(4), r.getLong(5),
                        Figures.round((double) clientMonths / r.getInt(8), 2), r.get(9), r.get(12),
                        closed == 0 ? null : Figures.round((double) r.getLong(14) / closed, 2),
                        r.isNullAt(15) ? null : KaplanMeier.summary(KaplanMeier.curve(counts(r.getList(15)))).medianMonths(),
                        Figures.euros(cents),
                        clientMonths == 0 ? null : Figures.round((double) cents / clientMonths / 100, 2),
                        referred == 0 ? null : Figures.round((double) localInflow / referred, 4), localInflow, referred));
                t.row(row.toArray());
            }
            return t.build();
        }

        /** Per product group and area the Kaplan–Meier counts per duration, pooled over the start years, in table order. */
        Map<List<String>, TreeMap<Integer, KaplanMeier.Counts>> pooledCurves() {
            Dataset<Row> plan = survival.where(col("unit_type").equalTo(GROUP))
                    .groupBy(cols(AREA_UNIT, "duration")).agg(sum("events").as("events"), sum("censored").as("censored"))
                    .orderBy("level_order", "area", "unit", "duration");
            Map<List<String>, TreeMap<Integer, KaplanMeier.Counts>> out = new LinkedHashMap<>();
            for (Row r : plan.select("area", "area_level", "unit", "duration", "events", "censored").collectAsList()) {
                out.computeIfAbsent(List.of(r.getString(0), r.getString(1), r.getString(2)), k -> new TreeMap<>())
                        .put(r.getInt(3), new KaplanMeier.Counts(r.getLong(4), r.getLong(5)));
            }
            return out;
        }

        Table kmSurvival(Map<List<String>, TreeMap<Integer, KaplanMeier.Counts>> curves) {
            Table.Builder t = KmSurvival.SCHEMA.builder();
            curves.forEach((k, counts) -> {
                for (KaplanMeier.Point p : KaplanMeier.curve(counts)) {
                    t.row(k.get(0), k.get(1), k.get(2), p.durationMonths(), p.atRisk(), p.events(), p.censored(),
                            Figures.round(p.survival(), 4), Figures.round(p.lower95(), 4),
                            Figures.round(p.upper95(), 4));
                }
            });
            return t.build();
        }

        /** Kaplan–Meier summaries beside the naive mean of closed trajectories, and Little's law over the data's months. */
        Table durations(Map<List<String>, TreeMap<Integer, KaplanMeier.Counts>> curves) {
            // Clients summed over the area's month rows, and the inflow of those months whose inflow is known.
            Dataset<Row> monthly = monthCells.join(starts, names(AREA_UNIT, "month"), "left")
                    .groupBy(cols(AREA_UNIT))
                    .agg(sum("clients").as("clients"),
                            sum(when(inflowKnown(col("month")), coalesce(col("inflow"), lit(0L))).otherwise(0L)).as("inflow"),
                            max(inflowKnown(col("month"))).as("any_inflow"));
            Map<List<String>, Row> perArea = new LinkedHashMap<>();
            for (Row r : monthly.select("area", "area_level", "unit", "clients", "inflow", "any_inflow").collectAsList()) {
                perArea.put(List.of(r.getString(0), r.getString(1), r.getString(2)), r);
            }
            long dataMonths = censoring.dataMonths();
            // Months without any row for a group had no clients and no inflow: average over all data months.
            long knownInflowMonths = censoring.knownInflowMonths();
            Table.Builder t = Durations.SCHEMA.builder();
            curves.forEach((k, counts) -> {
                KaplanMeier.Summary s = KaplanMeier.summary(KaplanMeier.curve(counts));
                Row m = perArea.get(k);
                Double avgClients = m == null ? null : (double) m.getLong(3) / dataMonths;
                Double monthlyInflow = m == null || !m.getBoolean(5) ? null : (double) m.getLong(4) / knownInflowMonths;
                Double little = avgClients == null || monthlyInflow == null || monthlyInflow * s.restrictedMeanMonths() == 0
                        ? null : avgClients / (monthlyInflow * s.restrictedMeanMonths());
                t.row(k.get(0), k.get(1), k.get(2), s.trajectories(), s.closed(), s.medianMonths(),
                        Figures.round(s.restrictedMeanMonths(), 2), s.restrictedToMonths(),
                        Figures.round(s.naiveMeanClosedMonths(), 2), Figures.round(avgClients, 2),
                        Figures.round(monthlyInflow, 3), Figures.round(little, 3));
            });
            return t.build();
        }

        /** Client-months (and cost) in locally provided product groups over those in all groups, per area and year. */
        Table localShare() {
            Dataset<Row> provision = frame(reference.groups().values().stream()
                    .map(p -> RowFactory.create(p.group(), p.provision() == Reference.Provision.LOCAL)).toList(),
                    new StructType().add("unit", DataTypes.StringType).add("local", DataTypes.BooleanType));
            Dataset<Row> plan = monthCells.join(provision, "unit")
                    .groupBy(col("area"), col("area_level"), col("level_order"), yearOf(col("month")).as("year"))
                    .agg(sum(when(col("local"), col("clients")).otherwise(0L)).as("local_client_months"),
                            sum("clients").as("client_months"),
                            sum(when(col("local"), col("cents")).otherwise(0L)).as("local_cents"), sum("cents").as("cents"))
                    .orderBy("level_order", "area", "year")
                    .select("area", "area_level", "year", "local_client_months", "client_months", "local_cents", "cents");
            Table.Builder t = LocalShareYear.SCHEMA.builder();
            for (Row r : plan.collectAsList()) {
                long local = r.getLong(3), all = r.getLong(4), localCents = r.getLong(5), cents = r.getLong(6);
                t.row(r.getString(0), r.getString(1), r.getInt(2), local, all,
                        all == 0 ? null : Figures.round((double) local / all, 4),
                        cents == 0 ? null : Figures.round((double) localCents / cents, 4));
            }
            return t.build();
        }

        /**
         * Providers with a positive net cost per area, product group and year, and the Herfindahl–Hirschman
         * index of their cost shares; a line without a provider code counts as one unknown provider.
         */
        Table providersYear() {
            Dataset<Row> perProvider = inAreas(lineMonths.select(col("municipality_code"), col(GROUP).as("unit"),
                    coalesce(col("provider"), lit("?")).as("provider"), yearOf(col("month")).as("year"), col("cents")))
                    .groupBy("area", "area_level", "level_order", "unit", "year", "provider").agg(sum("cents").as("cents"));
            Column exact = col("cents").cast("decimal(20,0)");
            Dataset<Row> plan = perProvider.where(col("cents").gt(0))
                    .groupBy("area", "area_level", "level_order", "unit", "year")
                    .agg(count(lit(1)).as("providers"), sum("cents").as("cents"), sum(exact.multiply(exact)).as("squares"))
                    .orderBy("level_order", "area", "unit", "year")
                    .select("area", "area_level", "unit", "year", "providers", "cents", "squares");
            Table.Builder t = ProvidersYear.SCHEMA.builder();
            for (Row r : plan.collectAsList()) {
                double total = r.getLong(5);
                BigDecimal squares = r.getDecimal(6);
                t.row(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getLong(4),
                        Figures.round(squares.doubleValue() / (total * total), 4));
            }
            return t.build();
        }

        /** product_code → group_of: a product table lists products under their group in the reference. */
        Dataset<Row> productGroups() {
            return frame(reference.products().values().stream().map(p -> RowFactory.create(p.code(), p.group())).toList(),
                    new StructType().add("unit", DataTypes.StringType).add("group_of", DataTypes.StringType));
        }

        Dataset<Row> frame(List<Row> rows, StructType schema) {
            return lineMonths.sparkSession().createDataFrame(rows, schema);
        }

        /** Per municipality its three areas with their level, and the level's place in table order (municipalities first). */
        static Dataset<Row> areas(SparkSession spark, Reference reference) {
            List<Row> rows = new ArrayList<>();
            Areas areas = Areas.of(reference);
            for (String municipality : reference.municipalities().keySet()) {
                for (Area a : areas.of(municipality)) {
                    rows.add(RowFactory.create(municipality, a.code(), a.level().code(), a.level().ordinal()));
                }
            }
            return spark.createDataFrame(rows, new StructType().add("municipality_code", DataTypes.StringType)
                    .add("area", DataTypes.StringType).add("area_level", DataTypes.StringType)
                    .add("level_order", DataTypes.IntegerType));
        }
    }

    /** A month number's calendar year (months are numbered year * 12 + month − 1). */
    private static Column yearOf(Column month) {
        return floor(month.divide(12)).cast("int");
    }

    /** Duration → {events, censored} from a collected curve of (duration, events, censored). */
    private static TreeMap<Integer, KaplanMeier.Counts> counts(List<Row> curve) {
        TreeMap<Integer, KaplanMeier.Counts> out = new TreeMap<>();
        for (Row p : curve) out.put(p.getInt(0), new KaplanMeier.Counts(p.getLong(1), p.getLong(2)));
        return out;
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    /** Join keys: the names of one level's columns and some more. */
    private static String[] names(String[] names, String... more) {
        List<String> out = new ArrayList<>(List.of(names));
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    /** Grouping columns: the names of one level's columns and more columns (by name or as expressions). */
    private static Column[] cols(String[] names, Object... more) {
        List<Column> out = new ArrayList<>();
        for (String n : names) out.add(col(n));
        for (Object m : more) out.add(m instanceof Column c ? c : col((String) m));
        return out.toArray(Column[]::new);
    }
}
