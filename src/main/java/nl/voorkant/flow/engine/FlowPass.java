package nl.voorkant.flow.engine;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import nl.voorkant.flow.model.Areas;
import nl.voorkant.flow.model.CareGroups;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.ClientFold;
import nl.voorkant.flow.model.Contributions;
import nl.voorkant.flow.model.MonthActivity;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.ingest.Reference;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * The one pass over the claim lines. They are shuffled once, by client, and sorted by client
 * within each partition, so a partition streams through its clients one at a time: each client's
 * lines become contributions in plain Java ({@link ClientFold}), summed per partition
 * ({@link PackedCodec.Encoder}). Only those sums travel, as arrays of longs, to a merge per bucket of
 * places, and come back to the driver as the contributions of all clients.
 *
 * <p>This replaces a plan of some eighty Spark stages (explode to line-months, group to activity,
 * windows for trajectory chains, one aggregation per table and area level) that re-read the
 * shuffled lines many times: here they are read once, and no per-month row is materialised.
 */
public final class FlowPass {
    private FlowPass() {}

    /**
     * The claim columns the fold reads, in the order {@link #fold} reads them; the referrer and the debit or
     * credit as numbers before the shuffle, so that fewer codes travel as text and are interned.
     */
    static final String[] COLUMNS = {"client_key", "municipality_code", Dimensions.PRODUCT_GROUP.name(),
            Dimensions.PRODUCT_CODE.name(), "provider_code", "cast(referrer as int) as referrer", "start_day", "end_day",
            "volume", "amount_cents", "coalesce(debit_credit = 'C', false) as credit"};

    /**
     * Every client's contributions, summed per place and period, handed to {@code to} on the driver.
     *
     * @param byClient whether {@code claims} are hash-partitioned by client already, so that only their sort is left
     * @param censoring the chaining rule (the data's bounds are not known yet)
     */
    public static void run(Dataset<Row> claims, boolean byClient, Reference reference, Areas areas, Censoring censoring,
                           Contributions to) {
        PackedCodec codec = PackedCodec.of(areas, reference);
        PackedCodec.Decoder decoder = codec.decoder();
        for (PackedCodec.Partial p : sums(claims, byClient, areas, codec, censoring, CareGroups.of(reference)).collect()) {
            decoder.decode(p, to);
        }
    }

    /**
     * Each partition's sums, split by place into buckets (as many as there are partitions, at least
     * {@link #MIN_BUCKETS}), and each bucket merged over the partitions. A partition's sums hold nearly every
     * key, so the merge adds arrays of longs, not rows: a Spark aggregation of them hashed every key twice
     * over per partition.
     */
    private static JavaRDD<PackedCodec.Partial> sums(Dataset<Row> claims, boolean partitioned, Areas areas, PackedCodec codec,
                                                     Censoring censoring, CareGroups groups) {
        Dataset<Row> projected = claims.selectExpr(COLUMNS);
        Dataset<Row> byClient = (partitioned ? projected : projected.repartition(col("client_key")))
                .sortWithinPartitions("client_key");
        // Spark's own rows, not Row objects: each line's codes are looked up as bytes rather than
        // decoded into new strings (measured: a tenth of the fold went to that decoding).
        RDD<InternalRow> lines = byClient.queryExecution().toRdd();
        int buckets = Math.max(MIN_BUCKETS, lines.getNumPartitions());
        return lines.toJavaRDD()
                .mapPartitionsToPair(rows -> fold(rows, new ClientFold(areas, censoring, groups), codec, buckets))
                .partitionBy(new HashPartitioner(buckets))
                .mapPartitions(partials -> merge(partials, codec));
    }

    /**
     * A merged bucket reaches the driver as one task result, which Kryo serializes whole (and refuses above
     * {@code spark.kryoserializer.buffer.max}): locally there are four partitions, and a quarter of a
     * national extract's sums (1,020 municipalities) is some 130 MB, a sixteenth about 30 MB.
     */
    static final int MIN_BUCKETS = 16;

    private static Iterator<Tuple2<Integer, PackedCodec.Partial>> fold(Iterator<InternalRow> rows, ClientFold fold,
                                                                        PackedCodec codec, int buckets) {
        PackedCodec.Encoder sums = codec.encoder();
        CodeInterner codes = new CodeInterner();
        List<MonthActivity.Line> lines = new ArrayList<>();
        long client = 0;
        while (rows.hasNext()) {
            InternalRow r = rows.next();
            long key = r.getLong(0);
            if (key != client && !lines.isEmpty()) {
                fold.add(lines, sums);
                lines.clear();
            }
            client = key;
            lines.add(new MonthActivity.Line(codes.of(r, 1), codes.of(r, 2), codes.of(r, 3), codes.of(r, 4),
                    r.isNullAt(5) ? MonthActivity.UNKNOWN_REFERRER : r.getInt(5), r.getInt(6), r.getInt(7),
                    r.getDouble(8), r.getLong(9), r.getBoolean(10)));
        }
        if (!lines.isEmpty()) fold.add(lines, sums);
        List<Tuple2<Integer, PackedCodec.Partial>> out = new ArrayList<>(buckets);
        List<PackedCodec.Partial> partials = sums.partials(buckets);
        for (int b = 0; b < buckets; b++) {
            if (partials.get(b).size() > 0) out.add(new Tuple2<>(b, partials.get(b)));
        }
        return out.iterator();
    }

    /** One bucket's partials of every partition, summed. */
    private static Iterator<PackedCodec.Partial> merge(Iterator<Tuple2<Integer, PackedCodec.Partial>> partials,
                                                       PackedCodec codec) {
        PackedCodec.Encoder sums = codec.encoder();
        partials.forEachRemaining(p -> sums.add(p._2()));
        return sums.size() == 0 ? Collections.emptyIterator() : List.of(sums.sorted()).iterator();
    }
}
