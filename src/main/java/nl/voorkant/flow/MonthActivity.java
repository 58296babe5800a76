package nl.voorkant.flow;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Claim lines spread over the calendar months their delivered period touches, and the resulting
 * activity per client, municipality, care unit (product group or product code) and month.
 *
 * <p>Months are numbered {@code year * 12 + month - 1} so that gaps and durations are differences.
 * Amounts are spread in whole cents by cumulative days: month i of a line gets
 * floor(A·D_i/D) − floor(A·D_(i−1)/D), where D_i are the days up to and including month i. The
 * parts add up exactly to the line's amount, so costs reconcile to the cent with ingestion.
 */
public final class MonthActivity {
    private MonthActivity() {}

    /** Active means a net volume above zero; the epsilon absorbs the rounding of day fractions. */
    static final double ACTIVE_EPSILON = 1e-9;

    public static Column monthIndexOfDay(Column epochDay) {
        Column d = date_from_unix_date(epochDay);
        return year(d).multiply(12).plus(month(d)).minus(1);
    }

    static Column firstDayOfMonth(Column monthIndex) {
        return unix_date(make_date(floor(monthIndex.divide(12)).cast("int"), pmod(monthIndex, lit(12)).plus(1), lit(1)));
    }

    /**
     * One row per claim line and month it touches: the claim's columns plus {@code month},
     * {@code volume_part} and {@code cents_part}, both signed (a credit subtracts).
     */
    public static Dataset<Row> lineMonths(Dataset<Row> claims) {
        Column sign = when(col("debit_credit").equalTo("C"), lit(-1)).otherwise(lit(1));
        Column days = col("end_day").minus(col("start_day")).plus(1);
        Dataset<Row> exploded = claims.withColumn("month",
                explode(sequence(monthIndexOfDay(col("start_day")), monthIndexOfDay(col("end_day")))));
        Column monthStart = greatest(col("start_day"), firstDayOfMonth(col("month")));
        Column monthEnd = least(col("end_day"), firstDayOfMonth(col("month").plus(1)).minus(1));
        Column daysThrough = monthEnd.minus(col("start_day")).plus(1).cast("long");
        Column daysBefore = monthStart.minus(col("start_day")).cast("long");
        // Integral division keeps the cents exact where a double quotient could round up to the next cent.
        Dataset<Row> withParts = exploded
                .withColumn("_n1", col("amount_cents").multiply(daysThrough))
                .withColumn("_n0", col("amount_cents").multiply(daysBefore))
                .withColumn("_days", days.cast("long"))
                .withColumn("cents_part", expr("(_n1 div _days) - (_n0 div _days)").multiply(sign))
                .drop("_n1", "_n0", "_days");
        return withParts.withColumn("volume_part",
                col("volume").multiply(monthEnd.minus(monthStart).plus(1)).divide(days).multiply(sign));
    }

    /**
     * Net volume and cost per client, municipality, unit and month, whether the client was active,
     * and the referrer of the month's earliest-starting debit line (ties: the lower referrer code).
     */
    public static Dataset<Row> activity(Dataset<Row> lineMonths, String unit) {
        // (start day, referrer) packed in one long: min() of a number keeps this a hash aggregation.
        Column firstDebit = when(col("debit_credit").equalTo("D"),
                col("start_day").cast("long").multiply(100).plus(col("referrer").cast("int")));
        return lineMonths
                .groupBy(col("client_key"), col("municipality_code"), col(unit), col("month"))
                .agg(sum("volume_part").as("net_volume"), sum("cents_part").as("net_cents"),
                     min(firstDebit).as("first_debit"))
                .withColumn("first_referrer", referrerOf(col("first_debit")))
                .drop("first_debit")
                .withColumn("active", col("net_volume").gt(ACTIVE_EPSILON));
    }

    /** The two-digit referrer code from a value packed as {@code x * 100 + referrer}. */
    static Column referrerOf(Column packed) {
        return lpad(pmod(packed, lit(100L)).cast("string"), 2, "0");
    }
}
