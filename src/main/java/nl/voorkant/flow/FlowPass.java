package nl.voorkant.flow;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The one pass over the claim lines. They are shuffled once, by client, and sorted by client
 * within each partition, so a partition streams through its clients one at a time: each client's
 * lines become month activity and trajectories in plain Java ({@link ClientFlows}), folded into
 * per-partition {@link Partials}. Only those partial counts travel to one small final aggregation.
 *
 * <p>This replaces a plan of some eighty Spark stages (explode to line-months, group to activity,
 * windows for trajectory chains, one aggregation per table and area level) that re-read the
 * shuffled lines many times: here they are read once, and no per-month row is materialised.
 */
final class FlowPass {
    private FlowPass() {}

    static final String[] COLUMNS = {"client_key", "municipality_code", FlowMetrics.UNIT, "product_code",
            "provider_code", "referrer", "start_day", "end_day", "volume", "amount_cents", "debit_credit"};

    /** The partial counts of every flow table, summed over all clients; see {@link Partials} for the kinds. */
    static Dataset<Row> partials(Dataset<Row> claims, Map<String, List<String[]>> areas, Partials.Codes codes,
                                 int maxGap) {
        Dataset<Row> byClient = claims.selectExpr(COLUMNS)
                .repartition(col("client_key"))
                .sortWithinPartitions("client_key");
        // A serialisable copy travels with the closure to the executors.
        HashMap<String, List<String[]>> areaMap = new HashMap<>(areas);
        // Spark's own rows, not Row objects: each line's codes are looked up as bytes rather than
        // decoded into new strings (measured: a tenth of the fold went to that decoding).
        JavaRDD<Row> partials = byClient.queryExecution().toRdd().toJavaRDD()
                .mapPartitions(rows -> fold(rows, areaMap, codes, maxGap));
        return claims.sparkSession().createDataFrame(partials, Partials.SCHEMA)
                .groupBy("k", "ab", "s")
                .agg(sum("n").as("n"), sum("m").as("m"), sum("cents").as("cents"))
                // Keys sort as the names do, so the driver's sort of trajectory partials merges a few runs.
                .sortWithinPartitions("k");
    }

    private static Iterator<Row> fold(Iterator<InternalRow> rows, Map<String, List<String[]>> areas,
                                      Partials.Codes codes, int maxGap) {
        ClientFlows flows = new ClientFlows(areas, maxGap);
        Partials partials = new Partials(codes);
        Strings strings = new Strings();
        List<MonthActivity.Line> lines = new ArrayList<>();
        long client = 0;
        while (rows.hasNext()) {
            InternalRow r = rows.next();
            long key = r.getLong(0);
            if (key != client && !lines.isEmpty()) {
                flows.add(lines, partials);
                lines.clear();
            }
            client = key;
            lines.add(new MonthActivity.Line(strings.of(r, 1), strings.of(r, 2), strings.of(r, 3), strings.of(r, 4),
                    referrer(strings.of(r, 5)), r.getInt(6), r.getInt(7), r.getDouble(8), r.getLong(9),
                    "C".equals(strings.of(r, 10))));
        }
        if (!lines.isEmpty()) flows.add(lines, partials);
        return partials.size() == 0 ? Collections.emptyIterator() : partials.rows().iterator();
    }

    /** A line's referrer code as a number; an unknown one (an iJw line without its allocation) loses every tie. */
    private static int referrer(String code) {
        return code == null ? MonthActivity.UNKNOWN_REFERRER : Integer.parseInt(code);
    }

    /**
     * One String per distinct code of a partition: codes repeat millions of times, a few thousand
     * differ. A code is found by its first eight bytes as one number and its length, and a longer
     * one then by all its bytes (measured: hashing every code of every line took a fifth of the fold).
     */
    static final class Strings {
        private long[] prefixes = new long[1 << 10];
        private int[] lengths = new int[1 << 10];
        /** The bytes of codes longer than a prefix, to tell apart those that share one. */
        private UTF8String[] longer = new UTF8String[1 << 10];
        private String[] values = new String[1 << 10];
        private int size;

        String of(InternalRow r, int column) {
            if (r.isNullAt(column)) return null;
            UTF8String bytes = r.getUTF8String(column);
            // The prefix holds the first eight bytes, zero-padded; with the length it is a short code.
            long prefix = bytes.getPrefix();
            int length = bytes.numBytes();
            int at = slot(prefixes, lengths, longer, values, prefix, length, bytes);
            if (values[at] == null) {
                prefixes[at] = prefix;
                lengths[at] = length;
                longer[at] = length > 8 ? bytes.clone() : null; // the row's buffer is reused for the next line
                values[at] = bytes.toString();
                if (++size * 2 > values.length) grow();
                at = slot(prefixes, lengths, longer, values, prefix, length, bytes);
            }
            return values[at];
        }

        /** The slot of a code, or the empty one where it belongs; {@code bytes} are only read beyond eight. */
        private static int slot(long[] prefixes, int[] lengths, UTF8String[] longer, String[] values, long prefix,
                                int length, UTF8String bytes) {
            int mask = values.length - 1;
            int at = (int) ((prefix + length) * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (values[at] != null && (prefixes[at] != prefix || lengths[at] != length
                    || (length > 8 && !longer[at].equals(bytes)))) {
                at = (at + 1) & mask;
            }
            return at;
        }

        private void grow() {
            int slots = values.length * 2;
            long[] p = new long[slots];
            int[] n = new int[slots];
            UTF8String[] l = new UTF8String[slots];
            String[] v = new String[slots];
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) continue;
                int at = slot(p, n, l, v, prefixes[i], lengths[i], longer[i]);
                p[at] = prefixes[i];
                n[at] = lengths[i];
                l[at] = longer[i];
                v[at] = values[i];
            }
            prefixes = p;
            lengths = n;
            longer = l;
            values = v;
        }
    }
}
