package nl.voorkant.ingest;

import static org.apache.spark.sql.functions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * Reads every claims file once, validates each record, pseudonymises its client id and splits the
 * lines into accepted claims and quarantined rows with reason, source file and line.
 *
 * <p>The records are parsed by voorkant itself rather than by Spark's CSV source: exports differ
 * per file (separator, decimal comma, Dutch headers, BOM), and a quarantined row must name its
 * line, which Spark's CSV source cannot tell. Each record keeps its partition and position; the
 * line number is the lines of the earlier partitions of its file plus its position.
 */
public final class ClaimIngest {
    private ClaimIngest() {}

    public record InputFile(int index, String name, Path path, long size, boolean parquet) {}

    public record Result(Dataset<Row> accepted, Dataset<Row> rejects, IngestSummary summary, List<InputFile> files) {}

    static final StructType PARSED = new StructType()
            .add("reject_reason", DataTypes.StringType)
            .add("reject_detail", DataTypes.StringType)
            .add("file", DataTypes.IntegerType, false)
            .add("part", DataTypes.IntegerType, false)
            .add("record", DataTypes.LongType, false)
            .add("claim_id", DataTypes.StringType)
            .add("client_key", DataTypes.LongType)
            .add("birth_year", DataTypes.IntegerType)
            .add("municipality_code", DataTypes.StringType)
            .add("product_category", DataTypes.StringType)
            .add("product_code", DataTypes.StringType)
            .add("product_group", DataTypes.StringType)
            .add("provision", DataTypes.StringType)
            .add("provider_code", DataTypes.StringType)
            .add("referrer", DataTypes.StringType)
            .add("start_day", DataTypes.IntegerType)
            .add("end_day", DataTypes.IntegerType)
            .add("volume", DataTypes.DoubleType)
            .add("unit", DataTypes.StringType)
            .add("amount_cents", DataTypes.LongType)
            .add("debit_credit", DataTypes.StringType)
            .add("raw", DataTypes.createArrayType(DataTypes.StringType));

    /** The columns of an accepted claim, as the flow stage reads them. */
    public static final List<String> ACCEPTED_COLUMNS = List.of("claim_id", "client_key", "birth_year",
            "municipality_code", "product_category", "product_code", "product_group", "provision", "provider_code",
            "referrer", "start_day", "end_day", "volume", "unit", "amount_cents", "debit_credit");

