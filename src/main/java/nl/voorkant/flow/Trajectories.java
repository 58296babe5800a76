package nl.voorkant.flow;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Trajectories: per client, municipality and care unit, maximal chains of active months in which
 * consecutive active months are at most {@code maxGap + 1} apart. A trajectory that starts within
 * the first {@code maxGap + 1} months of the data may have started earlier (left-censored: no
 * inflow, no known duration); one that ends within the last {@code maxGap + 1} months may go on
 * (right-censored: no outflow, censored in Kaplan–Meier).
 */
public final class Trajectories {
    private Trajectories() {}

    /** The months of the data: from the first to the last month in which any client is active. */
    public record DataMonths(int first, int last) {
        public boolean isEmpty() {
            return last < first;
        }
    }

    public static DataMonths dataMonths(Dataset<Row> activity) {
        Row r = activity.filter(col("active")).agg(min("month"), max("month")).first();
        return r.isNullAt(0) ? new DataMonths(0, -1) : new DataMonths(r.getInt(0), r.getInt(1));
    }

    /**
     * One row per trajectory: client_key, municipality_code, the unit column, start and end month,
     * duration_months, the first month's first referrer, left_censored and right_censored.
     */
    public static Dataset<Row> of(Dataset<Row> activity, String unit, int maxGap, DataMonths months) {
        WindowSpec byClient = Window.partitionBy(col("client_key"), col("municipality_code"), col(unit))
                .orderBy(col("month"));
        Column startsChain = lag(col("month"), 1).over(byClient).isNull()
                .or(col("month").minus(lag(col("month"), 1).over(byClient)).gt(maxGap + 1));
        return activity.filter(col("active"))
                .withColumn("chain", sum(startsChain.cast("int")).over(byClient.rowsBetween(Window.unboundedPreceding(),
                        Window.currentRow())))
                .groupBy(col("client_key"), col("municipality_code"), col(unit), col("chain"))
                .agg(min("month").as("start_month"), max("month").as("end_month"),
                     min(col("month").cast("long").multiply(100).plus(col("first_referrer").cast("int")))
                             .as("first_month_referrer"))
                .withColumn("first_referrer", MonthActivity.referrerOf(col("first_month_referrer")))
                .drop("chain", "first_month_referrer")
                .withColumn("duration_months", col("end_month").minus(col("start_month")).plus(1))
                .withColumn("left_censored", col("start_month").leq(months.first() + maxGap))
                .withColumn("right_censored", col("end_month").geq(months.last() - maxGap));
    }
}
