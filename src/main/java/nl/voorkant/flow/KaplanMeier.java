package nl.voorkant.flow;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Kaplan–Meier survival of trajectory durations, computed on counts per duration so that a curve
 * costs as many rows as it has distinct durations, however many trajectories it holds.
 * Confidence bands: Greenwood's variance on the log(−log) scale, which keeps them inside [0, 1].
 */
public final class KaplanMeier {
    private KaplanMeier() {}

    static final double Z95 = 1.959963984540054;

    /**
     * Curves from {@code counts} (the keys, duration_months, events, censored) with at_risk,
     * survival, lower95 and upper95 per key and duration, ordered by duration.
     */
    public static Dataset<Row> curves(Dataset<Row> counts, String... keys) {
        Column[] keyCols = cols(keys);
        WindowSpec byKey = Window.partitionBy(keyCols).orderBy(col("duration_months"));
        WindowSpec fromHere = byKey.rowsBetween(Window.currentRow(), Window.unboundedFollowing());
        WindowSpec upToHere = byKey.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column n = col("at_risk");
        Column d = col("events");
        return counts
                .withColumn("at_risk", sum(col("events").plus(col("censored"))).over(fromHere))
                .withColumn("_all_die", sum(when(d.equalTo(n), 1).otherwise(0)).over(upToHere))
                .withColumn("_log_s", sum(when(d.lt(n), log(lit(1.0).minus(d.divide(n)))).otherwise(0.0)).over(upToHere))
                .withColumn("_greenwood", sum(when(d.lt(n), d.divide(n.multiply(n.minus(d)))).otherwise(0.0))
                        .over(upToHere))
                .withColumn("survival", when(col("_all_die").gt(0), lit(0.0)).otherwise(exp(col("_log_s"))))
                .withColumn("_se", try_divide(sqrt(col("_greenwood")), abs(col("_log_s"))))
                .withColumn("lower95", band(-1))
                .withColumn("upper95", band(1))
                .drop("_all_die", "_log_s", "_greenwood", "_se");
    }

    /** S^exp(∓z·se); where survival is still 1 the band is [1, 1], where it is 0 it is unknown. */
    private static Column band(int side) {
        Column s = col("survival");
        Column power = exp(lit(-side * Z95).multiply(col("_se")));
        return when(s.geq(1.0), lit(1.0)).when(s.leq(0.0), lit(null).cast("double")).otherwise(pow(s, power));
    }

    /**
     * Per key: km_median_months (the first duration at which survival is 0.5 or below, empty if it
     * never is), km_restricted_mean_months (the area under the curve up to the longest observed
     * duration) and restricted_to_months, from {@link #curves}.
     */
    public static Dataset<Row> summaries(Dataset<Row> curves, String... keys) {
        WindowSpec byKey = Window.partitionBy(cols(keys)).orderBy(col("duration_months"));
        Column previousSurvival = coalesce(lag(col("survival"), 1).over(byKey), lit(1.0));
        Column previousDuration = coalesce(lag(col("duration_months"), 1).over(byKey), lit(0));
        return curves
                .withColumn("_area", previousSurvival.multiply(col("duration_months").minus(previousDuration)))
                .groupBy(cols(keys))
                .agg(min(when(col("survival").leq(0.5), col("duration_months"))).as("km_median_months"),
                     sum("_area").as("km_restricted_mean_months"),
                     max("duration_months").as("restricted_to_months"),
                     sum(col("events").plus(col("censored"))).as("trajectories"),
                     sum("events").as("closed"),
                     try_divide(sum(col("events").multiply(col("duration_months"))), sum("events"))
                             .as("naive_mean_closed_months"));
    }

    static Column[] cols(String... names) {
        List<Column> out = new ArrayList<>();
        for (String k : names) out.add(col(k));
        return out.toArray(Column[]::new);
    }
}