    /** The files of a claims path: one file, or every CSV (plain or gzip) and Parquet file below a folder. */
    public static List<InputFile> listInputs(Path claims) {
        if (!Files.exists(claims)) throw new InputError("claims not found: " + claims);
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(claims)) {
            try (Stream<Path> walk = Files.walk(claims)) {
                walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("_"))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(paths::add);
            } catch (IOException e) {
                throw new InputError("cannot list " + claims + ": " + e.getMessage());
            }
        } else {
            paths.add(claims);
        }
        List<InputFile> files = new ArrayList<>();
        for (Path p : paths) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean parquet = name.endsWith(".parquet");
            if (!parquet && !name.endsWith(".csv") && !name.endsWith(".csv.gz") && !name.endsWith(".txt")) {
                throw new InputError("unsupported claims file " + p + " (use .csv, .csv.gz or .parquet)");
            }
            String shown = Files.isDirectory(claims) ? claims.relativize(p).toString() : p.getFileName().toString();
            try {
                files.add(new InputFile(files.size(), shown, p, Files.size(p), parquet));
            } catch (IOException e) {
                throw new InputError("cannot read " + p + ": " + e.getMessage());
            }
        }
        if (files.isEmpty()) throw new InputError("no claims files in " + claims);
        return files;
    }

    public static Result ingest(SparkSession spark, List<InputFile> files, ClaimParser parser) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CollectionAccumulator<long[]> linesPerPartition = spark.sparkContext().collectionAccumulator("lines per partition");
        // Each pass parses the files again and keeps only its own few columns: cheaper than Spark's columnar
        // cache of every parsed line (measured: a third of the CPU time at a million lines).
        List<Row> totals = new ArrayList<>();
        HashSet<Long> repeatedHashes = new HashSet<>();
        for (Row r : scan(spark.createDataFrame(lines(jsc, spark, files, parser, linesPerPartition,
                (c, file, part, record) -> scanRow(c, file, part, record, false)), SCAN)).collectAsList()) {
            if (r.<Long>getAs("gid") == 1) totals.add(r);
            else repeatedHashes.add(r.getAs("claim_hash"));
        }
        // Only lines whose claim id hash repeats are looked at by their exact claim id: none, in clean data.
        HashMap<String, Long> firsts = new HashMap<>();
        long[] later = new long[3];
        if (!repeatedHashes.isEmpty()) {
            Broadcast<HashSet<Long>> candidates = jsc.broadcast(repeatedHashes);
            Dataset<Row> candidateLines = spark.createDataFrame(lines(jsc, spark, files, parser, linesPerPartition,
                    (c, file, part, record) -> c.reason == null && candidates.value().contains(claimHash(c.claimId))
                            ? scanRow(c, file, part, record, true) : null), SCAN);
            for (Row r : repeatedIds(candidateLines).collectAsList()) {
                firsts.put(r.getAs("claim_id"), r.getAs("first"));
                later[0] += r.<Long>getAs("n") - 1;
                later[1] += r.<Long>getAs("cents") - r.<Long>getAs("first_cents");
                later[2] += r.<Long>getAs("net_cents") - r.<Long>getAs("first_net_cents");
            }
        }
        IngestSummary summary = summarise(totals, later);
        Broadcast<HashMap<String, Long>> firstLines = jsc.broadcast(firsts);

        Dataset<Row> accepted = spark.createDataFrame(lines(jsc, spark, files, parser, linesPerPartition,
                (c, file, part, record) -> c.reason != null || isLaterCopy(firstLines.value(), c, file, part, record)
                        ? null : acceptedRow(c)), ACCEPTED);
        // Clean data needs no third pass to find that nothing was rejected.
        Dataset<Row> rejected = summary.rowsRejected() == 0 ? spark.createDataFrame(List.<Row>of(), PARSED)
                : spark.createDataFrame(lines(jsc, spark, files, parser, linesPerPartition,
                        (c, file, part, record) -> c.reason != null ? toRow(c, file, part, record)
                                : isLaterCopy(firstLines.value(), c, file, part, record)
                                ? duplicateRow(c, file, part, record) : null), PARSED);
        Dataset<Row> rejects = rejectsWithLines(rejected, lineStarts(spark, linesPerPartition.value()), files);
        return new Result(accepted, rejects, summary, files);
    }

    /** What a pass keeps of a parsed line: a row, or null to skip the line. */
    interface Keep extends java.io.Serializable {
        Row of(ClaimParser.Claim claim, int file, int part, long record);
    }

    /** Every line of every file, parsed, as the rows {@code keep} makes of them. */
    private static JavaRDD<Row> lines(JavaSparkContext jsc, SparkSession spark, List<InputFile> files, ClaimParser parser,
                                      CollectionAccumulator<long[]> linesPerPartition, Keep keep) {
        JavaRDD<Row> all = null;
        for (InputFile f : files) {
            JavaRDD<Row> rows = f.parquet() ? parseParquet(spark, f, parser, keep)
                    : parseCsv(jsc, f, parser, linesPerPartition, keep);
            all = all == null ? rows : all.union(rows);
        }
        return all;
    }

    static final StructType SCAN = new StructType()
            .add("reason", DataTypes.IntegerType, false)
            .add("claim_hash", DataTypes.LongType, false)
            .add("claim_id", DataTypes.StringType)
            .add("ord", DataTypes.LongType, false)
            .add("amount_cents", DataTypes.LongType)
            .add("signed_cents", DataTypes.LongType);

    static final StructType ACCEPTED = new StructType(ACCEPTED_COLUMNS.stream()
            .map(c -> PARSED.apply(c)).toArray(org.apache.spark.sql.types.StructField[]::new));

    /** The read order as one long: file, partition, record. */
    static long order(int file, int part, long record) {
        return (long) file << 48 | (long) (part + 1) << 32 | record;
    }

    /**
     * Reason as its ordinal (−1: valid) and the claim id as a hash, so that the scan groups
     * fixed-width keys; the id itself only where it is needed.
     */
    private static Row scanRow(ClaimParser.Claim c, int file, int part, long record, boolean withId) {
        Long signed = c.amountCents == null ? null : "C".equals(c.debitCredit) ? -c.amountCents : c.amountCents;
        boolean valid = c.reason == null;
        return RowFactory.create(valid ? -1 : c.reason.ordinal(), valid ? claimHash(c.claimId) : 0L,
                valid && withId ? c.claimId : null, order(file, part, record), c.amountCents, signed);
    }

    /** A 64-bit hash of a claim id (FNV-1a, then a SplitMix64 finaliser); collisions are resolved by the exact id. */
    static long claimHash(String claimId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < claimId.length(); i++) h = (h ^ claimId.charAt(i)) * 0x100000001b3L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static boolean isLaterCopy(Map<String, Long> firsts, ClaimParser.Claim c, int file, int part, long record) {
        Long first = firsts.get(c.claimId);
        return first != null && first != order(file, part, record);
    }

    private static Row acceptedRow(ClaimParser.Claim c) {
        return RowFactory.create(c.claimId, c.clientKey, c.birthYear, c.municipalityCode, c.productCategory,
                c.productCode, c.productGroup, c.provision, c.providerCode, c.referrer, c.startDay, c.endDay, c.volume,
                c.unit, c.amountCents, c.debitCredit);
    }

    /** A duplicate passed every check, so its raw fields are rebuilt from the typed ones (client as pseudonym). */
    private static Row duplicateRow(ClaimParser.Claim c, int file, int part, long record) {
        c.reason = ClaimParser.Reason.DUPLICATE_CLAIM_ID;
        c.detail = "claim_id '" + c.claimId + "' first seen at an earlier line";
        c.raw = new String[] {c.claimId, Pseudonymiser.hex(c.clientKey), c.birthYear == null ? "" : c.birthYear.toString(),
                c.municipalityCode, c.productCategory == null ? "" : c.productCategory, c.productCode,
                c.providerCode == null ? "" : c.providerCode, c.referrer, LocalDate.ofEpochDay(c.startDay).toString(),
                LocalDate.ofEpochDay(c.endDay).toString(), Double.toString(c.volume), c.unit == null ? "" : c.unit,
                java.math.BigDecimal.valueOf(c.amountCents, 2).toPlainString(), c.debitCredit};
        return toRow(c, file, part, record);
    }

    /**
     * One scan for the totals and the duplicates: rows, amount and net amount per reject reason
     * (−1: valid), {@code gid} 1; and every claim id hash that more than one valid line has,
     * {@code gid} 0. A rollup does both in one aggregation: the per-reason rows collapse to a
     * handful per partition before the shuffle, and the keys are numbers, not strings.
     */
    static Dataset<Row> scan(Dataset<Row> lines) {
        return lines
                .rollup(col("reason"), col("claim_hash"))
                .agg(grouping_id().as("gid"), count(lit(1)).as("n"),
                     coalesce(sum("amount_cents"), lit(0L)).as("cents"),
                     coalesce(sum("signed_cents"), lit(0L)).as("net_cents"))
                .filter(col("gid").equalTo(1).or(col("gid").equalTo(0).and(col("reason").equalTo(-1))
                        .and(col("n").gt(1))));
    }

    /** The claim ids more than one of {@code lines} (valid, as from {@link #scanRow}) use: first line, rows, amounts. */
    static Dataset<Row> repeatedIds(Dataset<Row> lines) {
        return lines.groupBy(col("claim_id"))
                .agg(count(lit(1)).as("n"), min("ord").as("first"),
                     coalesce(sum("amount_cents"), lit(0L)).as("cents"),
                     coalesce(sum("signed_cents"), lit(0L)).as("net_cents"),
                     coalesce(min_by(col("amount_cents"), col("ord")), lit(0L)).as("first_cents"),
                     coalesce(min_by(col("signed_cents"), col("ord")), lit(0L)).as("first_net_cents"))
                .filter(col("n").gt(1));
    }

    /**
     * The totals per reason, with the later copies of repeated claim ids moved from accepted to
     * duplicate: {@code later} holds their rows, amount and net amount.
     */
    static IngestSummary summarise(List<Row> perReason, long[] later) {
        long read = 0, accepted = 0, amountRead = 0, amountAccepted = 0, netAccepted = 0;
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (ClaimParser.Reason r : ClaimParser.Reason.values()) byReason.put(r.code(), 0L);
        for (Row r : perReason) {
            long rows = r.getAs("n");
            long cents = r.getAs("cents");
            read += rows;
            amountRead += cents;
            int reason = r.getAs("reason");
            if (reason < 0) {
                accepted = rows - later[0];
                amountAccepted = cents - later[1];
                netAccepted = r.<Long>getAs("net_cents") - later[2];
            } else {
                byReason.put(ClaimParser.Reason.values()[reason].code(), rows);
            }
        }
        byReason.merge(ClaimParser.Reason.DUPLICATE_CLAIM_ID.code(), later[0], Long::sum);
        return new IngestSummary(read, accepted, read - accepted, amountRead, amountAccepted,
                amountRead - amountAccepted, netAccepted, byReason);
    }

    private static JavaRDD<Row> parseCsv(JavaSparkContext jsc, InputFile f, ClaimParser parser,
                                         CollectionAccumulator<long[]> linesPerPartition, Keep keep) {
        ClaimParser.FileLayout layout = ClaimParser.FileLayout.of(firstLine(f.path()), f.name());
        int fileIndex = f.index();
        return jsc.newAPIHadoopFile(f.path().toAbsolutePath().toUri().toString(), TextInputFormat.class,
                        LongWritable.class, Text.class, jsc.hadoopConfiguration())
                .mapPartitionsWithIndex((part, records) -> new Iterator<Row>() {
                    private long record = -1;
                    private Row next;

                    @Override
                    public boolean hasNext() {
                        while (next == null && records.hasNext()) {
                            Tuple2<LongWritable, Text> r = records.next();
                            record++;
                            String line = r._2().toString();
                            if (r._1().get() == 0 || line.isBlank()) continue; // header, or an empty line
                            next = keep.of(parser.parse(line, layout), fileIndex, part, record);
                        }
                        if (next == null && record >= -1) {
                            linesPerPartition.add(new long[] {fileIndex, part, record + 1});
                            record = Long.MIN_VALUE;
                        }
                        return next != null;
                    }

                    @Override
                    public Row next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        Row r = next;
                        next = null;
                        return r;
                    }
                }, true);
    }

    /** Parquet rows carry their row number, so their "line" is the 1-based row; no partition bookkeeping. */
    private static JavaRDD<Row> parseParquet(SparkSession spark, InputFile f, ClaimParser parser, Keep keep) {
        Dataset<Row> df = spark.read().parquet(f.path().toAbsolutePath().toString());
        int[] positions = ClaimColumns.resolve(List.of(df.columns()), f.name());
        List<Column> cols = new ArrayList<>();
        for (int p : positions) cols.add(p < 0 ? lit("") : coalesce(col(df.columns()[p]).cast("string"), lit("")));
        cols.add(col("_metadata.row_index"));
        int fileIndex = f.index();
        int n = ClaimColumns.CANONICAL.size();
        return df.select(cols.toArray(Column[]::new)).javaRDD().map(r -> {
            String[] v = new String[n];
            for (int i = 0; i < n; i++) v[i] = r.getString(i).strip();
            return keep.of(parser.parse(v, false), fileIndex, -1, r.getLong(n));
        }).filter(java.util.Objects::nonNull);
    }

    private static Row toRow(ClaimParser.Claim c, int file, int part, long record) {
        boolean ok = c.reason == null;
        return RowFactory.create(
                ok ? null : c.reason.code(), c.detail, file, part, record,
                c.claimId, c.hasClient ? c.clientKey : null, c.birthYear, c.municipalityCode,
                c.productCategory, c.productCode, c.productGroup, c.provision, c.providerCode, c.referrer,
                ok ? c.startDay : null, ok ? c.endDay : null, ok ? c.volume : null, c.unit, c.amountCents,
                c.debitCredit, c.raw == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of(c.raw)).toSeq());
    }

    /** For each CSV partition, the number of lines of its file before it (from the parse's own counts). */
    private static Dataset<Row> lineStarts(SparkSession spark, List<long[]> counts) {
        Map<Long, long[]> byPartition = new HashMap<>();
        for (long[] c : counts) byPartition.put(c[0] << 32 | c[1], c); // a retried task reports twice
        List<long[]> sorted = new ArrayList<>(byPartition.values());
        sorted.sort(Comparator.<long[]>comparingLong(c -> c[0]).thenComparingLong(c -> c[1]));
        List<Row> rows = new ArrayList<>();
        long before = 0;
        long file = -1;
        for (long[] c : sorted) {
            if (c[0] != file) { file = c[0]; before = 0; }
            rows.add(RowFactory.create((int) c[0], (int) c[1], before));
            before += c[2];
        }
        StructType schema = new StructType().add("ls_file", DataTypes.IntegerType).add("ls_part", DataTypes.IntegerType)
                .add("lines_before", DataTypes.LongType);
        return spark.createDataFrame(rows, schema);
    }

    static Dataset<Row> rejectsWithLines(Dataset<Row> rejected, Dataset<Row> lineStarts, List<InputFile> files) {
        List<Column> names = new ArrayList<>();
        for (InputFile f : files) names.add(lit(f.name()));
        Dataset<Row> j = rejected.join(broadcast(lineStarts), rejected.col("file").equalTo(lineStarts.col("ls_file"))
                .and(rejected.col("part").equalTo(lineStarts.col("ls_part"))), "left");
        List<Column> out = new ArrayList<>();
        out.add(element_at(array(names.toArray(Column[]::new)), col("file").plus(1)).as("source_file"));
        out.add(when(col("part").lt(0), col("record").plus(1))
                .otherwise(col("lines_before").plus(col("record")).plus(1)).as("line"));
        out.add(col("reject_reason").as("reason"));
        out.add(col("reject_detail").as("detail"));
        for (int i = 0; i < ClaimColumns.CANONICAL.size(); i++) {
            out.add(col("raw").getItem(i).as(ClaimColumns.CANONICAL.get(i)));
        }
        return j.select(out.toArray(Column[]::new));
    }

    /** The header line of a CSV file, plain or gzip. */
    static String firstLine(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (line == null) throw new InputError(file + ": empty file, expected a header line");
            return line;
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
