package nl.voorkant.ingest;

import static org.apache.spark.sql.functions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import nl.voorkant.core.Folders;
import nl.voorkant.core.Hash64;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.WorkFolders;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.ShuffleDependency;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.CollectionAccumulator;

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
 * <p>An entry holds what the outputs may hold (pseudonyms, never a raw client id). It counts only
 * once its entry file ({@code _entry.properties}, the commit marker) is there, written last and
 * renamed into place as a single file, so that an entry appears whole or not at all on every store,
 * also where folders cannot be renamed atomically (S3): each run writes its entries into folders of
 * its own name ({@code entry=<key>.<run>}, claimed through {@link WorkFolders}), readers pass over a
 * folder without its marker, and two runs that parse the same file at once both succeed, each with
 * its own complete entry (a later run uses the first by name; the other is forgotten when unused).
 * A run removes the unfinished folders of runs that died. Without a cache folder the parsed lines
 * stay in Spark's shuffle by client (see {@link #parsed}), and what the entries hold besides (counts,
 * hash runs, an iJw bundle) goes to a temporary folder that {@link #close} removes.
 */
public final class ParsedCache implements AutoCloseable {
    /** Entries not used for this long are removed at the end of a run. */
    static final Duration KEEP_UNUSED = Duration.ofDays(30);
    private static final String ENTRY_FILE = "_entry.properties";
    /** Written at each reuse, so that its time is the entry's last use on stores that cannot set a file's time (S3). */
    private static final String USED_FILE = "_used";
    private static final String ENTRY_PREFIX = "entry=";
    /**
     * The lines of the iJw files one run parsed, together: thousands of messages of a few lines each
     * are one Parquet dataset, not thousands (each file's entry folder then holds its counts and hashes
     * and names its bundle; its lines are the bundle's rows with its key in {@code entry}).
     */
    private static final String BUNDLE_PREFIX = "ijw-bundle-";
    /** The work folders of an older voorkant, which renamed its entries into place. */
    private static final String OLD_WORK_PREFIX = ".tmp-";

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
            .add("declaration_day", DataTypes.IntegerType)
            .add("raw", DataTypes.createArrayType(DataTypes.StringType));

    /**
     * A file's parsed lines; per CSV partition, how many lines it has (for line numbers); and its
     * rows, amount and net amount per reject reason ({@link #VALID} for the valid lines), counted
     * while parsing so that no run reads the lines again to count them; and what reading it passed
     * over (a workbook's other sheets), for the manifest.
     */
    public record Entry(ClaimIngest.InputFile file, StoragePath dir, Map<Integer, Long> linesPerPartition,
                        Map<String, long[]> totals, Declared declared, boolean reused, List<String> notes,
                        Map<String, String> ijw, StoragePath bundle, List<StoragePath> hashRuns) {}

    /**
     * The declaration dates of a file's valid lines, counted while parsing: how many lines have one and the
     * latest (an epoch day; {@link Integer#MIN_VALUE} when none has), so that a nowcast of claims without
     * dates (most extracts) need not read every line to find none.
     */
    public record Declared(long lines, int latestDay) implements java.io.Serializable {
        static final Declared NONE = new Declared(0, Integer.MIN_VALUE);

        Declared plus(Declared o) {
            return new Declared(lines + o.lines, Math.max(latestDay, o.latestDay));
        }

        /** With {@code c}'s date, when it is a valid line that has one. */
        Declared with(ClaimParser.Claim c) {
            return c.reason != null || c.declarationDay == null ? this : new Declared(lines + 1, Math.max(latestDay, c.declarationDay));
        }

        /** As stored in an entry file: {@code lines:latestDay}. */
        String stored() {
            return lines + ":" + latestDay;
        }

        static Declared parse(String stored) {
            String[] v = stored.split(":");
            return new Declared(Long.parseLong(v[0]), Integer.parseInt(v[1]));
        }
    }

    /** Entry-file keys of an iJw file's facts for the manifest (message, version, total check, problem). */
    private static final String IJW_PREFIX = "ijw.";

    /** The totals key of the valid lines. */
    public static final String VALID = "valid";

    /**
     * What one partition of a file held: its lines (CSV) and its totals per reason; why it could not be
     * read to its end ({@code damage}, else null); whether its last record's quote was still open
     * (it may go on in the next partition); the name of its run of claim id hashes.
     */
    private record PartitionCount(int part, long lines, Map<String, long[]> totals, Declared declared, String damage,
                                  boolean endedOpen, String hashes) implements java.io.Serializable {}

    /** Where a parsing task reports: its counts to the driver, its sorted claim id hashes to a file. */
    private record PartitionSink(CollectionAccumulator<PartitionCount> counted, StoragePath hashFolder)
            implements java.io.Serializable {}

    private final StoragePath dir;
    private final boolean temporary;
    /** This run's part of the names of the entries it writes. */
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final java.util.Set<StoragePath> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean closed;

    private ParsedCache(StoragePath dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
    }

    /** A cache that lasts between runs, in {@code dir}. */
    public static ParsedCache at(StoragePath dir) {
        try {
            dir.mkdirs();
        } catch (IOException e) {
            throw new InputError("cannot create the cache folder " + dir + ": " + Folders.reason(e));
        }
        // Found now, in one line, rather than by every parsing task of the first file.
        try {
            StoragePath probe = dir.resolve(".probe-" + UUID.randomUUID());
            probe.createNew().close();
            probe.deleteTree();
        } catch (IOException e) {
            throw new InputError("cannot write in the cache folder " + dir + ": " + Folders.reason(e)
                    + " (choose another --cache, or --no-cache)");
        }
        WorkFolders.removeAbandoned(dir, ParsedCache::unfinished);
        return new ParsedCache(dir.absolute(), false);
    }

    /** A folder of a run that has not committed it (yet): an entry without its marker, or an older voorkant's work. */
    private static boolean unfinished(StoragePath folder) {
        String name = folder.name();
        return name.startsWith(OLD_WORK_PREFIX) || name.startsWith(ENTRY_PREFIX) && storedEntry(folder) == null;
    }

    /** Parsed files for this run only, in a new folder in {@code parent} (on a cluster: storage every worker sees). */
    public static ParsedCache temporary(StoragePath parent) {
        StoragePath dir = parent.resolve(".voorkant-parsed-" + UUID.randomUUID()).absolute();
        try {
            dir.mkdirs();
            dir.restrict(false);
        } catch (IOException e) {
            throw new InputError("cannot write in " + parent + ": " + Folders.reason(e));
        }
        return new ParsedCache(dir, true);
    }

    public StoragePath dir() {
        return dir;
    }

    /**
     * The parsed lines of every file: reused where this cache has them, else parsed now, one Spark
     * job per CSV, Parquet or workbook file, and one for all iJw messages together. Up to three jobs
     * run at once, so that one job's last tasks and the driver's work between jobs do not leave cores idle.
     */
    public List<Entry> entries(SparkSession spark, List<ClaimIngest.InputFile> files, ClaimParser parser) {
        String fingerprint = fingerprint(parser);
        List<ClaimIngest.InputFile> xml = files.stream().filter(ClaimIngest.InputFile::ijw).toList();
        IjwFiles ijw = xml.isEmpty() ? null : IjwFiles.of(xml);
        Map<String, List<StoragePath>> stored = storedByKey();
        // The iJw files not in the cache are parsed together, in one job that writes an entry per file.
        Map<String, ClaimIngest.InputFile> ijwToParse = new java.util.LinkedHashMap<>();
        CompletableFuture<Map<String, Entry>> ijwParsed = new CompletableFuture<>();
        ExecutorService jobs = Executors.newFixedThreadPool(3);
        try {
            // Two files with the same bytes (a copy under another name) share one entry, parsed once.
            Map<String, CompletableFuture<Entry>> byKey = new HashMap<>();
            List<CompletableFuture<Entry>> entries = new ArrayList<>();
            for (ClaimIngest.InputFile f : files) {
                String key = f.sha256() + "-" + fingerprint + (f.ijw() ? "-" + ijw.digest() : "");
                CompletableFuture<Entry> first = byKey.get(key);
                if (first != null) {
                    entries.add(first.thenApply(e -> new Entry(f, e.dir(), e.linesPerPartition(), e.totals(), e.declared(),
                            e.reused(), e.notes(), e.ijw(), e.bundle(), e.hashRuns())));
                    continue;
                }
                Entry cached = reuse(f, stored.getOrDefault(key, List.of()));
                CompletableFuture<Entry> entry;
                if (cached != null) {
                    entry = CompletableFuture.completedFuture(cached);
                } else if (f.ijw()) {
                    ijwToParse.put(key, f);
                    entry = ijwParsed.thenApply(parsed -> parsed.get(key));
                } else {
                    entry = CompletableFuture.supplyAsync(() -> parse(spark, f, parser, key), jobs);
                }
                byKey.put(key, entry);
                entries.add(entry);
            }
            CompletableFuture.runAsync(() -> {
                try {
                    ijwParsed.complete(ijwToParse.isEmpty() ? Map.of() : parseIjw(spark, ijwToParse, ijw, parser));
                } catch (Throwable e) { // whatever ends the job ends the files waiting on it, never a hang
                    ijwParsed.completeExceptionally(e);
                }
            }, jobs);
            // Every job ends before a failure is reported: Spark is not stopped under a running job.
            CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
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

    /**
     * The parsed lines of every file and their entries; {@code byClient}: the lines are hash-partitioned by
     * {@code client_key}, the partitioning of the flow pass.
     */
    public record Parsed(List<Entry> entries, Dataset<Row> lines, boolean byClient) {}

    /**
     * The parsed lines of {@code files}. A lasting cache stores them (see {@link #entries}). A run without one
     * would write them only to read them back: here the parse is the map side of the shuffle by client
     * that the flow pass needs anyway, run now, so that its counts and hashes are known before any line is
     * used, and the lines live in Spark's shuffle files (on a cluster, the workers' local disks) instead of
     * Parquet (a fifth of the CPU of a whole analyse at ten million lines, BENCHMARKS.md). iJw messages are
     * parsed on the driver into a bundle first, as for a lasting cache.
     */
    public Parsed parsed(SparkSession spark, List<ClaimIngest.InputFile> files, ClaimParser parser) {
        if (!temporary) {
            List<Entry> entries = entries(spark, files, parser);
            return new Parsed(entries, lines(spark, entries), false);
        }
        List<Entry> bundled = entries(spark, files.stream().filter(ClaimIngest.InputFile::ijw).toList(), parser);
        List<ClaimIngest.InputFile> own = files.stream().filter(f -> !f.ijw()).toList();
        String fingerprint = fingerprint(parser);
        Map<ClaimIngest.InputFile, StoragePath> work = new java.util.LinkedHashMap<>();
        Map<ClaimIngest.InputFile, Source> sources = new java.util.LinkedHashMap<>();
        List<WorkFolders.Work> claimed = new ArrayList<>();
        try {
            for (ClaimIngest.InputFile f : own) {
                // Each file its own folder for its hash runs and entry file, a copy included: its claims repeat.
                claimed.add(claim(f.sha256() + "-" + fingerprint + "-" + f.index()));
                work.put(f, claimed.get(claimed.size() - 1).dir());
                sources.put(f, source(spark, f, parser));
            }
            return byClient(spark, bundled, own, work, sources);
        } finally {
            claimed.forEach(WorkFolders.Work::close);
        }
    }

    /** The parse of {@link #parsed} without a lasting cache: {@code own} files into the shuffle, beside the {@code bundled}. */
    private Parsed byClient(SparkSession spark, List<Entry> bundled, List<ClaimIngest.InputFile> own,
                            Map<ClaimIngest.InputFile, StoragePath> work, Map<ClaimIngest.InputFile, Source> sources) {
        java.util.Set<ClaimIngest.InputFile> whole = new java.util.HashSet<>();
        while (true) {
            Map<ClaimIngest.InputFile, CollectionAccumulator<PartitionCount>> counts = new java.util.LinkedHashMap<>();
            Dataset<Row> all = bundled.isEmpty() ? null : lines(spark, bundled);
            for (ClaimIngest.InputFile f : own) {
                counts.put(f, counts(spark));
                PartitionSink sink = new PartitionSink(counts.get(f), work.get(f).resolve(ClaimHashes.FOLDER));
                Dataset<Row> lines = frame(spark, sources.get(f).rows(sink, whole.contains(f)), SCHEMA)
                        .withColumn("file", lit(f.index()));
                all = all == null ? lines : all.unionByName(lines);
            }
            if (all == null) return new Parsed(bundled, lines(spark, bundled), false);
            RDD<InternalRow> shuffled = mapSide(all.repartition(col("client_key")));
            Map<ClaimIngest.InputFile, Collection<PartitionCount>> parts = new java.util.LinkedHashMap<>();
            for (ClaimIngest.InputFile f : own) parts.put(f, counted(f, work.get(f), counts.get(f)));
            List<ClaimIngest.InputFile> open = own.stream().filter(f -> sources.get(f).endedOpen(parts.get(f))).toList();
            if (open.isEmpty()) {
                List<Entry> entries = new ArrayList<>(bundled);
                for (ClaimIngest.InputFile f : own) entries.add(commit(f, work.get(f), sources.get(f), parts.get(f)));
                entries.sort(java.util.Comparator.comparingInt(e -> e.file().index()));
                return new Parsed(entries, frame(spark, shuffled.toJavaRDD(), all.schema()), true);
            }
            whole.addAll(open);
            for (StoragePath w : work.values()) Folders.deleteTree(w.resolve(ClaimHashes.FOLDER));
        }
    }

    /**
     * The rows of {@code repartitioned} (a plan that ends in a shuffle), its map side run now: every
     * parsing task has counted and written its hashes when this returns, and the rows wait in the
     * shuffle's files. With adaptive execution Spark runs the map side while planning; this finds it done.
     */
    private static RDD<InternalRow> mapSide(Dataset<Row> repartitioned) {
        try {
            RDD<InternalRow> rows = repartitioned.queryExecution().toRdd();
            ShuffleDependency<?, ?, ?> shuffle = shuffleOf(rows);
            repartitioned.sparkSession().sparkContext().submitMapStage(shuffle).get();
            return rows;
        } catch (Exception e) { // a failed stage is Spark's SparkException, a checked one
            String full = Folders.spaceProblem(e).orElse(null);
            if (full != null) throw new InputError("cannot keep the parsed claims in Spark's local folders: " + full);
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
    }

    /** The shuffle nearest to {@code rows} in its lineage. */
    private static ShuffleDependency<?, ?, ?> shuffleOf(RDD<?> rows) {
        java.util.ArrayDeque<RDD<?>> next = new java.util.ArrayDeque<>(List.of(rows));
        while (!next.isEmpty()) {
            for (org.apache.spark.Dependency<?> d : scala.jdk.javaapi.CollectionConverters.asJava(next.poll().dependencies())) {
                if (d instanceof ShuffleDependency<?, ?, ?> s) return s;
                next.add(d.rdd());
            }
        }
        throw new IllegalStateException("no shuffle below " + rows);
    }

    /** The lines of {@code entries} as one Dataset, with the run's index of each file in {@code file}. */
    public static Dataset<Row> lines(SparkSession spark, List<Entry> entries) {
        List<Entry> own = new ArrayList<>();
        Map<StoragePath, List<Row>> bundled = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            // An iJw file without lines (an allocation, a request, a broken file) has nothing to read.
            if (!e.file().ijw()) own.add(e);
            else if (e.bundle() != null) {
                bundled.computeIfAbsent(e.bundle(), b -> new ArrayList<>()).add(RowFactory.create(token(e.dir()), e.file().index()));
            }
        }
        Dataset<Row> all = own.isEmpty() ? null : ownLines(spark, own);
        StructType keys = new StructType().add("entry", DataTypes.StringType).add("file", DataTypes.IntegerType);
        Column[] columns = java.util.Arrays.stream(SCHEMA.add("file", DataTypes.IntegerType).fieldNames())
                .map(c -> col(c)).toArray(Column[]::new);
        for (Map.Entry<StoragePath, List<Row>> b : bundled.entrySet()) {
            // Each bundle with the keys of the entries that name it: a copy's key twice, so its lines count twice.
            Dataset<Row> lines = spark.read().schema(SCHEMA.add("entry", DataTypes.StringType)).parquet(b.getKey().uri())
                    .join(broadcast(spark.createDataFrame(b.getValue(), keys)), "entry").select(columns);
            all = all == null ? lines : all.unionByName(lines);
        }
        return all != null ? all : spark.createDataFrame(List.of(), SCHEMA.add("file", DataTypes.IntegerType));
    }

    /** The lines of files parsed into entries of their own (CSV, Parquet). */
    private static Dataset<Row> ownLines(SparkSession spark, List<Entry> entries) {
        // One read of every entry (one file listing, one plan). The folder names entry=<key> make the
        // key a partition column, a constant per file that maps to the file's index in this run.
        Map<StoragePath, Integer> firstFile = new java.util.LinkedHashMap<>();
        List<Entry> copies = new ArrayList<>();
        for (Entry e : entries) {
            if (firstFile.putIfAbsent(e.dir(), e.file().index()) != null) copies.add(e);
        }
        List<Column> index = new ArrayList<>();
        firstFile.forEach((dir, file) -> {
            index.add(lit(token(dir)));
            index.add(lit(file));
        });
        String[] dirs = firstFile.keySet().stream().map(StoragePath::uri).toArray(String[]::new);
        Dataset<Row> all = spark.read().schema(SCHEMA.add("entry", DataTypes.StringType))
                .option("basePath", entries.get(0).dir().parent().uri()).parquet(dirs)
                .withColumn("file", element_at(map(index.toArray(Column[]::new)), col("entry"))).drop("entry");
        // A copy of a file is read again as itself, so that its lines count (and its claims repeat).
        for (Entry copy : copies) {
            all = all.unionByName(spark.read().schema(SCHEMA).parquet(copy.dir().uri())
                    .withColumn("file", lit(copy.file().index())));
        }
        return all;
    }

    /** An entry's folder name less its prefix: the value of its {@code entry} column. */
    private static String token(StoragePath entry) {
        return entry.name().substring(ENTRY_PREFIX.length());
    }

    /** The entry folders in the cache by key, in name order, from one listing: committed or not, that is for {@link #reuse}. */
    private Map<String, List<StoragePath>> storedByKey() {
        Map<String, List<StoragePath>> out = new HashMap<>();
        try {
            for (StoragePath.Status c : dir.list()) {
                String name = c.path().name();
                int dot = name.lastIndexOf('.');
                if (c.kind() != StoragePath.Kind.FOLDER || !name.startsWith(ENTRY_PREFIX) || dot < 0) continue;
                out.computeIfAbsent(name.substring(ENTRY_PREFIX.length(), dot), k -> new ArrayList<>()).add(c.path());
            }
        } catch (IOException e) {
            throw new InputError("cannot read the cache folder " + dir + ": " + Folders.reason(e));
        }
        return out;
    }

    /** The first committed entry among {@code candidates}, marked as used; null when none is. */
    private Entry reuse(ClaimIngest.InputFile f, List<StoragePath> candidates) {
        for (StoragePath place : candidates) {
            Entry e = read(f, place);
            if (e == null) continue; // not committed, unreadable, or its bundle gone: parse again
            try (java.io.OutputStream stamp = place.resolve(USED_FILE).create()) {
                stamp.write(Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException x) {
                continue;
            }
            used.add(place);
            return e;
        }
        return null;
    }

    private static Entry read(ClaimIngest.InputFile f, StoragePath place) {
        Properties p = storedEntry(place);
        if (p == null) return null;
        Map<Integer, Long> counts = new HashMap<>();
        numbersByKey(p.getProperty("lines_per_partition")).forEach((part, lines) -> counts.put(Integer.parseInt(part), lines[0]));
        Map<String, String> ijw = new java.util.TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(IJW_PREFIX)) ijw.put(name.substring(IJW_PREFIX.length()), p.getProperty(name));
        }
        StoragePath bundle = p.getProperty("bundle") == null ? null : place.sibling(p.getProperty("bundle"));
        if (bundle != null && !bundle.isDirectory()) return null;
        String notes = p.getProperty("notes", "");
        return new Entry(f, place, counts, numbersByKey(p.getProperty("totals")), Declared.parse(p.getProperty("declared")),
                true, notes.isEmpty() ? List.of() : List.of(notes.split("\n")), ijw, bundle, hashRuns(place, p));
    }

    /** The runs of claim id hashes an entry file lists (the attempts that counted). */
    private static List<StoragePath> hashRuns(StoragePath place, Properties p) {
        String names = p.getProperty("hashes");
        if (names.isEmpty()) return List.of();
        return java.util.Arrays.stream(names.split(",")).map(n -> place.resolve(ClaimHashes.FOLDER).resolve(n)).toList();
    }

    /** The entry file of a committed entry at {@code place}, or null. */
    private static Properties storedEntry(StoragePath place) {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(place.resolve(ENTRY_FILE).open(), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | UncheckedIOException e) {
            return null; // missing or unreadable
        }
        return p.getProperty("lines_per_partition") == null || p.getProperty("totals") == null
                || p.getProperty("hashes") == null || p.getProperty("declared") == null ? null : p;
    }

    /** The folder this run writes the entry of {@code key} into, claimed for it (see {@link WorkFolders}). */
    private WorkFolders.Work claim(String key) {
        try {
            return WorkFolders.create(dir, ENTRY_PREFIX + key + "." + run);
        } catch (IOException e) {
            throw new InputError("cannot write in the cache folder " + dir + ": " + Folders.reason(e));
        }
    }

    private Entry parse(SparkSession spark, ClaimIngest.InputFile f, ClaimParser parser, String key) {
        try (WorkFolders.Work claimed = claim(key)) {
            try {
                return parse(spark, f, parser, claimed.dir());
            } catch (RuntimeException e) {
                Folders.deleteTree(claimed.dir());
                throw e;
            }
        }
    }

    private Entry parse(SparkSession spark, ClaimIngest.InputFile f, ClaimParser parser, StoragePath work) {
        Source source = source(spark, f, parser);
        Collection<PartitionCount> parts = write(spark, f, work, sink -> source.rows(sink, false));
        if (source.endedOpen(parts)) {
            Folders.deleteTree(work);
            parts = write(spark, f, work, sink -> source.rows(sink, true));
        }
        return commit(f, work, source, parts);
    }

    /**
     * How a file's lines are read as rows, given where its tasks report ({@code whole}: a CSV file
     * read by one task), and what reading its head passed over (a workbook's other sheets).
     */
    private record Source(boolean csv, List<String> notes, BiFunction<PartitionSink, Boolean, JavaRDD<InternalRow>> reader) {
        JavaRDD<InternalRow> rows(PartitionSink sink, boolean whole) {
            return reader.apply(sink, whole);
        }

        /**
         * Whether a CSV file's split partitions must be read again by one task. Split partitions each start
         * at a line; a quoted line break across two of them (rare: the common file never has one, and reads
         * split) is read again by one task that reads the whole file.
         */
        boolean endedOpen(Collection<PartitionCount> parts) {
            return csv && parts.size() > 1 && parts.stream().anyMatch(PartitionCount::endedOpen);
        }
    }

    private static Source source(SparkSession spark, ClaimIngest.InputFile f, ClaimParser parser) {
        if (f.parquet()) return new Source(false, List.of(), (sink, whole) -> parseParquet(spark, f, parser, sink));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (WorkbookSheet.isWorkbook(f.name())) {
            WorkbookSheet.Head head = WorkbookSheet.head(f.path(), f.name());
            return new Source(false, head.notes(), (sink, whole) -> parseWorkbook(jsc, f, parser, sink, head));
        }
        CsvFile.Head head = CsvFile.head(f.path());
        // A UTF-16 file is read whole from the start: Hadoop's line reader does not know its line breaks.
        return new Source(true, List.of(), (sink, whole) -> parseCsv(jsc, f, parser, sink, head, whole || !head.utf8()));
    }

    /** Commits the entry of a file its partitions counted (see {@link #commit}). */
    private Entry commit(ClaimIngest.InputFile f, StoragePath work, Source source, Collection<PartitionCount> parts) {
        Map<Integer, Long> counts = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        Declared declared = Declared.NONE;
        List<String> runs = new ArrayList<>();
        for (PartitionCount c : parts) {
            if (source.csv()) counts.put(c.part(), c.lines());
            c.totals().forEach((reason, t) -> add(totals, reason, t[0], t[1], t[2]));
            declared = declared.plus(c.declared());
            runs.add(c.hashes());
        }
        return commit(f, work, counts, totals, declared, source.notes(), Map.of(), null, runs);
    }

    /**
     * Commits a parsed file's entry: its entry file, the marker that makes it count, is written whole
     * beside its lines and hash runs (under a hidden name, then renamed: one file, which every store
     * renames whole), after everything it names.
     */
    private Entry commit(ClaimIngest.InputFile f, StoragePath work, Map<Integer, Long> counts, Map<String, long[]> totals,
                         Declared declared, List<String> notes, Map<String, String> ijw, StoragePath bundle, List<String> hashRuns) {
        Properties p = new Properties();
        p.setProperty("source", f.name());
        p.setProperty("size", Long.toString(f.size()));
        p.setProperty("sha256", f.sha256());
        Map<Integer, long[]> linesPerPartition = new HashMap<>();
        counts.forEach((part, lines) -> linesPerPartition.put(part, new long[] {lines}));
        p.setProperty("lines_per_partition", joined(linesPerPartition));
        p.setProperty("totals", joined(totals));
        p.setProperty("declared", declared.stored());
        p.setProperty("notes", String.join("\n", notes));
        ijw.forEach((k, v) -> p.setProperty(IJW_PREFIX + k, v));
        if (bundle != null) p.setProperty("bundle", bundle.name());
        p.setProperty("hashes", String.join(",", hashRuns));
        StoragePath written = work.resolve("." + ENTRY_FILE + "-" + UUID.randomUUID());
        try {
            try (Writer w = new java.io.OutputStreamWriter(written.create(), StandardCharsets.UTF_8)) {
                p.store(w, "voorkant: parsed lines of one claims file");
            }
            written.moveTo(work.resolve(ENTRY_FILE));
        } catch (IOException e) {
            throw new InputError("cannot store parsed claims in " + work + ": " + Folders.reason(e));
        }
        used.add(work);
        return new Entry(f, work, counts, totals, declared, false, notes, ijw, bundle, hashRuns(work, p));
    }

    /**
     * The iJw files not yet in the cache, parsed on the driver by the streaming reader (a message is a
     * few kilobytes: a Spark task each would cost more than the parsing) and written by one Spark job
     * into one bundle; each file still gets an entry of its own (counts, hashes, notes, its bundle), so
     * a file is found in the cache, reused or parsed again on its own, as a CSV file is.
     */
    private Map<String, Entry> parseIjw(SparkSession spark, Map<String, ClaimIngest.InputFile> files, IjwFiles ijw,
                                        ClaimParser parser) {
        List<InternalRow> rows = new ArrayList<>();
        // One after another: the parser's pseudonymiser (a Mac and its cache) is one task's, not to be shared.
        Map<String, IjwFiles.Parsed> parsed = new java.util.LinkedHashMap<>();
        files.forEach((key, f) -> parsed.put(key, ijw.parse(f, parser)));
        Map<String, Map<String, long[]>> totals = new HashMap<>();
        Map<String, Declared> declared = new HashMap<>();
        Map<String, ClaimHashes.Run> hashes = new HashMap<>();
        for (String key : files.keySet()) {
            IjwFiles.Parsed one = parsed.get(key);
            String token = key + "." + run; // the entry column of its lines: its folder's, see claim
            Map<String, long[]> t = new HashMap<>();
            Declared d = Declared.NONE;
            ClaimHashes.Run hashRun = new ClaimHashes.Run();
            for (int i = 0; i < one.claims().size(); i++) {
                ClaimParser.Claim c = one.claims().get(i);
                Long hash = tally(c, t, hashRun);
                d = d.with(c);
                // Part −1: the "line" of a rejected Prestatie is its place in the message.
                GenericInternalRow r = toRow(c, hash, -1, one.positions().get(i) - 1, SCHEMA.length() + 1);
                r.update(SCHEMA.length(), UTF8String.fromString(token));
                rows.add(r);
            }
            totals.put(key, t);
            declared.put(key, d);
            hashes.put(key, hashRun);
        }
        // Written before any entry names it; one that no entry names is removed by a later run (close).
        StoragePath bundle = rows.isEmpty() ? null : dir.resolve(BUNDLE_PREFIX + UUID.randomUUID());
        if (bundle != null) {
            JavaRDD<InternalRow> parallel = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows);
            writeParquet(frame(spark, parallel, SCHEMA.add("entry", DataTypes.StringType)), bundle);
        }
        // Thousands of small entries: written side by side, the file system's latency overlapping.
        Map<String, Entry> out = new java.util.concurrent.ConcurrentHashMap<>();
        files.entrySet().parallelStream().forEach(e -> {
            try (WorkFolders.Work claimed = claim(e.getKey())) {
                try {
                    String runName = ClaimHashes.name(0, 0);
                    hashes.get(e.getKey()).write(claimed.dir().resolve(ClaimHashes.FOLDER).resolve(runName));
                    boolean hasLines = !parsed.get(e.getKey()).claims().isEmpty();
                    out.put(e.getKey(), commit(e.getValue(), claimed.dir(), Map.of(), totals.get(e.getKey()),
                            declared.get(e.getKey()), List.of(),
                            parsed.get(e.getKey()).notes(), hasLines ? bundle : null, List.of(runName)));
                } catch (RuntimeException x) {
                    Folders.deleteTree(claimed.dir());
                    throw x;
                }
            }
        });
        return out;
    }

    /**
     * Parsed rows as Parquet in {@code folder}; a full disk or quota is one line naming the cache. Columns
     * with a value per line are not worth Parquet's attempt at a dictionary (measured: a tenth of the write).
     */
    private void writeParquet(Dataset<Row> rows, StoragePath folder) {
        // Appended: an entry's folder exists, claimed before Spark writes into it.
        org.apache.spark.sql.DataFrameWriter<Row> writer = rows.write().mode("append");
        for (String unique : List.of("record", "claim_id", "claim_hash", "client_key", "raw.list.element")) {
            writer = writer.option("parquet.enable.dictionary#" + unique, "false");
        }
        // Lines this run alone reads, once: none of the codes' dictionaries either. Building them is a sixth of the
        // parse (a hash of each code's bytes), reading plain codes back costs less than that; a lasting cache is
        // read by every later run, so its codes keep their dictionaries (measured at ten million lines, BENCHMARKS.md).
        if (temporary) writer = writer.option("parquet.enable.dictionary", "false");
        // Statistics only serve filters pushed into the reader, and the only one is on reject_reason (its null
        // counts skip the row groups without rejects); the others' min/max and size statistics are work
        // (2% of the ingest's profile at 10M lines, BENCHMARKS.md) that no reader uses.
        writer = writer.option("parquet.size.statistics.enabled", "false");
        for (String column : SCHEMA.fieldNames()) {
            String path = column.equals("raw") ? "raw.list.element" : column;
            if (!column.equals("reject_reason")) writer = writer.option("parquet.column.statistics.enabled#" + path, "false");
        }
        try {
            writer.parquet(folder.uri());
        } catch (Exception e) { // Spark's own SparkException is checked, thrown without a declaration
            String full = Folders.spaceProblem(e).orElse(null);
            if (full != null) throw new InputError("cannot store parsed claims in the cache folder " + dir + ": " + full);
            throw e;
        }
    }

    /**
     * Counts a parsed record in its reason's totals (rows, amount, net amount) and, when it is valid,
     * keeps its claim id hash for the duplicate search; the hash, or null for a rejected record.
     */
    private static Long tally(ClaimParser.Claim c, Map<String, long[]> totals, ClaimHashes.Run hashes) {
        long cents = c.amountCents == null ? 0 : c.amountCents;
        add(totals, c.reason == null ? VALID : c.reason.code(), 1, cents, "C".equals(c.debitCredit) ? -cents : cents);
        if (c.reason != null) return null;
        long hash = claimHash(c.claimId);
        hashes.add(hash);
        return hash;
    }

    /**
     * Writes the parsed rows of one file to {@code work} and gives what each partition counted (see
     * {@link #counted}).
     */
    private Collection<PartitionCount> write(SparkSession spark, ClaimIngest.InputFile f, StoragePath work,
                                             java.util.function.Function<PartitionSink, JavaRDD<InternalRow>> rowsTo) {
        CollectionAccumulator<PartitionCount> counts = counts(spark);
        writeParquet(frame(spark, rowsTo.apply(new PartitionSink(counts, work.resolve(ClaimHashes.FOLDER))), SCHEMA), work);
        return counted(f, work, counts);
    }

    private static CollectionAccumulator<PartitionCount> counts(SparkSession spark) {
        return spark.sparkContext().collectionAccumulator("partition counts");
    }

    /**
     * What each partition of a file counted, once its rows are read. A file that cannot be read to its end
     * stops the run with one line naming it and the cause; what it parsed in {@code work} is removed.
     */
    private static Collection<PartitionCount> counted(ClaimIngest.InputFile f, StoragePath work,
                                                      CollectionAccumulator<PartitionCount> counts) {
        // A partition computed twice (a stage run again) reports twice, with the same counts and a run of
        // its own name each: one of them is kept.
        Map<Integer, PartitionCount> byPartition = new java.util.TreeMap<>();
        for (PartitionCount c : counts.value()) byPartition.put(c.part(), c);
        for (PartitionCount c : byPartition.values()) {
            if (c.damage() != null) {
                Folders.deleteTree(work);
                throw new InputError(f.path() + ": cannot be read to its end, the file is damaged or truncated ("
                        + c.damage() + ")");
            }
        }
        return byPartition.values();
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
                    ClaimColumns.class, Pseudonymiser.class, ParsedCache.class, Bsns.class, CsvRecords.class,
                    CsvFile.class, WorkbookSheet.class, IjwMessages.class, IjwFiles.class)) {
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
        if (closed) return;
        closed = true;
        if (temporary) {
            Folders.deleteTree(dir);
            return;
        }
        Instant cutoff = Instant.now().minus(KEEP_UNUSED);
        try {
            List<StoragePath> bundles = new ArrayList<>();
            java.util.Set<String> named = new java.util.HashSet<>();
            for (StoragePath.Status c : dir.list()) {
                String name = c.path().name();
                if (c.kind() != StoragePath.Kind.FOLDER) continue;
                if (name.startsWith(BUNDLE_PREFIX)) bundles.add(c.path());
                // Unfinished folders are removed by their lock or age, once their run has ended (see at).
                Properties p = name.startsWith(ENTRY_PREFIX) ? storedEntry(c.path()) : null;
                if (p == null) continue;
                if (!used.contains(c.path()) && lastChange(c.path().resolve(USED_FILE), c.path().resolve(ENTRY_FILE)).isBefore(cutoff)) {
                    Folders.deleteTree(c.path());
                } else if (p.getProperty("bundle") != null) {
                    named.add(p.getProperty("bundle"));
                }
            }
            // A bundle no entry names is gone for good; one younger than a day may be a running run's, its entries still to come.
            Instant young = Instant.now().minus(Duration.ofDays(1));
            for (StoragePath b : bundles) {
                if (!named.contains(b.name()) && lastChange(b).isBefore(young)) Folders.deleteTree(b);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("WARNING: could not tidy the cache folder " + dir + ": " + Folders.reason(e));
        }
    }

    /**
     * The newest change of the first of {@code places} that exists, its files included (an object
     * store keeps no time for a folder); {@link Instant#MAX} when none exists, so that it is kept.
     */
    private static Instant lastChange(StoragePath... places) throws IOException {
        for (StoragePath p : places) {
            java.util.Optional<StoragePath.Status> s = p.status();
            if (s.isEmpty()) continue;
            Instant newest = s.get().modified();
            for (StoragePath.Status below : p.walk()) {
                if (below.modified().isAfter(newest)) newest = below.modified();
            }
            return newest;
        }
        return Instant.MAX;
    }

    /**
     * The records of a CSV file: split by Hadoop into partitions of whole lines, or ({@code whole})
     * read by one task from its first byte to its last.
     */
    private static JavaRDD<InternalRow> parseCsv(JavaSparkContext jsc, ClaimIngest.InputFile f, ClaimParser parser,
                                         PartitionSink sink, CsvFile.Head head, boolean whole) {
        ClaimParser.FileLayout layout = ClaimParser.FileLayout.of(head.header(), f.name());
        StoragePath path = f.path();
        if (whole) {
            String charset = head.charset().name();
            return jsc.parallelize(List.of(0), 1).mapPartitionsWithIndex((part, ignored) -> {
                CsvFile.Lines lines = new CsvFile.Lines(path, java.nio.charset.Charset.forName(charset));
                org.apache.spark.TaskContext.get().addTaskCompletionListener(
                        (org.apache.spark.util.TaskCompletionListener) task -> closeQuietly(lines));
                return new CsvCounted(part, sink, lines, parser, layout);
            }, true);
        }
        return jsc.newAPIHadoopFile(path.uri(), TextInputFormat.class,
                        LongWritable.class, Text.class, jsc.hadoopConfiguration())
                .mapPartitionsWithIndex((part, records) -> new CsvCounted(part, sink,
                        new Iterator<String>() {
                            @Override
                            public boolean hasNext() {
                                return records.hasNext();
                            }

                            @Override
                            public String next() {
                                // Text.toString decodes through a CharsetDecoder; String's own UTF-8 decoding (the same
                                // replacement of malformed bytes) takes plain ASCII, most of a claims file, much faster.
                                Text line = records.next()._2();
                                return new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
                            }
                        }, parser, layout), true);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // read only: nothing is lost
        }
    }

    /**
     * The claims of one partition of a CSV file. Its lines are counted from the partition's first;
     * the file's first line (partition 0's) is the header.
     */
    private static final class CsvCounted extends Counted {
        private final Guarded<String> source;
        private final CsvRecords records;
        private final ClaimParser parser;
        private final ClaimParser.FileLayout layout;
        private final long header;

        CsvCounted(int part, PartitionSink sink, Iterator<String> lines, ClaimParser parser,
                   ClaimParser.FileLayout layout) {
            super(part, sink);
            this.source = new Guarded<>(lines);
            long skipped = 0;
            if (part == 0 && source.hasNext()) {
                source.next();
                skipped = 1;
            }
            this.header = skipped;
            this.records = new CsvRecords(source, layout.separator(), layout.fieldCount());
            this.parser = parser;
            this.layout = layout;
        }

        @Override
        ClaimParser.Claim nextClaim() {
            if (records.advance()) return parser.parse(records.fields(), layout);
            lines = header + records.linesRead();
            return null;
        }

        @Override
        long position() {
            return header + records.firstLine();
        }

        @Override
        String damage() {
            return source.damage();
        }

        @Override
        boolean endedOpen() {
            return records.endedOpen();
        }
    }

    /**
     * A workbook is a zip, which cannot be split: one task streams its claims sheet. A row's place is
     * its sheet row (as a row index, 0-based), so that its {@code line} is the row number Excel shows.
     */
    private static JavaRDD<InternalRow> parseWorkbook(JavaSparkContext jsc, ClaimIngest.InputFile f, ClaimParser parser,
                                              PartitionSink sink, WorkbookSheet.Head head) {
        int[] positions = ClaimColumns.resolve(head.header(), f.name());
        StoragePath path = f.path();
        String name = f.name();
        return jsc.parallelize(List.of(0), 1).mapPartitionsWithIndex((part, ignored) -> {
            WorkbookSheet sheet = WorkbookSheet.open(path, name, head);
            org.apache.spark.TaskContext.get().addTaskCompletionListener(
                    (org.apache.spark.util.TaskCompletionListener) task -> sheet.close());
            return new RowIndexed<>(part, sink, sheet, r -> r.number() - 1,
                    r -> parser.parse(WorkbookSheet.canonical(r, positions), false));
        }, true);
    }

    /** Parquet rows carry their row number, so their "line" is the 1-based row; no partition bookkeeping. */
    private static JavaRDD<InternalRow> parseParquet(SparkSession spark, ClaimIngest.InputFile f, ClaimParser parser,
                                             PartitionSink sink) {
        // Spark reads the footer in a task, whose failure it logs with stack traces: it is read here first.
        try (org.apache.parquet.hadoop.ParquetFileReader footer = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(
                        java.net.URI.create(f.path().uri())), spark.sparkContext().hadoopConfiguration()))) {
            footer.getFooter();
        } catch (Exception e) {
            throw new InputError(f.path() + ": not a readable Parquet file (its footer is missing or damaged: "
                    + "a truncated or damaged file, or not Parquet)");
        }
        Dataset<Row> df = spark.read().parquet(f.path().uri());
        int[] positions = ClaimColumns.resolve(List.of(df.columns()), f.name());
        List<Column> cols = new ArrayList<>();
        for (int p : positions) cols.add(p < 0 ? lit("") : coalesce(col(df.columns()[p]).cast("string"), lit("")));
        cols.add(col("_metadata.row_index"));
        int n = ClaimColumns.CANONICAL.size();
        return df.select(cols.toArray(Column[]::new)).javaRDD().mapPartitionsWithIndex((part, source) ->
                new RowIndexed<Row>(part, sink, source, r -> r.getLong(n), r -> {
                    String[] v = new String[n];
                    for (int i = 0; i < n; i++) v[i] = r.getString(i).strip();
                    return parser.parse(v, false);
                }), true);
    }

    /**
     * The records of a partition that are rows, each carrying its own row index (Parquet's row, a
     * sheet's row): that index is the record's place, with no line bookkeeping per partition.
     */
    private static final class RowIndexed<T> extends Counted {
        private final Guarded<T> rows;
        private final java.util.function.ToLongFunction<T> index;
        private final java.util.function.Function<T, ClaimParser.Claim> parse;
        private long rowIndex;

        RowIndexed(int part, PartitionSink sink, Iterator<T> source, java.util.function.ToLongFunction<T> index,
                   java.util.function.Function<T, ClaimParser.Claim> parse) {
            super(part, sink);
            this.rows = new Guarded<>(source);
            this.index = index;
            this.parse = parse;
        }

        @Override
        String damage() {
            return rows.damage();
        }

        @Override
        ClaimParser.Claim nextClaim() {
            if (!rows.hasNext()) return null;
            T r = rows.next();
            rowIndex = index.applyAsLong(r);
            return parse.apply(r);
        }

        @Override
        long position() {
            return rowIndex;
        }

        @Override
        int partOfRow() {
            return -1;
        }
    }

    /**
     * The parsed rows of one partition, counted per reject reason, and the claim id hashes of the
     * valid ones collected, as they pass; at its end the partition writes its hashes sorted
     * ({@link ClaimHashes}) and reports its counts.
     */
    private abstract static class Counted implements Iterator<InternalRow> {
        private final int part;
        private final PartitionSink sink;
        private final Map<String, long[]> totals = new HashMap<>();
        /** The partition's lines, header and blank lines included, once it is read (CSV). */
        long lines;
        private final ClaimHashes.Run hashes = new ClaimHashes.Run();
        private Declared declared = Declared.NONE;
        private InternalRow next;
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

        /** Why the partition's input could not be read to its end; null when it was. */
        abstract String damage();

        /** Whether the partition ended inside an open quote. */
        boolean endedOpen() {
            return false;
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            ClaimParser.Claim c = nextClaim();
            if (c == null) {
                if (!reported) {
                    String name = ClaimHashes.name(part, org.apache.spark.TaskContext.get().taskAttemptId());
                    hashes.write(sink.hashFolder().resolve(name));
                    sink.counted().add(new PartitionCount(part, lines, totals, declared, damage(), endedOpen(), name));
                }
                reported = true;
                return false;
            }
            next = toRow(c, tally(c, totals, hashes), partOfRow(), position(), SCHEMA.length());
            declared = declared.with(c);
            return true;
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) throw new NoSuchElementException();
            InternalRow r = next;
            next = null;
            return r;
        }
    }

    /**
     * The items of a file's reader until it fails: a damaged file (a truncated gzip, a broken Parquet
     * page) ends the items, and the task ends normally with the cause in {@link #damage}, so that the
     * driver reports it on one line instead of Spark failing the task with its stack traces.
     */
    static final class Guarded<T> implements Iterator<T> {
        private final Iterator<T> source;
        private T next;
        private String damage;

        Guarded(Iterator<T> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            if (damage != null) return false;
            try {
                if (source.hasNext()) next = source.next();
            } catch (Exception e) { // Scala iterators throw IOException undeclared
                if (e instanceof org.apache.spark.TaskKilledException) throw (RuntimeException) e;
                damage = describe(e);
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) throw new NoSuchElementException();
            T item = next;
            next = null;
            return item;
        }

        String damage() {
            return damage;
        }

        /**
         * A read failure in a few words: its innermost input/output error with that error's message
         * (about the bytes, never the data), else the innermost exception's type alone.
         */
        private static String describe(Throwable e) {
            Throwable io = null, innermost = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException) io = t;
                innermost = t;
            }
            if (io == null) return innermost.getClass().getSimpleName();
            return io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage());
        }
    }

    /**
     * A parsed line as Spark's own row, {@code width} columns wide ({@link #SCHEMA}'s first, any more
     * left for the caller): built from a {@code Row}, every line went through Spark's generic converter
     * (15% of the ingest's profile at 10M lines, BENCHMARKS.md).
     */
    private static GenericInternalRow toRow(ClaimParser.Claim c, Long claimHash, int part, long record, int width) {
        boolean ok = c.reason == null;
        Object[] v = new Object[width];
        v[0] = part;
        v[1] = record;
        v[2] = ok ? null : UTF8String.fromString(c.reason.code());
        v[3] = UTF8String.fromString(c.detail);
        v[4] = UTF8String.fromString(c.claimId);
        v[5] = claimHash;
        v[6] = c.hasClient ? c.clientKey : null;
        v[7] = c.birthYear;
        v[8] = UTF8String.fromString(c.municipalityCode);
        v[9] = UTF8String.fromString(c.productCategory);
        v[10] = UTF8String.fromString(c.productCode);
        v[11] = UTF8String.fromString(c.productGroup);
        v[12] = UTF8String.fromString(c.provision);
        v[13] = UTF8String.fromString(c.providerCode);
        v[14] = UTF8String.fromString(c.referrer);
        v[15] = ok ? c.startDay : null;
        v[16] = ok ? c.endDay : null;
        v[17] = ok ? c.volume : null;
        v[18] = UTF8String.fromString(c.unit);
        v[19] = c.amountCents;
        v[20] = UTF8String.fromString(c.debitCredit);
        v[21] = ok ? c.declarationDay : null;
        v[22] = c.raw == null ? null : new GenericArrayData(java.util.Arrays.stream(c.raw).map(UTF8String::fromString).toArray());
        return new GenericInternalRow(v);
    }

    /** Spark's rows as a Dataset of {@code schema}, without the per-row conversion of {@code createDataFrame}. */
    private static Dataset<Row> frame(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), schema, false);
    }

    /** A 64-bit hash of a claim id (FNV-1a, then a SplitMix64 finaliser); collisions are resolved by the exact id. */
    static long claimHash(String claimId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < claimId.length(); i++) h = (h ^ claimId.charAt(i)) * 0x100000001b3L;
        return Hash64.mix(h);
    }
}
