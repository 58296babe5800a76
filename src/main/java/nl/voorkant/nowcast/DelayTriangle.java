package nl.voorkant.nowcast;

import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The delay triangles of the accepted claims: per product group, care month × delay months, the net
 * cents and the clients first claimed at that delay. One small aggregation in Spark, collected to the
 * driver (groups × months × {@link #WIDTH} cells at most).
 *
 * <p>A line's amount is spread over the months of its period by days, as the flow tables spread it, and
 * its client counts in each of them. Its delay is counted in months that end on the
 * extract's day of the month, so that the newest diagonal is as long as every other: with an extract of
 * the 15th, a claim of 10 May for April care has delay 1, one of 20 May delay 2 (as the extract is 2 months on).
 */
public final class DelayTriangle {
    private DelayTriangle() {}

    /** Delays of 0 … WIDTH − 1 months; a later claim counts at the last (a month is complete after two years). */
    public static final int WIDTH = 25;

    /** What the claims say about their declaration dates: the latest one and the lines without one. */
    public record Dates(LocalDate latest, long dated, long undated) {}

    /** One product group's incremental triangles, origins from {@code firstMonth} to the extract's month. */
    public record Group(long[][] cents, long[][] clients) {}

    public record Triangles(YearMonth firstMonth, YearMonth extractMonth, Map<String, Group> groups) {
        public int origins() {
            return (int) (months(firstMonth, extractMonth) + 1);
        }
    }

    public static Dates dates(Dataset<Row> claims) {
        Row r = claims.agg(max(col("declaration_day")), count(col("declaration_day")), count(lit(1))).first();
        LocalDate latest = r.isNullAt(0) ? null : LocalDate.ofEpochDay(r.getInt(0));
        return new Dates(latest, r.getLong(1), r.getLong(2) - r.getLong(1));
    }

    /** The triangles of the dated claims up to {@code extract}; a claim declared later is not in the extract. */
    public static Triangles build(Dataset<Row> claims, LocalDate extract) {
        YearMonth extractMonth = YearMonth.from(extract);
        // Shifted by the days left in the extract's month, the extract day becomes a month's last day.
        int shift = extract.lengthOfMonth() - extract.getDayOfMonth();
        Column signedCents = when(col("debit_credit").equalTo("C"), negate(col("amount_cents"))).otherwise(col("amount_cents"));
        Dataset<Row> dated = claims.filter(col("declaration_day").isNotNull()
                        .and(col("declaration_day").leq(lit((int) extract.toEpochDay()))))
                .select(col("product_group").as("g"), col("client_key").as("k"), col("start_day"), col("end_day"),
                        signedCents.as("c"), monthIndex(col("declaration_day").plus(shift)).as("p"),
                        explode(sequence(monthIndex(col("start_day")), monthIndex(col("end_day")))).as("m"));
        Column monthStart = make_date(floor(col("m").divide(12)).cast("int"), pmod(col("m"), lit(12)).plus(1), lit(1));
        Column overlap = least(col("end_day"), unix_date(last_day(monthStart)))
                .minus(greatest(col("start_day"), unix_date(monthStart)))
                .plus(1);
        Dataset<Row> lines = dated.select(col("g"), col("k"), col("m"),
                least(lit(WIDTH - 1), greatest(lit(0), col("p").minus(col("m")))).as("d"),
                col("c").multiply(overlap).divide(col("end_day").minus(col("start_day")).plus(1)).as("c"));
        List<Row> cents = lines.groupBy("g", "m", "d").agg(round(sum("c")).cast("long")).collectAsList();
        // A client counts at the delay of the first claim for the month.
        List<Row> clients = lines.groupBy("g", "k", "m").agg(min("d").as("d"))
                .groupBy("g", "m", "d").agg(count(lit(1))).collectAsList();
        int first = Integer.MAX_VALUE;
        for (Row r : cents) first = Math.min(first, r.getInt(1));
        if (first == Integer.MAX_VALUE) return new Triangles(extractMonth, extractMonth, Map.of());
        YearMonth firstMonth = YearMonth.of(Math.floorDiv(first, 12), Math.floorMod(first, 12) + 1);
        int origins = (int) (months(firstMonth, extractMonth) + 1);
        Map<String, Group> groups = new TreeMap<>();
        fill(cents, groups, origins, first, true);
        fill(clients, groups, origins, first, false);
        return new Triangles(firstMonth, extractMonth, groups);
    }

    private static void fill(List<Row> rows, Map<String, Group> groups, int origins, int first, boolean cents) {
        for (Row r : rows) {
            int origin = r.getInt(1) - first;
            if (origin >= origins) continue; // care after the extract's month: claimed in advance, not yet delivered
            Group g = groups.computeIfAbsent(r.getString(0), x -> new Group(new long[origins][WIDTH], new long[origins][WIDTH]));
            (cents ? g.cents() : g.clients())[origin][r.getInt(2)] += r.getLong(3);
        }
    }

    /** year × 12 + month − 1 of an epoch day. */
    private static Column monthIndex(Column epochDay) {
        Column date = date_from_unix_date(epochDay);
        return year(date).multiply(12).plus(month(date)).minus(1);
    }

    static long months(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue();
    }
}
