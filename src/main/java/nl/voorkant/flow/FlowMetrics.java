package nl.voorkant.flow;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The flow tables of DOMAIN.md per area (municipality, subregion, region) and product group, from
 * accepted claim lines.
 *
 * <p>One pass over the claims ({@link FlowPass}) leaves small additive partial counts; the tables
 * are built from those. Municipality counts roll up to the subregion and region by a broadcast
 * join, with the pass's corrections keeping a subregion's clients distinct rather than summed.
 */
public final class FlowMetrics {
    private FlowMetrics() {}

    public static final String UNIT = "product_group";
    static final String[] AREA_KEYS = {"area", "area_level", UNIT};
    /** Tables list municipalities first, then subregions, then the region. */
    static final Column LEVEL_ORDER = when(col("area_level").equalTo("municipality"), 0)
            .when(col("area_level").equalTo("subregion"), 1).otherwise(2);

    /** The flow tables, unsuppressed, keyed by table name; see the README for their columns. */
    public record Result(Map<String, Table> tables, Trajectories.DataMonths months) {}

    public static Result compute(SparkSession spark, Dataset<Row> claims, Reference reference, int maxGap) {
        Dataset<Row> areas = areaMap(spark, reference);
        Dataset<Row> partials = FlowPass.partials(claims, higherAreas(reference), maxGap)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Trajectories.DataMonths months = dataMonths(partials);
            Map<String, Table> tables = new LinkedHashMap<>();
            if (months.isEmpty()) {
                return new Result(tables, months);
            }
            UnitFlows flows = UnitFlows.of(partials, areas, UNIT, maxGap, months);
            Dataset<Row> monthly = monthlyFlows(rollUp(partials, areas, Partials.MONTH, UNIT), flows.trajectories(),
                    UNIT, maxGap, months).persist(StorageLevel.MEMORY_AND_DISK());
            tables.put("flow_month", Tables.collect("flow_month", monthly
                    .select(col("area"), col("area_level"), col(UNIT), monthLabel(col("month")).as("month"),
                            col("clients"), col("inflow"), col("outflow"), euros(col("cents")).as("cost_eur"))
                    .orderBy(LEVEL_ORDER, col("area"), col(UNIT), col("month"))));

            tables.put("flow_year", Tables.collect("flow_year",
                    flows.yearly().orderBy(LEVEL_ORDER, col("area"), col(UNIT), col("year"))));

            Dataset<Row> pooled = flows.survivalCounts().groupBy(col("area"), col("area_level"), col(UNIT), col("duration_months"))
                    .agg(sum("events").as("events"), sum("censored").as("censored"));
            Dataset<Row> curves = KaplanMeier.curves(pooled, AREA_KEYS).persist(StorageLevel.MEMORY_AND_DISK());
            tables.put("km_survival", Tables.collect("km_survival", curves
                    .select(col("area"), col("area_level"), col(UNIT), col("duration_months"), col("at_risk"),
                            col("events"), col("censored"), round(col("survival"), 4).as("survival"),
                            round(col("lower95"), 4).as("lower95"), round(col("upper95"), 4).as("upper95"))
                    .orderBy(LEVEL_ORDER, col("area"), col(UNIT), col("duration_months"))));
            tables.put("durations", Tables.collect("durations",
                    durations(KaplanMeier.summaries(curves, AREA_KEYS), monthly, maxGap, months)
                            .orderBy(LEVEL_ORDER, col("area"), col(UNIT))));
            tables.put("local_share_year", Tables.collect("local_share_year",
                    localShare(spark, monthly, reference).orderBy(LEVEL_ORDER, col("area"), col("year"))));
            tables.put("providers_year", Tables.collect("providers_year",
                    providers(partials, areas).orderBy(LEVEL_ORDER, col("area"), col(UNIT), col("year"))));
            curves.unpersist();
            monthly.unpersist();
            flows.unpersist();
            tables.put("flow_product_year", productYear(spark, partials, areas, reference, maxGap, months));
            return new Result(tables, months);
        } finally {
            partials.unpersist();
        }
    }

    /** The months of the data: from the first to the last month in which any client is active. */
    static Trajectories.DataMonths dataMonths(Dataset<Row> partials) {
        Row r = partials.filter(col("kind").equalTo(Partials.MONTH).and(col("area_level").equalTo(ClientFlows.MUNICIPALITY))
                .and(col("n").gt(0))).agg(min("a"), max("a")).first();
        return r.isNullAt(0) ? new Trajectories.DataMonths(0, -1) : new Trajectories.DataMonths(r.getInt(0), r.getInt(1));
    }

    /** Per municipality code its subregion and region, as {area, area_level}. */
    static Map<String, List<String[]>> higherAreas(Reference reference) {
        Map<String, List<String[]>> out = new HashMap<>();
        for (Reference.Municipality m : reference.municipalities().values()) {
            out.put(m.code(), List.of(new String[] {m.subregion(), "subregion"}, new String[] {m.region(), "region"}));
        }
        return out;
    }

    /**
     * The partial counts of one kind and unit per area: municipality rows counted once for each of
     * their areas, plus the corrections for clients in several municipalities of one area; the
     * period column {@code a} is named {@code month} or {@code year} by kind.
     */
    static Dataset<Row> rollUp(Dataset<Row> partials, Dataset<Row> areas, String kind, String unit) {
        Dataset<Row> ofKind = partials.filter(col("kind").equalTo(kind).and(col("unit_type").equalTo(unit)));
        Dataset<Row> own = ofKind.filter(col("area_level").equalTo(ClientFlows.MUNICIPALITY))
                .drop("area_level")
                .join(broadcast(areas), col("area").equalTo(col("municipality_code")))
                .drop("area").drop("municipality_code")
                .withColumnRenamed("to_area", "area").withColumnRenamed("to_level", "area_level");
        Dataset<Row> corrections = ofKind.filter(col("area_level").notEqual(ClientFlows.MUNICIPALITY));
        return own.unionByName(corrections)
                .groupBy(col("area"), col("area_level"), col("unit").as(unit),
                        col("a").as(kind.equals(Partials.MONTH) ? "month" : "year"))
                .agg(sum("n").as("n"), sum("m").as("m"), sum("cents").as("cents"));
    }

    /**
     * Trajectories, survival counts and yearly flows of one care unit (product group or product
     * code), all per area; cached because several tables read them.
     */
    record UnitFlows(Dataset<Row> trajectories, Dataset<Row> survivalCounts, Dataset<Row> yearly) {

        static UnitFlows of(Dataset<Row> partials, Dataset<Row> areas, String unit, int maxGap,
                            Trajectories.DataMonths months) {
            Dataset<Row> trajectories = partials
                    .filter(col("kind").equalTo(Partials.TRAJECTORY).and(col("unit_type").equalTo(unit)))
                    .join(broadcast(areas), col("area").equalTo(col("municipality_code")))
                    .select(col("to_area").as("area"), col("to_level").as("area_level"), col("unit").as(unit),
                            col("a").as("start_month"), col("b").as("end_month"), col("n"), col("m").as("local_n"))
                    .withColumn("duration_months", col("end_month").minus(col("start_month")).plus(1))
                    .withColumn("left_censored", col("start_month").leq(months.lastLeftCensored(maxGap)))
                    .withColumn("right_censored", col("end_month").geq(months.firstRightCensored(maxGap)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> survivalCounts = trajectories.filter(not(col("left_censored")))
                    .withColumn("year", floor(col("start_month").divide(12)).cast("int"))
                    .groupBy(col("area"), col("area_level"), col(unit), col("year"), col("duration_months"))
                    .agg(sum(when(col("right_censored"), 0L).otherwise(col("n"))).as("events"),
                         sum(when(col("right_censored"), col("n")).otherwise(0L)).as("censored"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> medians = KaplanMeier.summaries(
                    KaplanMeier.curves(survivalCounts, "area", "area_level", unit, "year"), "area", "area_level", unit, "year")
                    .select(col("area"), col("area_level"), col(unit), col("year"),
                            col("km_median_months").as("km_median_duration_months"));
            return new UnitFlows(trajectories, survivalCounts,
                    yearlyFlows(rollUp(partials, areas, Partials.YEAR, unit), trajectories, medians, unit, maxGap, months));
        }

        void unpersist() {
            survivalCounts.unpersist();
            trajectories.unpersist();
        }
    }

    /** The yearly figures per product code, for a product table: trajectories here follow one product, not a group. */
    static Table productYear(SparkSession spark, Dataset<Row> partials, Dataset<Row> areas, Reference reference,
                             int maxGap, Trajectories.DataMonths months) {
        UnitFlows flows = UnitFlows.of(partials, areas, "product_code", maxGap, months);
        List<Row> catalogue = new ArrayList<>();
        reference.products().values().forEach(p -> catalogue.add(RowFactory.create(p.code(), p.group())));
        Dataset<Row> groups = spark.createDataFrame(catalogue, new StructType()
                .add("product_code", DataTypes.StringType).add(UNIT, DataTypes.StringType));
        Table out = Tables.collect("flow_product_year", flows.yearly().join(broadcast(groups), "product_code")
                .select(col("area"), col("area_level"), col(UNIT), col("product_code"), col("year"),
                        col("unique_clients"), col("avg_monthly_clients"), col("inflow"), col("outflow"),
                        col("mean_duration_months"), col("km_median_duration_months"), col("cost_eur"),
                        col("cost_per_client_month_eur"), col("local_referral_share"), col("local_referral_inflow"))
                .orderBy(LEVEL_ORDER, col("area"), col(UNIT), col("product_code"), col("year")));
        flows.unpersist();
        return out;
    }

    /** municipality_code → (to_area, to_level) three times: the municipality, its subregion and its region. */
    static Dataset<Row> areaMap(SparkSession spark, Reference reference) {
        List<Row> rows = new ArrayList<>();
        for (Reference.Municipality m : reference.municipalities().values()) {
            rows.add(RowFactory.create(m.code(), m.code(), "municipality"));
            rows.add(RowFactory.create(m.code(), m.subregion(), "subregion"));
            rows.add(RowFactory.create(m.code(), m.region(), "region"));
        }
        StructType schema = new StructType().add("municipality_code", DataTypes.StringType)
                .add("to_area", DataTypes.StringType).add("to_level", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

    static Column monthLabel(Column monthIndex) {
        return format_string("%04d-%02d", floor(monthIndex.divide(12)), pmod(monthIndex, lit(12)).plus(1));
    }

    static Column euros(Column cents) {
        return cents.cast("decimal(22,0)").divide(lit(100)).cast("decimal(22,2)");
    }

    /** Clients, cost, inflow and outflow per area, group and month; flows the data cannot know stay empty. */
    static Dataset<Row> monthlyFlows(Dataset<Row> monthCounts, Dataset<Row> trajectories, String unit, int maxGap,
                                     Trajectories.DataMonths months) {
        Dataset<Row> base = monthCounts.select(col("area"), col("area_level"), col(unit), col("month"),
                col("n").as("clients"), col("cents"));
        Dataset<Row> starts = trajectories.filter(not(col("left_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), col("start_month").as("month"))
                .agg(sum("n").as("starts"));
        Dataset<Row> ends = trajectories.filter(not(col("right_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), col("end_month").as("month"))
                .agg(sum("n").as("ends"));
        String[] keys = {"area", "area_level", unit, "month"};
        return base.join(starts, seq(keys), "left")
                .join(ends, seq(keys), "left")
                .withColumn("inflow", when(col("month").leq(months.lastLeftCensored(maxGap)), lit(null).cast("long"))
                        .otherwise(coalesce(col("starts"), lit(0L))))
                .withColumn("outflow", when(col("month").geq(months.firstRightCensored(maxGap)), lit(null).cast("long"))
                        .otherwise(coalesce(col("ends"), lit(0L))))
                .drop("starts", "ends");
    }

    static scala.collection.immutable.Seq<String> seq(String... keys) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(keys)).toList();
    }

    static Dataset<Row> yearlyFlows(Dataset<Row> yearCounts, Dataset<Row> trajectories, Dataset<Row> medians,
                                    String unit, int maxGap, Trajectories.DataMonths months) {
        Column monthsInYear = least(lit(months.last()), col("year").multiply(12).plus(11))
                .minus(greatest(lit(months.first()), col("year").multiply(12))).plus(1);
        Dataset<Row> volume = yearCounts.select(col("area"), col("area_level"), col(unit), col("year"),
                col("n").as("unique_clients"), col("m").as("client_months"), col("cents"));
        Column startYear = floor(col("start_month").divide(12)).cast("int");
        Column endYear = floor(col("end_month").divide(12)).cast("int");
        Dataset<Row> starts = trajectories.filter(not(col("left_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), startYear.as("year"))
                .agg(sum("n").as("starts"), sum("local_n").as("local_starts"));
        Dataset<Row> ends = trajectories.filter(not(col("right_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), endYear.as("year"))
                .agg(sum("n").as("ends"),
                     try_divide(sum(when(not(col("left_censored")), col("n").multiply(col("duration_months")))),
                             sum(when(not(col("left_censored")), col("n")))).as("mean_duration"));
        // A year that contains a month whose flows the data cannot know has no known yearly flow either.
        Column inflowUnknown = col("year").multiply(12).leq(months.lastLeftCensored(maxGap));
        Column outflowUnknown = col("year").multiply(12).plus(11).geq(months.firstRightCensored(maxGap));
        String[] keys = {"area", "area_level", unit, "year"};
        return volume.join(starts, seq(keys), "left")
                .join(ends, seq(keys), "left")
                .join(medians, seq(keys), "left")
                .withColumn("inflow", when(inflowUnknown, lit(null).cast("long")).otherwise(coalesce(col("starts"), lit(0L))))
                .withColumn("local_referral_inflow", when(inflowUnknown, lit(null).cast("long"))
                        .otherwise(coalesce(col("local_starts"), lit(0L))))
                .withColumn("outflow", when(outflowUnknown, lit(null).cast("long")).otherwise(coalesce(col("ends"), lit(0L))))
                .select(col("area"), col("area_level"), col(unit), col("year"),
                        coalesce(col("unique_clients"), lit(0L)).as("unique_clients"),
                        round(col("client_months").divide(monthsInYear), 2).as("avg_monthly_clients"),
                        col("inflow"), col("outflow"),
                        round(col("mean_duration"), 2).as("mean_duration_months"),
                        col("km_median_duration_months"),
                        euros(col("cents")).as("cost_eur"),
                        round(try_divide(col("cents"), col("client_months")).divide(100), 2)
                                .as("cost_per_client_month_eur"),
                        round(try_divide(col("local_referral_inflow"), col("inflow")), 4).as("local_referral_share"),
                        col("local_referral_inflow"));
    }

    static Dataset<Row> durations(Dataset<Row> summaries, Dataset<Row> monthly, int maxGap,
                                  Trajectories.DataMonths months) {
        // Months without any row for a group had no clients and no inflow: average over all data months.
        long dataMonths = months.last() - months.first() + 1L;
        long knownInflowMonths = Math.max(1, dataMonths - (maxGap + 1));
        Dataset<Row> little = monthly.groupBy("area", "area_level", UNIT)
                .agg(sum("clients").divide(dataMonths).as("avg_monthly_clients"),
                     sum("inflow").divide(knownInflowMonths).as("monthly_inflow"));
        return summaries.join(little, seq(AREA_KEYS), "left")
                .select(col("area"), col("area_level"), col(UNIT), col("trajectories"), col("closed"),
                        col("km_median_months"), round(col("km_restricted_mean_months"), 2).as("km_restricted_mean_months"),
                        col("restricted_to_months"), round(col("naive_mean_closed_months"), 2).as("naive_mean_closed_months"),
                        round(col("avg_monthly_clients"), 2).as("avg_monthly_clients"),
                        round(col("monthly_inflow"), 3).as("monthly_inflow"),
                        round(try_divide(col("avg_monthly_clients"),
                                col("monthly_inflow").multiply(col("km_restricted_mean_months"))), 3).as("little_ratio"));
    }

    static Dataset<Row> localShare(SparkSession spark, Dataset<Row> monthly, Reference reference) {
        List<Row> rows = new ArrayList<>();
        reference.groups().forEach((g, p) -> rows.add(RowFactory.create(g, p.provision() == Reference.Provision.LOCAL)));
        Dataset<Row> provision = spark.createDataFrame(rows, new StructType().add(UNIT, DataTypes.StringType)
                .add("is_local", DataTypes.BooleanType));
        return monthly.join(broadcast(provision), UNIT)
                .withColumn("year", floor(col("month").divide(12)).cast("int"))
                .groupBy("area", "area_level", "year")
                .agg(sum(when(col("is_local"), col("clients")).otherwise(0L)).as("local_client_months"),
                     sum("clients").as("total_client_months"),
                     sum(when(col("is_local"), col("cents")).otherwise(0L)).as("local_cents"),
                     sum("cents").as("total_cents"))
                .select(col("area"), col("area_level"), col("year"), col("local_client_months"),
                        col("total_client_months"),
                        round(try_divide(col("local_client_months"), col("total_client_months")), 4).as("local_share"),
                        round(try_divide(col("local_cents"), col("total_cents")), 4).as("local_cost_share"));
    }

    /**
     * Distinct providers and the Herfindahl–Hirschman index of their cost shares (1 = one provider
     * has it all): the memo complains of fragmented guardianship, many providers per municipality.
     */
    static Dataset<Row> providers(Dataset<Row> partials, Dataset<Row> areas) {
        Dataset<Row> perProvider = partials.filter(col("kind").equalTo(Partials.PROVIDER))
                .join(broadcast(areas), col("area").equalTo(col("municipality_code")))
                .groupBy(col("to_area").as("area"), col("to_level").as("area_level"), col("unit").as(UNIT),
                        col("a").as("year"), col("s").as("provider"))
                .agg(sum("cents").as("cents"))
                .filter(col("cents").gt(0));
        return perProvider
                .groupBy("area", "area_level", UNIT, "year")
                .agg(count(lit(1)).as("providers"), sum("cents").as("total"),
                     sum(col("cents").cast("double").multiply(col("cents").cast("double"))).as("sq"))
                .select(col("area"), col("area_level"), col(UNIT), col("year"), col("providers"),
                        round(col("sq").divide(col("total").cast("double").multiply(col("total").cast("double"))), 4)
                                .as("hhi"));
    }
}
