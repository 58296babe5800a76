package nl.voorkant.nowcast;

import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.flow.model.MonthActivity;
import nl.voorkant.ingest.ClaimIngest;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The delay triangles of the accepted claims: per product group, care month × delay months, the net
 * cents and the clients first claimed at that delay. One small aggregation in Spark, collected to the
 * driver (groups × months × {@link #WIDTH} cells at most), from the dated claims ({@link Read}).
 *
 * <p>A line's amount is spread over the months of its period by {@link MonthActivity#spread}, the flow tables' own rule, and
 * its client counts in each of them. Its delay is counted in months that end on the
 * extract's day of the month, so that the newest diagonal is as long as every other: with an extract of
 * the 15th, a claim of 10 May for April care has delay 1, one of 20 May delay 2 (as the extract is 2 months on).
 */
public final class DelayTriangle {
    private DelayTriangle() {}

    /** Delays of 0 … WIDTH − 1 months; a later claim counts at the last (a month is complete after two years). */
    public static final int WIDTH = 25;

    /** One product group's incremental triangles, origins from {@code firstMonth} to the extract's month. */
    public record Group(long[][] cents, long[][] clients) {}

    public record Triangles(YearMonth firstMonth, YearMonth extractMonth, Map<String, Group> groups) {
        public int origins() {
            return (int) (months(firstMonth, extractMonth) + 1);
        }
    }

    /**
     * The accepted claims as the nowcast reads them: first their declaration dates, as the ingest counted
     * them while parsing or else from their one column, then, only when some lines are dated, both triangles
     * from one cached aggregation, in which a dated line gives its signed cents per month of its period by
     * client and declaration day. Claims without dates (most extracts) so cost no read of the lines at all.
     */
    public static final class Read implements AutoCloseable {
        private final Dataset<Row> claims;
        private final ClaimIngest.DeclarationDates counted;
        private Dataset<Row> cells;

        private Read(Dataset<Row> claims, ClaimIngest.DeclarationDates counted) {
            this.claims = claims;
            this.counted = counted;
        }

        /** @param counted the claims' dates as the ingest counted them (no scan); null: scanned */
        public static Read of(Dataset<Row> claims, ClaimIngest.DeclarationDates counted) {
            return new Read(claims, counted);
        }

        /** The latest declaration date and the lines with and without one. */
        public ClaimIngest.DeclarationDates dates() {
            if (counted != null) return counted;
            Row r = claims.agg(max(col("declaration_day")), count(col("declaration_day")), count(lit(1))).first();
            LocalDate latest = r.isNullAt(0) ? null : LocalDate.ofEpochDay(r.getInt(0));
            return new ClaimIngest.DeclarationDates(r.getLong(1), r.getLong(2) - r.getLong(1), latest);
        }

        /** The triangles of the dated claims up to {@code extract}; a claim declared later is not in the extract. */
        public Triangles triangles(LocalDate extract) {
            YearMonth extractMonth = YearMonth.from(extract);
            // Shifted by the days left in the extract's month, the extract day becomes a month's last day.
            int shift = extract.lengthOfMonth() - extract.getDayOfMonth();
            Column declaredMonth = date_from_unix_date(col("day").plus(shift));
            Dataset<Row> delays = cells().filter(col("day").leq(lit((int) extract.toEpochDay())))
                    .select(col("g"), col("k"), col("m"), least(lit(WIDTH - 1), greatest(lit(0),
                            year(declaredMonth).multiply(12).plus(month(declaredMonth)).minus(1).minus(col("m")))).as("d"),
                            col("c"));
            List<Row> cents = delays.groupBy("g", "m", "d").agg(sum("c")).collectAsList();
            // A client counts at the delay of the first claim for the month.
            List<Row> clients = delays.groupBy("g", "k", "m").agg(min("d").as("d"))
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

        /** The dated lines' cents per group, client, care month and declaration day, aggregated once and kept. */
        private Dataset<Row> cells() {
            if (cells != null) return cells;
            Dataset<Row> lines = claims.filter(col("declaration_day").isNotNull()).select(col("product_group"),
                    col("client_key"), col("start_day"), col("end_day"), col("amount_cents"), col("debit_credit"),
                    col("declaration_day"));
            // Each line's signed cents per month of its period, split as the flow tables split them (MonthActivity.spread).
            FlatMapFunction<Row, Row> parts = r -> {
                int declared = r.getInt(6);
                MonthActivity.Line line = new MonthActivity.Line(null, r.getString(0), null, null, 0, r.getInt(2), r.getInt(3),
                        0, r.getLong(4), "C".equals(r.getString(5)));
                List<Row> out = new ArrayList<>();
                MonthActivity.spread(line, (month, volume, cents) ->
                        out.add(RowFactory.create(line.group(), r.getLong(1), month, declared, cents)));
                return out.iterator();
            };
            cells = lines.flatMap(parts, Encoders.row(CELL)).groupBy("g", "k", "m", "day").agg(sum("c").as("c")).cache();
            return cells;
        }

        @Override
        public void close() {
            if (cells != null) cells.unpersist();
        }
    }

    /** A dated line's cents in care month m, by its client and declaration day. */
    private static final StructType CELL = new StructType().add("g", DataTypes.StringType).add("k", DataTypes.LongType, false)
            .add("m", DataTypes.IntegerType, false).add("day", DataTypes.IntegerType, false).add("c", DataTypes.LongType, false);

    private static void fill(List<Row> rows, Map<String, Group> groups, int origins, int first, boolean cents) {
        for (Row r : rows) {
            int origin = r.getInt(1) - first;
            if (origin >= origins) continue; // care after the extract's month: claimed in advance, not yet delivered
            Group g = groups.computeIfAbsent(r.getString(0), x -> new Group(new long[origins][WIDTH], new long[origins][WIDTH]));
            (cents ? g.cents() : g.clients())[origin][r.getInt(2)] += r.getLong(3);
        }
    }

    static long months(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue();
    }
}
