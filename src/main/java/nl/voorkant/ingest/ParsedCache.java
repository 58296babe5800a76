package nl.voorkant.ingest;

import static org.apache.spark.sql.functions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import nl.voorkant.core.Folders;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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
 * Every claims file parsed once into Parquet: each record validated, its client id pseudonymised,
 * with its reason when rejected. The ingestion passes then read only the columns they need, and a
 * periodic re-run finds the files it has parsed before, keyed by the file's SHA-256 and by a
 * fingerprint of everything parsing depends on (reference, window, pseudonymisation key, the
 * parser's own code), so that one new month of claims is the only file parsed again.
 *
 * <p>The records are parsed by voorkant itself rather than by Spark's CSV source: exports differ
 * per file (separator, decimal comma, Dutch headers, BOM), and a quarantined row must name its
 * line, which Spark's CSV source cannot tell; each record keeps its partition and position.
 *
 * <p>An entry holds what the outputs may hold (pseudonyms, never a raw client id). It appears
 * complete or not at all: it is written beside its place and renamed into it. Without a cache
 * folder the parsed files go to a temporary folder that {@link #close} removes.
 */
public final class ParsedCache implements AutoCloseable {
    /** Entries not used for this long are removed at the end of a run. */
    static final Duration KEEP_UNUSED = Duration.ofDays(30);
    private static final String ENTRY_FILE = "_entry.properties";
    private static final String ENTRY_PREFIX = "entry=";

    /** One parsed line; {@code part} and {@code record} place it in its file (part −1: a Parquet row index). */
    static final StructType SCHEMA = new StructType()
            .add("part", DataTypes.IntegerType, false)
            .add("record", DataTypes.LongType, false)
            .add("reject_reason", DataTypes.StringType)
            .add("reject_detail", DataTypes.StringType)
            .add("claim_id", DataTypes.StringType)
            .add("claim_hash", DataTypes.LongType)
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

    /**
     * A file's parsed lines; per CSV partition, how many lines it has (for line numbers); and its
     * rows, amount and net amount per reject reason ({@link #VALID} for the valid lines), counted
     * while parsing so that no run reads the lines again to count them.
     */
    public record Entry(ClaimIngest.InputFile file, Path dir, Map<Integer, Long> linesPerPartition,
                        Map<String, long[]> totals, boolean reused) {}

    /** The totals key of the valid lines. */
    public static final String VALID = "valid";

    /** What one partition of a file held: its lines (CSV) and its totals per reason. */
    private record PartitionCount(int part, long lines, Map<String, long[]> totals) implements java.io.Serializable {}

    /** Where a parsing task reports: its counts to the driver, its sorted claim id hashes to a file. */
    private record PartitionSink(CollectionAccumulator<PartitionCount> counted, String hashFolder)
            implements java.io.Serializable {}

    private final Path dir;
    private final boolean temporary;
    private final List<Path> used = new ArrayList<>();

    private ParsedCache(Path dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
    }

    /** A cache that lasts between runs, in {@code dir}. */
    public static ParsedCache at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputError("cannot create the cache folder " + dir + ": " + e.getMessage());
        }
        return new ParsedCache(dir.toAbsolutePath(), false);
    }

    /** Parsed files for this run only, in a new folder in {@code parent} (on a cluster: storage every worker sees). */
    public static ParsedCache temporary(Path parent) {
        try {
            return new ParsedCache(Files.createTempDirectory(parent, ".voorkant-parsed-").toAbsolutePath(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * The parsed lines of every file: reused where this cache has them, else parsed now, one Spark
     * job per file. Up to three jobs run at once, so that one job's last tasks and the driver's
     * work between jobs do not leave cores idle.
     */
    public List<Entry> entries(SparkSession spark, List<ClaimIngest.InputFile> files, ClaimParser parser) {
        String fingerprint = fingerprint(parser);
        ExecutorService jobs = Executors.newFixedThreadPool(3);
        try {
            // Two files with the same bytes (a copy under another name) share one entry, parsed once.
            Map<Path, CompletableFuture<Entry>> byPlace = new HashMap<>();
            List<CompletableFuture<Entry>> entries = new ArrayList<>();
            for (ClaimIngest.InputFile f : files) {
                Path place = dir.resolve(ENTRY_PREFIX + f.sha256() + "-" + fingerprint);
                CompletableFuture<Entry> first = byPlace.get(place);
                if (first != null) {
                    entries.add(first.thenApply(e -> new Entry(f, e.dir(), e.linesPerPartition(), e.totals(), e.reused())));
                    continue;
                }
                used.add(place);
                Entry cached = read(f, place);
                CompletableFuture<Entry> entry = cached != null ? CompletableFuture.completedFuture(cached)
                        : CompletableFuture.supplyAsync(() -> parse(spark, f, parser, place), jobs);
                byPlace.put(place, entry);
                entries.add(entry);
            }
            List<Entry> out = new ArrayList<>();
            for (CompletableFuture<Entry> e : entries) out.add(e.join());
            return out;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        } finally {
            jobs.shutdownNow();
        }
    }

    /** The lines of {@code entries} as one Dataset, with the run's index of each file in {@code file}. */
    public static Dataset<Row> lines(SparkSession spark, List<Entry> entries) {
        // One read of every entry (one file listing, one plan). The folder names entry=<key> make the
        // key a partition column, a constant per file that maps to the file's index in this run.
        Map<Path, Integer> firstFile = new java.util.LinkedHashMap<>();
        List<Entry> copies = new ArrayList<>();
        for (Entry e : entries) {
            if (firstFile.putIfAbsent(e.dir(), e.file().index()) != null) copies.add(e);
        }
        List<Column> index = new ArrayList<>();
        firstFile.forEach((dir, file) -> {
            index.add(lit(dir.getFileName().toString().substring(ENTRY_PREFIX.length())));
            index.add(lit(file));
        });
        String[] dirs = firstFile.keySet().stream().map(Path::toString).toArray(String[]::new);
        Dataset<Row> all = spark.read().schema(SCHEMA.add("entry", DataTypes.StringType))
                .option("basePath", entries.get(0).dir().getParent().toString()).parquet(dirs)
                .withColumn("file", element_at(map(index.toArray(Column[]::new)), col("entry"))).drop("entry");
        // A copy of a file is read again as itself, so that its lines count (and its claims repeat).
        for (Entry copy : copies) {
            all = all.unionByName(spark.read().schema(SCHEMA).parquet(copy.dir().toString())
                    .withColumn("file", lit(copy.file().index())));
        }
        return all;
    }

    private static Entry read(ClaimIngest.InputFile f, Path place) {
        Path props = place.resolve(ENTRY_FILE);
        if (!Files.isRegularFile(props)) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
            Files.setLastModifiedTime(props, FileTime.from(Instant.now()));
        } catch (IOException e) {
            return null; // unreadable: parse again, the new entry replaces it
        }
        String parts = p.getProperty("lines_per_partition"), totals = p.getProperty("totals");
        if (parts == null || totals == null) return null; // incomplete: parse again, the new entry replaces it
        Map<Integer, Long> counts = new HashMap<>();
        numbersByKey(parts).forEach((part, lines) -> counts.put(Integer.parseInt(part), lines[0]));
        return new Entry(f, place, counts, numbersByKey(totals), true);
    }

    private Entry parse(SparkSession spark, ClaimIngest.InputFile f, ClaimParser parser, Path place) {
        Path work = dir.resolve(".tmp-" + UUID.randomUUID());
        CollectionAccumulator<PartitionCount> counted = spark.sparkContext().collectionAccumulator("partition counts");
        PartitionSink sink = new PartitionSink(counted, work.resolve(ClaimHashes.FOLDER).toString());
        JavaRDD<Row> rows = f.parquet() ? parseParquet(spark, f, parser, sink)
                : parseCsv(JavaSparkContext.fromSparkContext(spark.sparkContext()), f, parser, sink);
        // Columns with a value per line are not worth Parquet's attempt at a dictionary (measured: a tenth of the write).
        org.apache.spark.sql.DataFrameWriter<Row> writer = spark.createDataFrame(rows, SCHEMA).write();
        for (String unique : List.of("record", "claim_id", "claim_hash", "client_key", "raw.list.element")) {
            writer = writer.option("parquet.enable.dictionary#" + unique, "false");
        }
        writer.parquet(work.toString());
        // A retried task reports its partition again, with the same counts.
        Map<Integer, PartitionCount> byPartition = new HashMap<>();
        for (PartitionCount c : counted.value()) byPartition.put(c.part(), c);
        Map<Integer, Long> counts = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        for (PartitionCount c : byPartition.values()) {
            if (!f.parquet()) counts.put(c.part(), c.lines());
            c.totals().forEach((reason, t) -> add(totals, reason, t[0], t[1], t[2]));
        }
        Properties p = new Properties();
        p.setProperty("source", f.name());
        p.setProperty("size", Long.toString(f.size()));
        p.setProperty("sha256", f.sha256());
        Map<Integer, long[]> linesPerPartition = new HashMap<>();
        counts.forEach((part, lines) -> linesPerPartition.put(part, new long[] {lines}));
        p.setProperty("lines_per_partition", joined(linesPerPartition));
        p.setProperty("totals", joined(totals));
        try {
            try (Writer w = Files.newBufferedWriter(work.resolve(ENTRY_FILE), StandardCharsets.UTF_8)) {
                p.store(w, "voorkant: parsed lines of one claims file");
            }
            // Entries are only ever placed whole, so a place without its entry file is debris; one with
            // it was stored by a run that parsed the same file at the same time, and may be in use.
            if (!Files.isRegularFile(place.resolve(ENTRY_FILE))) Folders.deleteTree(place);
            Files.move(work, place, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            Folders.deleteTree(work); // theirs is the same as ours
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store parsed claims in " + place, e);
        }
        return new Entry(f, place, counts, totals, false);
    }

    /** Numbers per key as {@code key:n:n,key:n:n}, in key order, for an entry file. */
    private static <K extends Comparable<K>> String joined(Map<K, long[]> values) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(values).forEach((key, numbers) -> {
            s.append(s.length() == 0 ? "" : ",").append(key);
            for (long n : numbers) s.append(':').append(n);
        });
        return s.toString();
    }

    /** The numbers per key of {@link #joined}. */
    private static Map<String, long[]> numbersByKey(String joined) {
        Map<String, long[]> out = new HashMap<>();
        for (String item : joined.isEmpty() ? new String[0] : joined.split(",")) {
            String[] v = item.split(":");
            long[] numbers = new long[v.length - 1];
            for (int i = 1; i < v.length; i++) numbers[i - 1] = Long.parseLong(v[i]);
            out.put(v[0], numbers);
        }
        return out;
    }

    /** Adds rows, amount and net amount to a reason's totals. */
    static void add(Map<String, long[]> totals, String reason, long rows, long cents, long netCents) {
        long[] t = totals.computeIfAbsent(reason, r -> new long[3]);
        t[0] += rows;
        t[1] += cents;
        t[2] += netCents;
    }

    /**
     * Everything a parsed line depends on besides the file's bytes: the parser's settings, the
     * pseudonymisation key (as a digest) and the code of the classes that parse, so a changed
     * parser never reads an entry that an older one wrote.
     */
    static String fingerprint(ClaimParser parser) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(parser.settings().getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : List.of(ClaimParser.class, ClaimParser.Claim.class, ClaimParser.FileLayout.class,
                    ClaimColumns.class, Pseudonymiser.class, ParsedCache.class, Bsns.class)) {
                String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
                try (InputStream in = c.getResourceAsStream(resource)) {
                    if (in == null) throw new IllegalStateException("no class file for " + c.getName());
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary cache is removed; a lasting one loses the entries no run used for {@link #KEEP_UNUSED}. */
    @Override
    public void close() {
        if (temporary) {
            Folders.deleteTree(dir);
            return;
        }
        Instant cutoff = Instant.now().minus(KEEP_UNUSED);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : children.toList()) {
                if (used.contains(c) || !Files.isDirectory(c)) continue;
                Path stamp = Files.isRegularFile(c.resolve(ENTRY_FILE)) ? c.resolve(ENTRY_FILE) : c;
                if (Files.getLastModifiedTime(stamp).toInstant().isBefore(cutoff)) Folders.deleteTree(c);
            }
        } catch (IOException e) {
            System.err.println("WARNING: could not tidy the cache folder " + dir + ": " + e.getMessage());
        }
    }

    private static JavaRDD<Row> parseCsv(JavaSparkContext jsc, ClaimIngest.InputFile f, ClaimParser parser,
                                         PartitionSink sink) {
        ClaimParser.FileLayout layout = ClaimParser.FileLayout.of(firstLine(f.path()), f.name());
        return jsc.newAPIHadoopFile(f.path().toAbsolutePath().toUri().toString(), TextInputFormat.class,
                        LongWritable.class, Text.class, jsc.hadoopConfiguration())
                .mapPartitionsWithIndex((part, records) -> new Counted(part, sink) {
                    private long record = -1;

                    @Override
                    ClaimParser.Claim nextClaim() {
                        while (records.hasNext()) {
                            Tuple2<LongWritable, Text> r = records.next();
                            record++;
                            String line = r._2().toString();
                            if (r._1().get() == 0 || line.isBlank()) continue; // header, or an empty line
                            return parser.parse(line, layout);
                        }
                        lines = record + 1;
                        return null;
                    }

                    @Override
                    long position() {
                        return record;
                    }
                }, true);
    }

    /** Parquet rows carry their row number, so their "line" is the 1-based row; no partition bookkeeping. */
    private static JavaRDD<Row> parseParquet(SparkSession spark, ClaimIngest.InputFile f, ClaimParser parser,
                                             PartitionSink sink) {
        Dataset<Row> df = spark.read().parquet(f.path().toAbsolutePath().toString());
        int[] positions = ClaimColumns.resolve(List.of(df.columns()), f.name());
        List<Column> cols = new ArrayList<>();
        for (int p : positions) cols.add(p < 0 ? lit("") : coalesce(col(df.columns()[p]).cast("string"), lit("")));
        cols.add(col("_metadata.row_index"));
        int n = ClaimColumns.CANONICAL.size();
        return df.select(cols.toArray(Column[]::new)).javaRDD().mapPartitionsWithIndex((part, rows) -> new Counted(part, sink) {
            private long rowIndex;

            @Override
            ClaimParser.Claim nextClaim() {
                if (!rows.hasNext()) return null;
                Row r = rows.next();
                String[] v = new String[n];
                for (int i = 0; i < n; i++) v[i] = r.getString(i).strip();
                rowIndex = r.getLong(n);
                return parser.parse(v, false);
            }

            @Override
            long position() {
                return rowIndex;
            }

            @Override
            int partOfRow() {
                return -1;
            }
        }, true);
    }

    /**
     * The parsed rows of one partition, counted per reject reason, and the claim id hashes of the
     * valid ones collected, as they pass; at its end the partition writes its hashes sorted
     * ({@link ClaimHashes}) and reports its counts.
     */
    private abstract static class Counted implements Iterator<Row> {
        private final int part;
        private final PartitionSink sink;
        private final Map<String, long[]> totals = new HashMap<>();
        /** The partition's lines, header and blank lines included, once it is read (CSV). */
        long lines;
        private final ClaimHashes.Run hashes = new ClaimHashes.Run();
        private Row next;
        private boolean reported;

        Counted(int part, PartitionSink sink) {
            this.part = part;
            this.sink = sink;
        }

        /** The next record's outcome, or null at the end of the partition. */
        abstract ClaimParser.Claim nextClaim();

        /** The current record's place: its index in the partition, or its Parquet row index. */
        abstract long position();

        /** The partition a row names: this one, or −1 where the position is a row index. */
        int partOfRow() {
            return part;
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            ClaimParser.Claim c = nextClaim();
            if (c == null) {
                if (!reported) {
                    hashes.write(Path.of(sink.hashFolder()), part);
                    sink.counted().add(new PartitionCount(part, lines, totals));
                }
                reported = true;
                return false;
            }
            long cents = c.amountCents == null ? 0 : c.amountCents;
            add(totals, c.reason == null ? VALID : c.reason.code(), 1, cents, "C".equals(c.debitCredit) ? -cents : cents);
            Long hash = null;
            if (c.reason == null) {
                hash = claimHash(c.claimId);
                hashes.add(hash);
            }
            next = toRow(c, hash, partOfRow(), position());
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            Row r = next;
            next = null;
            return r;
        }
    }

    private static Row toRow(ClaimParser.Claim c, Long claimHash, int part, long record) {
        boolean ok = c.reason == null;
        return RowFactory.create(part, record, ok ? null : c.reason.code(), c.detail,
                c.claimId, claimHash, c.hasClient ? c.clientKey : null, c.birthYear,
                c.municipalityCode, c.productCategory, c.productCode, c.productGroup, c.provision, c.providerCode,
                c.referrer, ok ? c.startDay : null, ok ? c.endDay : null, ok ? c.volume : null, c.unit, c.amountCents,
                c.debitCredit, c.raw == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of(c.raw)).toSeq());
    }

    /** A 64-bit hash of a claim id (FNV-1a, then a SplitMix64 finaliser); collisions are resolved by the exact id. */
    static long claimHash(String claimId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < claimId.length(); i++) h = (h ^ claimId.charAt(i)) * 0x100000001b3L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
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
