package nl.voorkant.nowcast;

import static org.apache.spark.sql.functions.*;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.voorkant.core.Folders;
import nl.voorkant.core.StoragePath;
import nl.voorkant.flow.model.MonthActivity;
import nl.voorkant.ingest.ParsedCache;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * For claims without declaration dates: how complete the newest months are, learned from earlier
 * extracts of the same claims files that runs on the same parsed-claims cache have seen.
 *
 * <p>Every run without declaration dates keeps a record of its extract in the cache's {@value #FOLDER}
 * folder: its extract month (the run's, as the nowcast counts ages from it: {@code --extract-date}, else
 * the last care month of all its files, since a file of an older year carries no date of its own) and per
 * claims file its name, SHA-256, parsed entry and, per product group and care month, the net cents and
 * the clients (net volume above zero) of its valid lines. A record is one small file, written whole
 * under a hidden name and then renamed, so that it counts whole or not at all, as the cache's entries
 * do; it outlives the entries' parsed lines (removed after 30 days unused), since an extract teaches
 * the youngest ages only once its months are old.
 *
 * <p>An earlier extract is a record whose extract month is before this run's and that holds a file of
 * the same name as one of this run's with other content (an earlier version of the same claims). Each
 * version of a file counts once, at the earliest extract that held it. For each age a (months before
 * the extract month) the completeness q(a) is what the earlier extracts held of their months at age a
 * against what this run's files hold of the same months, completed by this run's own completeness at
 * their (greater) age here: q(a) = Σ C_earlier(m) / Σ C_now(m) / q(age of m now), from the oldest age
 * down, so an extract of last month teaches every age as a chain of one-month steps and an older one
 * compares with months complete by now. An age no extract shows adds nothing (factor 1, as the
 * chain-ladder takes a step no origin is old enough for); the profile never falls with age, and a
 * share that rounds to 100.0% is complete. A product group is learned only when the extracts show it
 * at every age the default profile calls incomplete ({@link DelayPatterns#ASSUMED}); else it keeps the
 * default, stated as an assumption.
 */
public final class EarlierExtracts {
    private EarlierExtracts() {}

    public static final String FOLDER = "extracts";
    private static final String PREFIX = "extract-";
    private static final String SUFFIX = ".properties";
    /** A learned share that rounds to 100.0% is complete. */
    static final double COMPLETE_FROM = 0.9995;
    static final int COST = 0, CLIENTS = 1;

    /** Where earlier extracts are kept (a parsed-claims cache), and this run's parsed files. */
    public record Store(SparkSession spark, StoragePath cache, List<ParsedCache.Entry> entries) {}

    /** One claims file as an extract held it: per product group and care month, {net cents, clients}. */
    record FileMonths(String name, String sha256, String entry, Map<String, Map<YearMonth, long[]>> groups) {}

    /** One run's extract: its extract month and its claims files. */
    record Extract(YearMonth month, List<FileMonths> files) {}

    /**
     * Per product group learned, the completeness by age ({@link #COST}, {@link #CLIENTS}); the months of
     * the earlier extracts compared and the names of their files compared; the groups they showed too little of.
     */
    record Learned(Map<String, double[][]> groups, List<YearMonth> from, Set<String> files, Set<String> tooFew) {}

    /**
     * This run's extract kept in the cache, and the profile learned from the earlier ones there; null
     * when there is no earlier extract of this run's files.
     */
    static Learned learnAndKeep(Store store, YearMonth extractMonth) {
        List<Extract> stored = stored(store.cache());
        Extract now = current(store, extractMonth, stored);
        keep(store.cache(), now);
        return learn(now, stored);
    }

    /** The profile learned from {@code stored}'s earlier extracts of {@code now}'s files; null without one. */
    static Learned learn(Extract now, List<Extract> stored) {
        Map<String, FileMonths> byName = new HashMap<>();
        for (FileMonths f : now.files()) byName.put(f.name(), f);
        List<Extract> earlier = stored.stream().filter(e -> e.month().isBefore(now.month()) && e.files().stream()
                .anyMatch(f -> byName.containsKey(f.name()) && !byName.get(f.name()).sha256().equals(f.sha256())))
                .sorted(Comparator.comparing(Extract::month)).toList();
        if (earlier.isEmpty()) return null;
        // Each version of a file once, at the earliest extract that held it; paired with this run's file.
        Map<List<String>, Pair> versions = new LinkedHashMap<>();
        for (Extract e : earlier) {
            for (FileMonths f : e.files()) {
                FileMonths current = byName.get(f.name());
                if (current != null) versions.putIfAbsent(List.of(f.name(), f.sha256()), new Pair(e.month(), f, current));
            }
        }
        Set<String> groups = new TreeSet<>();
        for (Pair p : versions.values()) groups.addAll(p.now().groups().keySet());
        Map<String, double[][]> learned = new TreeMap<>();
        Set<String> tooFew = new TreeSet<>();
        for (String g : groups) {
            double[][] q = new double[2][DelayTriangle.WIDTH];
            boolean[] shown = new boolean[DelayTriangle.WIDTH];
            q[COST][DelayTriangle.WIDTH - 1] = q[CLIENTS][DelayTriangle.WIDTH - 1] = 1;
            for (int a = DelayTriangle.WIDTH - 2; a >= 0; a--) {
                double[] held = new double[2], finals = new double[2];
                for (Pair p : versions.values()) {
                    YearMonth m = p.month().minusMonths(a);
                    long[] later = p.now().groups().getOrDefault(g, Map.of()).get(m);
                    if (later == null) continue;
                    long[] then = p.then().groups().getOrDefault(g, Map.of()).getOrDefault(m, new long[2]);
                    int ageNow = (int) Math.min(DelayTriangle.WIDTH - 1, DelayTriangle.months(m, now.month()));
                    for (int x : new int[] {COST, CLIENTS}) {
                        if (later[x] <= 0 || q[x][ageNow] <= 0) continue;
                        held[x] += then[x];
                        finals[x] += later[x] / q[x][ageNow];
                        if (x == COST) shown[a] = true;
                    }
                }
                for (int x : new int[] {COST, CLIENTS}) {
                    double share = finals[x] > 0 ? Math.max(0, held[x] / finals[x]) : 1;
                    q[x][a] = Math.min(q[x][a + 1], share >= COMPLETE_FROM ? 1 : share);
                }
            }
            boolean enough = true;
            for (int a = 0; a < DelayPatterns.ASSUMED.length; a++) enough &= shown[a];
            if (enough) learned.put(g, q);
            else tooFew.add(g);
        }
        Set<YearMonth> from = new TreeSet<>();
        Set<String> files = new TreeSet<>();
        for (Pair p : versions.values()) {
            from.add(p.month());
            files.add(p.then().name());
        }
        return new Learned(learned, List.copyOf(from), files, tooFew);
    }

    /** An earlier version of a file, the month of the extract that first held it, and this run's version. */
    private record Pair(YearMonth month, FileMonths then, FileMonths now) {}

    /**
     * This run's extract: its files' months, taken from an earlier record of the same parsed entry where
     * there is one (an unchanged file is not read again), the others from their parsed lines in one job.
     */
    static Extract current(Store store, YearMonth extractMonth, List<Extract> stored) {
        Map<String, FileMonths> known = new HashMap<>();
        for (Extract e : stored) for (FileMonths f : e.files()) known.putIfAbsent(f.entry(), f);
        Map<Integer, FileMonths> files = new TreeMap<>();
        List<ParsedCache.Entry> toRead = new ArrayList<>();
        for (ParsedCache.Entry e : store.entries()) {
            if (e.file().ijw()) continue; // iJw lines always carry their declaration date
            FileMonths k = known.get(e.dir().name());
            if (k != null) files.put(e.file().index(), new FileMonths(e.file().name(), e.file().sha256(), k.entry(), k.groups()));
            else toRead.add(e);
        }
        if (!toRead.isEmpty()) files.putAll(months(store.spark(), toRead));
        return new Extract(extractMonth, List.copyOf(files.values()));
    }

    private static final StructType PART = new StructType().add("file", DataTypes.IntegerType, false)
            .add("g", DataTypes.StringType).add("k", DataTypes.LongType, false).add("m", DataTypes.IntegerType, false)
            .add("v", DataTypes.DoubleType, false).add("c", DataTypes.LongType, false);

    /** Per file, product group and care month the net cents and clients of the valid lines, by the flow tables' split. */
    private static Map<Integer, FileMonths> months(SparkSession spark, List<ParsedCache.Entry> entries) {
        Dataset<Row> valid = ParsedCache.lines(spark, entries).filter(col("reject_reason").isNull())
                .select(col("file"), col("product_group"), col("client_key"), col("start_day"), col("end_day"), col("volume"),
                        col("amount_cents"), col("debit_credit"));
        FlatMapFunction<Row, Row> parts = r -> {
            MonthActivity.Line line = new MonthActivity.Line(null, r.getString(1), null, null, 0, r.getInt(3), r.getInt(4),
                    r.getDouble(5), r.getLong(6), "C".equals(r.getString(7)));
            List<Row> out = new ArrayList<>();
            MonthActivity.spread(line, (month, volume, cents) ->
                    out.add(RowFactory.create(r.getInt(0), line.group(), r.getLong(2), month, volume, cents)));
            return out.iterator();
        };
        List<Row> rows = valid.flatMap(parts, Encoders.row(PART))
                .groupBy("file", "g", "k", "m").agg(sum("v").as("v"), sum("c").as("c"))
                .groupBy("file", "g", "m").agg(sum("c"), count(when(col("v").gt(MonthActivity.ACTIVE_EPSILON), 1)))
                .collectAsList();
        Map<Integer, Map<String, Map<YearMonth, long[]>>> byFile = new HashMap<>();
        for (Row r : rows) {
            int m = r.getInt(2);
            byFile.computeIfAbsent(r.getInt(0), f -> new TreeMap<>()).computeIfAbsent(r.getString(1), g -> new TreeMap<>())
                    .put(YearMonth.of(Math.floorDiv(m, 12), Math.floorMod(m, 12) + 1), new long[] {r.getLong(3), r.getLong(4)});
        }
        Map<Integer, FileMonths> out = new HashMap<>();
        for (ParsedCache.Entry e : entries) {
            out.put(e.file().index(), new FileMonths(e.file().name(), e.file().sha256(), e.dir().name(),
                    byFile.getOrDefault(e.file().index(), Map.of())));
        }
        return out;
    }

    /** The records in the cache, oldest extract first; an unreadable one is passed over. */
    static List<Extract> stored(StoragePath cache) {
        StoragePath folder = cache.resolve(FOLDER);
        List<Extract> out = new ArrayList<>();
        try {
            if (!folder.isDirectory()) return out;
            for (StoragePath.Status s : folder.list()) {
                String name = s.path().name();
                if (s.kind() != StoragePath.Kind.FILE || !name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
                Properties p = new Properties();
                try (Reader r = new InputStreamReader(s.path().open(), StandardCharsets.UTF_8)) {
                    p.load(r);
                    out.add(fromProperties(p));
                } catch (IOException | RuntimeException e) {
                    // damaged or from another voorkant: not an extract to learn from
                }
            }
        } catch (IOException e) {
            System.err.println("WARNING: could not read the earlier extracts in " + folder + ": " + Folders.reason(e));
        }
        out.sort(Comparator.comparing(Extract::month));
        return out;
    }

    /** Keeps {@code e} in the cache, unless a record of the same extract month and files is there. */
    static void keep(StoragePath cache, Extract e) {
        StoragePath folder = cache.resolve(FOLDER);
        StoragePath target = folder.resolve(PREFIX + e.month() + "-" + digest(e) + SUFFIX);
        try {
            if (target.exists()) return;
            folder.mkdirs();
            StoragePath written = folder.resolve("." + target.name() + "-" + UUID.randomUUID());
            try (Writer w = new OutputStreamWriter(written.create(), StandardCharsets.UTF_8)) {
                toProperties(e).store(w, "voorkant: one extract's claims per file, product group and care month");
            }
            written.moveTo(target);
        } catch (IOException x) {
            System.err.println("WARNING: could not keep this extract in " + folder + ": " + Folders.reason(x));
        }
    }

    private static String digest(Extract e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            e.files().stream().map(f -> f.name() + "\n" + f.sha256() + "\n").sorted()
                    .forEach(s -> md.update(s.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    static Properties toProperties(Extract e) {
        Properties p = new Properties();
        p.setProperty("extract_month", e.month().toString());
        p.setProperty("files", Integer.toString(e.files().size()));
        for (int i = 0; i < e.files().size(); i++) {
            FileMonths f = e.files().get(i);
            String key = "file." + i + ".";
            p.setProperty(key + "name", f.name());
            p.setProperty(key + "sha256", f.sha256());
            p.setProperty(key + "entry", f.entry());
            f.groups().forEach((g, months) -> {
                StringBuilder s = new StringBuilder();
                months.forEach((m, v) -> s.append(s.length() == 0 ? "" : ",").append(m).append(':').append(v[COST])
                        .append(':').append(v[CLIENTS]));
                p.setProperty(key + "group." + g, s.toString());
            });
        }
        return p;
    }

    static Extract fromProperties(Properties p) {
        int n = Integer.parseInt(p.getProperty("files"));
        List<FileMonths> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "file." + i + ".";
            Map<String, Map<YearMonth, long[]>> groups = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (!name.startsWith(key + "group.")) continue;
                Map<YearMonth, long[]> months = new TreeMap<>();
                for (String item : p.getProperty(name).split(",")) {
                    if (item.isEmpty()) continue;
                    String[] v = item.split(":");
                    months.put(YearMonth.parse(v[0]), new long[] {Long.parseLong(v[1]), Long.parseLong(v[2])});
                }
                groups.put(name.substring((key + "group.").length()), months);
            }
            files.add(new FileMonths(required(p, key + "name"), required(p, key + "sha256"), required(p, key + "entry"), groups));
        }
        return new Extract(YearMonth.parse(required(p, "extract_month")), files);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new UncheckedIOException(new IOException("no " + key));
        return v;
    }
}
