package nl.voorkant.flow;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
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
 * <p>The plan shuffles the claims once, by client: month activity, trajectories and every
 * per-client distinct count are then local to a partition, because a hash partitioning on the
 * client satisfies any grouping that includes the client. Only small partial aggregates move after
 * that. Area levels are added by a broadcast join, so a subregion's unique clients are distinct
 * over its municipalities rather than summed.
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
        Dataset<Row> byClient = claims
                .select("client_key", "municipality_code", UNIT, "product_code", "provider_code", "referrer", "start_day", "end_day",
                        "volume", "amount_cents", "debit_credit")
                .repartition(col("client_key"));
        Dataset<Row> lineMonths = MonthActivity.lineMonths(byClient);
        Dataset<Row> activity = MonthActivity.activity(lineMonths, UNIT).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Trajectories.DataMonths months = Trajectories.dataMonths(activity);
            Map<String, Table> tables = new LinkedHashMap<>();
            if (months.isEmpty()) {
                return new Result(tables, months);
            }
            UnitFlows flows = UnitFlows.of(activity, areas, UNIT, maxGap, months);
            Dataset<Row> monthly = flows.monthly();
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
                    providers(lineMonths, areas).orderBy(LEVEL_ORDER, col("area"), col(UNIT), col("year"))));
            curves.unpersist();
            flows.unpersist();
            tables.put("flow_product_year", productYear(spark, lineMonths, areas, reference, maxGap, months));
            return new Result(tables, months);
        } finally {
            activity.unpersist();
        }
    }

    /**
     * Trajectories, per-client months, monthly and yearly flows of one care unit (product group or
     * product code), all per area; the intermediate Datasets are cached because several tables read them.
     */
    record UnitFlows(Dataset<Row> trajectories, Dataset<Row> clientMonths, Dataset<Row> monthly,
                     Dataset<Row> survivalCounts, Dataset<Row> yearly) {

        static UnitFlows of(Dataset<Row> activity, Dataset<Row> areas, String unit, int maxGap,
                            Trajectories.DataMonths months) {
            Dataset<Row> trajectories = Trajectories.of(activity, unit, maxGap, months)
                    .join(broadcast(areas), "municipality_code")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> clientMonths = activity.join(broadcast(areas), "municipality_code")
                    .groupBy(col("area"), col("area_level"), col(unit), col("month"), col("client_key"))
                    .agg(max("active").as("active"), sum("net_cents").as("net_cents"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> monthly = monthlyFlows(clientMonths, trajectories, unit, maxGap, months)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> survivalCounts = trajectories.filter(not(col("left_censored")))
                    .withColumn("year", floor(col("start_month").divide(12)).cast("int"))
                    .groupBy(col("area"), col("area_level"), col(unit), col("year"), col("duration_months"))
                    .agg(sum(when(col("right_censored"), 0).otherwise(1)).as("events"),
                         sum(when(col("right_censored"), 1).otherwise(0)).as("censored"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> medians = KaplanMeier.summaries(
                    KaplanMeier.curves(survivalCounts, "area", "area_level", unit, "year"), "area", "area_level", unit, "year")
                    .select(col("area"), col("area_level"), col(unit), col("year"),
                            col("km_median_months").as("km_median_duration_months"));
            return new UnitFlows(trajectories, clientMonths, monthly, survivalCounts,
                    yearlyFlows(clientMonths, monthly, trajectories, medians, unit, maxGap, months));
        }

        void unpersist() {
            survivalCounts.unpersist();
            monthly.unpersist();
            clientMonths.unpersist();
            trajectories.unpersist();
        }
    }

    /** The yearly figures per product code, for a product table: trajectories here follow one product, not a group. */
    static Table productYear(SparkSession spark, Dataset<Row> lineMonths, Dataset<Row> areas, Reference reference,
                                    int maxGap, Trajectories.DataMonths months) {
        Dataset<Row> activity = MonthActivity.activity(lineMonths, "product_code").persist(StorageLevel.MEMORY_AND_DISK());
        try {
            UnitFlows flows = UnitFlows.of(activity, areas, "product_code", maxGap, months);
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
        } finally {
            activity.unpersist();
        }
    }

    /** municipality_code → (area, area_level) three times: the municipality, its subregion and its region. */
    static Dataset<Row> areaMap(SparkSession spark, Reference reference) {
        List<Row> rows = new ArrayList<>();
        for (Reference.Municipality m : reference.municipalities().values()) {
            rows.add(RowFactory.create(m.code(), m.code(), "municipality"));
            rows.add(RowFactory.create(m.code(), m.subregion(), "subregion"));
            rows.add(RowFactory.create(m.code(), m.region(), "region"));
        }
        StructType schema = new StructType().add("municipality_code", DataTypes.StringType)
                .add("area", DataTypes.StringType).add("area_level", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

    static Column monthLabel(Column monthIndex) {
        return format_string("%04d-%02d", floor(monthIndex.divide(12)), pmod(monthIndex, lit(12)).plus(1));
    }

    static Column euros(Column cents) {
        return cents.cast("decimal(22,0)").divide(lit(100)).cast("decimal(22,2)");
    }

    /** Clients, cost, inflow and outflow per area, group and month; flows the data cannot know stay empty. */
    static Dataset<Row> monthlyFlows(Dataset<Row> clientMonths, Dataset<Row> trajectories, String unit, int maxGap,
                                Trajectories.DataMonths months) {
        Dataset<Row> base = clientMonths.groupBy(col("area"), col("area_level"), col(unit), col("month"))
                .agg(sum(col("active").cast("int")).as("clients"), sum("net_cents").as("cents"));
        Dataset<Row> starts = trajectories.filter(not(col("left_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), col("start_month").as("month"))
                .agg(count(lit(1)).as("starts"));
        Dataset<Row> ends = trajectories.filter(not(col("right_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), col("end_month").as("month"))
                .agg(count(lit(1)).as("ends"));
        String[] keys = {"area", "area_level", unit, "month"};
        return base.join(starts, seq(keys), "left")
                .join(ends, seq(keys), "left")
                .withColumn("inflow", when(col("month").leq(months.first() + maxGap), lit(null).cast("long"))
                        .otherwise(coalesce(col("starts"), lit(0L))))
                .withColumn("outflow", when(col("month").geq(months.last() - maxGap), lit(null).cast("long"))
                        .otherwise(coalesce(col("ends"), lit(0L))))
                .drop("starts", "ends");
    }

    static scala.collection.immutable.Seq<String> seq(String... keys) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(keys)).toList();
    }

    static Dataset<Row> yearlyFlows(Dataset<Row> clientMonths, Dataset<Row> monthly, Dataset<Row> trajectories,
                               Dataset<Row> medians, String unit, int maxGap, Trajectories.DataMonths months) {
        Column year = floor(col("month").divide(12)).cast("int");
        Dataset<Row> unique = clientMonths.filter(col("active"))
                .select(col("area"), col("area_level"), col(unit), year.as("year"), col("client_key"))
                .distinct()
                .groupBy("area", "area_level", unit, "year").agg(count(lit(1)).as("unique_clients"));
        Column monthsInYear = least(lit(months.last()), col("year").multiply(12).plus(11))
                .minus(greatest(lit(months.first()), col("year").multiply(12))).plus(1);
        Dataset<Row> volume = monthly.withColumn("year", year)
                .groupBy("area", "area_level", unit, "year")
                .agg(sum("clients").as("client_months"), sum("cents").as("cents"));
        Column startYear = floor(col("start_month").divide(12)).cast("int");
        Column endYear = floor(col("end_month").divide(12)).cast("int");
        Dataset<Row> starts = trajectories.filter(not(col("left_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), startYear.as("year"))
                .agg(count(lit(1)).as("starts"),
                     sum(when(col("first_referrer").equalTo("01"), 1).otherwise(0)).cast("long").as("local_starts"));
        Dataset<Row> ends = trajectories.filter(not(col("right_censored")))
                .groupBy(col("area"), col("area_level"), col(unit), endYear.as("year"))
                .agg(count(lit(1)).as("ends"),
                     avg(when(not(col("left_censored")), col("duration_months"))).as("mean_duration"));
        // A year that contains a month whose flows the data cannot know has no known yearly flow either.
        Column inflowUnknown = col("year").multiply(12).leq(months.first() + maxGap);
        Column outflowUnknown = col("year").multiply(12).plus(11).geq(months.last() - maxGap);
        String[] keys = {"area", "area_level", unit, "year"};
        return volume.join(unique, seq(keys), "left")
                .join(starts, seq(keys), "left")
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
    static Dataset<Row> providers(Dataset<Row> lineMonths, Dataset<Row> areas) {
        Dataset<Row> perProvider = lineMonths
                .withColumn("year", floor(col("month").divide(12)).cast("int"))
                .groupBy(col("municipality_code"), col(UNIT), col("year"),
                        coalesce(col("provider_code"), lit("?")).as("provider"))
                .agg(sum("cents_part").as("cents"))
                .join(broadcast(areas), "municipality_code")
                .groupBy("area", "area_level", UNIT, "year", "provider")
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
