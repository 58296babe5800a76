package nl.voorkant.flow.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The one pass over the claim lines. They are shuffled once, by client, and sorted by client
 * within each partition, so a partition streams through its clients one at a time: each client's
 * lines become contributions in plain Java ({@link ClientFold}), summed per partition
 * ({@link PackedCodec.Encoder}). Only those sums travel to one small final aggregation, and come back
 * to the driver as the contributions of all clients.
 *
 * <p>This replaces a plan of some eighty Spark stages (explode to line-months, group to activity,
 * windows for trajectory chains, one aggregation per table and area level) that re-read the
 * shuffled lines many times: here they are read once, and no per-month row is materialised.
 */
public final class FlowPass {
    private FlowPass() {}

    /** The claim columns the fold reads, in the order {@link #fold} reads them. */
    static final String[] COLUMNS = {"client_key", "municipality_code", Dimensions.PRODUCT_GROUP.name(),
            Dimensions.PRODUCT_CODE.name(), "provider_code", "referrer", "start_day", "end_day", "volume", "amount_cents",
            "debit_credit"};

    /**
     * Every client's contributions, summed per place and period, handed to {@code to} on the driver.
     *
     * @param censoring the chaining rule (the data's bounds are not known yet)
     */
    public static void run(Dataset<Row> claims, Reference reference, Areas areas, Censoring censoring, Contributions to) {
        PackedCodec codec = PackedCodec.of(areas, reference);
        PackedCodec.Decoder decoder = codec.decoder();
        for (Row r : sums(claims, areas, codec, censoring, CareGroups.of(reference)).collectAsList()) {
            decoder.decode(r, to);
        }
    }

    private static Dataset<Row> sums(Dataset<Row> claims, Areas areas, PackedCodec codec, Censoring censoring,
                                     CareGroups groups) {
        Dataset<Row> byClient = claims.selectExpr(COLUMNS)
                .repartition(col("client_key"))
                .sortWithinPartitions("client_key");
        // Spark's own rows, not Row objects: each line's codes are looked up as bytes rather than
        // decoded into new strings (measured: a tenth of the fold went to that decoding).
        JavaRDD<Row> partials = byClient.queryExecution().toRdd().toJavaRDD()
                .mapPartitions(rows -> fold(rows, new ClientFold(areas, censoring, groups), codec));
        return claims.sparkSession().createDataFrame(partials, PackedCodec.SCHEMA)
                .groupBy(PackedCodec.KEY, PackedCodec.PERIODS, PackedCodec.PROVIDER)
                .agg(sum(PackedCodec.SUMS[0]).as(PackedCodec.SUMS[0]), sum(PackedCodec.SUMS[1]).as(PackedCodec.SUMS[1]),
                        sum(PackedCodec.SUMS[2]).as(PackedCodec.SUMS[2]))
                // Keys sort as the names do, so the driver's sort of trajectory sums merges a few runs.
                .sortWithinPartitions(PackedCodec.KEY);
    }

    private static Iterator<Row> fold(Iterator<InternalRow> rows, ClientFold fold, PackedCodec codec) {
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
                    referrer(codes.of(r, 5)), r.getInt(6), r.getInt(7), r.getDouble(8), r.getLong(9),
                    "C".equals(codes.of(r, 10))));
        }
        if (!lines.isEmpty()) fold.add(lines, sums);
        return sums.size() == 0 ? Collections.emptyIterator() : sums.rows().iterator();
    }

    /** A line's referrer code as a number; an unknown one (an iJw line without its allocation) loses every tie. */
    private static int referrer(String code) {
        return code == null ? MonthActivity.UNKNOWN_REFERRER : Integer.parseInt(code);
    }
}
