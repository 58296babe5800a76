package nl.voorkant.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.voorkant.core.Folders;
import nl.voorkant.core.Progress;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.InputError;
import nl.voorkant.ingest.ParsedCache;
import nl.voorkant.ingest.Pseudonymiser;
import nl.voorkant.ingest.Reference;
import nl.voorkant.ingest.SparkSessions;
import nl.voorkant.sample.SampleGenerator;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./run.sh bench}: times ingestion + flow metrics, the whole analyse, and the DuckDB peer
 * on the same generated claims. Each measured run is a child process, so its wall time and peak
 * memory (the kernel's high-water mark of resident memory) are its own.
 */
final class BenchCommand {
    private BenchCommand() {}

    /**
     * The two shapes of claims measured. Yearly: five files of 2016-2020, as the shipped sample. National:
     * one file of ten years 2016-2025, as a national extract arrives (issue 20).
     */
    enum Shape {
        YEARLY("", 2016, 2020, false, new double[][] {{62, 16_515}, {616, 19_835}}),
        NATIONAL("national-", 2016, 2025, true, new double[][] {{26, 39_424}, {204, 53_519}});

        final String folderPrefix;
        final int firstYear;
        final int lastYear;
        final boolean singleFile;
        /**
         * Claim lines per municipality the generator writes in this shape (no defects), measured at two
         * municipality counts: synthetic municipalities are larger than the four real ones, so the mean
         * grows with their number; in between it is interpolated.
         */
        final double[][] linesPerMunicipality;

        Shape(String folderPrefix, int firstYear, int lastYear, boolean singleFile, double[][] linesPerMunicipality) {
            this.folderPrefix = folderPrefix;
            this.firstYear = firstYear;
            this.lastYear = lastYear;
            this.singleFile = singleFile;
            this.linesPerMunicipality = linesPerMunicipality;
        }

        /** The generator's scale (municipalities ÷ 4) that writes about {@code lines} claim lines. */
        double scaleFor(long lines) {
            double m0 = linesPerMunicipality[0][0], l0 = linesPerMunicipality[0][1];
            double slope = (linesPerMunicipality[1][1] - l0) / (linesPerMunicipality[1][0] - m0);
            // lines = m · (l0 + slope · (m − m0)), solved for the number of municipalities m
            double b = l0 - slope * m0;
            double m = (-b + Math.sqrt(b * b + 4 * slope * lines)) / (2 * slope);
            return Math.max(1, m) / 4;
        }

        SampleGenerator.Options generatorOptions(long lines) {
            return SampleGenerator.Options.defaults().withScale(scaleFor(lines)).withYears(firstYear, lastYear)
                    .withGzip(false).withDefects(false).withSingleFile(singleFile);
        }

        String label() {
            return singleFile ? "one file, " + firstYear + "-" + lastYear : "yearly files, " + firstYear + "-" + lastYear;
        }
    }

    record Measurement(String stage, double seconds, long peakKb) {}

    /**
     * The key every measured run of this bench pseudonymises with: one throwaway random key, so that the
     * second run finds the first one's parsed files, no run leaves an installation key behind, and no
     * known key exists that could pseudonymise real claims.
     */
    private static final String RUN_KEY = Pseudonymiser.randomKeyText();

    static int run(List<String> args) {
        Options o = new Options("bench")
                .value("lines", "about how many claim lines to generate (default 1000000)")
                .value("format", "csv (default) or parquet")
                .value("shape", "yearly (five files, 2016-2020), national (one file, 2016-2025) or both (default)")
                .value("data", "folder for generated data of one shape, reused when present (default "
                        + "bench-data/<lines> and bench-data/national-<lines>)")
                .value("peer", "folder of the DuckDB peer (default ../shared/bench)")
                .flag("skip-analyse", "time only ingestion + flow metrics and the peer");
        if (!o.parse(args, "[OPTIONS]")) return 0;
        int lines = o.intValue("lines", 1_000_000, 10_000, 2_000_000_000);
        String format = o.choice("format", "csv", "csv", "parquet");
        String shapes = o.choice("shape", "both", "yearly", "national", "both");
        if (o.has("data") && shapes.equals("both")) throw new InputError("bench: --data needs --shape yearly or national");
        Path peerDir = Path.of(o.get("peer", "../shared/bench"));
        try {
            for (Shape shape : Shape.values()) {
                if (!shapes.equals("both") && !shapes.equals(shape.name().toLowerCase(Locale.ROOT))) continue;
                Path data = Path.of(o.get("data", "bench-data/" + shape.folderPrefix + lines));
                measure(shape, lines, format, data, peerDir, !o.has("skip-analyse"));
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One shape: voorkant's runs and the peer's on the same files, one after another, and their table. */
    private static void measure(Shape shape, int lines, String format, Path data, Path peerDir, boolean analyse)
            throws IOException {
        Path claimsCsv = data.resolve("claims");
        Path reference = data.resolve("reference");
        if (!Files.isDirectory(claimsCsv) || !Files.isDirectory(reference)) {
            System.out.printf(Locale.ROOT, "[bench] generating about %,d lines (%s) into %s%n", lines, shape.label(), data);
            SampleGenerator.generate(shape.generatorOptions(lines), data);
        }
        Path claims = format.equals("csv") ? claimsCsv : parquet(claimsCsv, data.resolve("claims-parquet"));
        long rows = countLines(claimsCsv);
        List<Measurement> results = new ArrayList<>();
        // The first run parses every file into an empty cache; the second finds them all parsed,
        // as a periodic re-run finds all but the newest month.
        Path cache = Files.createTempDirectory("voorkant-bench-cache-");
        List<String> flow = javaCommand("bench-flow", "--claims", claims.toString(), "--reference",
                reference.toString(), "--cache", cache.toString());
        results.add(child("ingest + flow (voorkant)", flow));
        results.add(child("  again, parsed files cached", flow));
        // As a whole analyse runs it here: the parse is the flow's shuffle by client, nothing stored.
        results.add(child("  nothing kept (--no-cache)", javaCommand("bench-flow", "--claims", claims.toString(),
                "--reference", reference.toString(), "--no-cache")));
        if (analyse) {
            Path out = Files.createTempDirectory("voorkant-bench-");
            results.add(child("whole analyse with outputs", javaCommand("analyse", "--claims", claims.toString(),
                    "--reference", reference.toString(), "--out", out.resolve("report").toString(), "--no-cache")));
            Folders.deleteTree(out);
        }
        Folders.deleteTree(cache);
        Measurement peer = peer(peerDir, claimsCsv, reference);
        if (peer != null) results.add(peer);
        print(shape, rows, format, results);
    }

    /** The hidden child command: ingestion and flow metrics only, no outputs. */
    static int flowOnly(List<String> args) {
        Options o = new Options("bench-flow").value("claims", "claims").value("reference", "reference")
                .value("cache", "cache folder").flag("no-cache", "no cache");
        if (!o.parse(args, "--claims PATH --reference DIR --cache DIR")) return 0;
        Reference reference = Reference.load(o.existingPath("reference", null));
        SparkSession spark = SparkSessions.create("local[*]", "voorkant bench");
        try (ParsedCache cache = AnalyseCommand.cache(o, nl.voorkant.core.StoragePath.of(Path.of(System.getProperty("java.io.tmpdir"))))) {
            Progress progress = new Progress(System.out);
            progress.stage("ingest", "");
            ClaimParser parser = new ClaimParser(reference, AnalyseCommand.DEFAULT_WINDOW_START,
                    AnalyseCommand.window(null)[1], Pseudonymiser.fromEnvironment(null));
            ClaimIngest.Result r = ClaimIngest.ingest(spark, ClaimIngest.listInputs(o.existingStorage("claims", null)), parser,
                    cache);
            progress.stage("flow", r.summary().rowsAccepted() + " lines accepted");
            FlowMetrics.Result flow = FlowMetrics.compute(r.accepted(), r.byClient(), reference, 1, Placements.Plan.MEMO);
            progress.finish();
            progress.say("flow: " + flow.tables().get(FlowYear.SCHEMA.name()).size() + " yearly rows; " + progress.stageSeconds());
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static Path parquet(Path csv, Path target) {
        if (Files.isDirectory(target)) return target;
        System.out.println("[bench] converting the CSV claims to Parquet in " + target);
        SparkSession spark = SparkSessions.create("local[*]", "voorkant bench convert");
        try {
            spark.read().option("header", "true").csv(csv.toString()).write().parquet(target.toString());
            return target;
        } finally {
            spark.stop();
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Measurement peer(Path peerDir, Path claims, Path reference) throws IOException {
        if (!Files.isRegularFile(peerDir.resolve("peer-duckdb.mjs"))) {
            System.out.println("[bench] no DuckDB peer at " + peerDir + ": skipped");
            return null;
        }
        // The shared folder is read-only: install the peer's one dependency in a copy under target/.
        Path copy = Path.of("target/peer");
        Files.createDirectories(copy);
        for (String f : List.of("flow.sql", "peer-duckdb.mjs", "package.json")) {
            Files.copy(peerDir.resolve(f), copy.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(copy.resolve("node_modules/@duckdb"))) {
            Measurement install = child("npm install (peer setup)", List.of("npm", "install", "--silent", "--prefix",
                    copy.toString()));
            if (install == null) return null;
        }
        return child("ingest + flow (DuckDB peer)", List.of("node", copy.resolve("peer-duckdb.mjs").toString(),
                claims.toAbsolutePath().toString(), reference.toAbsolutePath().toString()));
    }

    /** Runs a command, echoing its output, sampling its resident-memory high-water mark until it ends. */
    static Measurement child(String stage, List<String> cmd) {
        System.out.println("[bench] " + stage);
        try {
            long t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put(Pseudonymiser.KEY_ENV, RUN_KEY);
            Process p = pb.start();
            long peak = 0;
            Path status = Path.of("/proc/" + p.pid() + "/status");
            while (p.isAlive()) {
                peak = Math.max(peak, highWaterMarkKb(status));
                Thread.sleep(100);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) throw new InputError("bench: '" + stage + "' failed with exit code " + p.exitValue());
            return new Measurement(stage, secs, peak);
        } catch (IOException e) {
            System.out.println("[bench] cannot run " + cmd.get(0) + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // the process ended between the check and the read
        }
        return 0;
    }

    private static long countLines(Path claims) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(claims)) {
            for (Path f : files.toList()) {
                try (Stream<String> l = Files.lines(f)) {
                    n += l.count() - 1;
                }
            }
        }
        return n;
    }

    private static void print(Shape shape, long rows, String format, List<Measurement> results) {
        Measurement peer = results.stream().filter(m -> m.stage().contains("DuckDB")).findFirst().orElse(null);
        System.out.printf(Locale.ROOT, "%n%,d claim lines (%s, %s), %d cores%n", rows, format, shape.label(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-30s %9s %14s %12s %12s%n", "stage", "wall s", "lines/s", "peak MB", "÷ DuckDB");
        for (Measurement m : results) {
            String ratio = peer == null || m == peer ? "" : String.format(Locale.ROOT, "%.1f×", m.seconds() / peer.seconds());
            System.out.printf(Locale.ROOT, "%-30s %9.1f %,14.0f %12.0f %12s%n", m.stage(), m.seconds(),
                    rows / m.seconds(), m.peakKb() / 1024.0, ratio);
        }
    }
}
