package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.voorkant.nowcast.EarlierExtracts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code analyse --master spark://…} on a real Spark standalone cluster: a master and a worker started here as
 * child JVMs on 127.0.0.1, whose classpath has Spark's jars but not voorkant's classes, so the run only works
 * when SparkSessions ships them. Two one-core executors must produce exactly the tables of a local run, also
 * when one of them is killed in the middle of the job, and also with claims, reference, cache and report on
 * HDFS (an in-process MiniDFSCluster at Spark's own Hadoop version), where no folder is shared by the driver and
 * the executors but the store. One cluster, one HDFS and one local reference serve every test.
 */
class StandaloneClusterIT {
    /** The shipped sample, five years: every stage of the job. */
    static final String CLAIMS = "data/claims";
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    /** Logs, work folders and outputs of every process, kept after the run for a look when a test fails. */
    static final Path tmp = Path.of("target/cluster-it").toAbsolutePath();
    static final List<Process> started = new ArrayList<>();
    static String masterUrl;
    static Path workDir;
    static Process local;
    static Map<String, List<String>> localTables;
    static org.apache.hadoop.hdfs.MiniDFSCluster hdfs;
    /** hdfs://127.0.0.1:PORT, holding the sample in /sample. */
    static String hdfsUri;

    @BeforeAll
    static void startClusterAndAnalyseLocally() throws Exception {
        if (Files.exists(tmp)) {
            try (Stream<Path> old = Files.walk(tmp)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Path sparkHome = tmp.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        workDir = Files.createDirectories(tmp.resolve("work"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        masterUrl = "spark://127.0.0.1:" + port;
        Process master = start(tmp.resolve("master.log"), List.of("-Dspark.master.rest.enabled=false",
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", "0"), sparkJars(), Map.of());
        Process worker = start(tmp.resolve("worker.log"), List.of("org.apache.spark.deploy.worker.Worker", masterUrl,
                "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", "0",
                "--work-dir", workDir.toString()), sparkJars(),
                // The worker builds each executor's command from a Spark distribution: SPARK_HOME/jars (empty
                // here) plus SPARK_DIST_CLASSPATH.
                Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
                        "SPARK_DIST_CLASSPATH", sparkJars()));
        // The local reference runs while the worker registers and the first cluster run starts: much of a
        // small Spark job is waiting, so the two overlap well even on two cores.
        local = analyse("local[2]", tmp.resolve("local"));
        hdfs = startHdfs();
        awaitTrue("the worker registering with the master", Duration.ofMinutes(2),
                () -> read(tmp.resolve("worker.log")).contains("Successfully registered with master"),
                master, worker);
    }

    static synchronized Map<String, List<String>> localTables() throws Exception {
        if (localTables == null) {
            finish(local, "local analyse");
            localTables = csvTables(tmp.resolve("local/tables"));
            assertTrue(localTables.containsKey("flow_year.csv"), "the local run wrote its tables: " + localTables.keySet());
        }
        return localTables;
    }

    @AfterAll
    static void stopEverything() {
        for (Process p : started) killTree(p.toHandle());
        if (hdfs != null) hdfs.shutdown();
    }

    /** A one-datanode HDFS in this JVM, with the shipped sample's claims and reference copied in. */
    static org.apache.hadoop.hdfs.MiniDFSCluster startHdfs() throws IOException {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        conf.set(org.apache.hadoop.hdfs.MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        org.apache.hadoop.hdfs.MiniDFSCluster cluster = new org.apache.hadoop.hdfs.MiniDFSCluster.Builder(conf)
                .numDataNodes(1).build();
        cluster.waitActive();
        hdfsUri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        org.apache.hadoop.fs.FileSystem fs = cluster.getFileSystem();
        for (String folder : List.of(CLAIMS, "data/reference")) {
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Path.of(folder).toAbsolutePath().toUri()),
                    new org.apache.hadoop.fs.Path("/sample/" + Path.of(folder).getFileName()));
        }
        return cluster;
    }

    @Test
    void twoOneCoreExecutorsGiveTheLocalTables() throws Exception {
        Path out = tmp.resolve("cluster");
        Process driver = analyse(masterUrl, out);
        finish(driver, "cluster analyse");
        assertEquals(localTables(), csvTables(out.resolve("tables")));
        assertEquals(2, executorDirs(appIdOf(out).orElseThrow()).size(), "two executors ran");
    }

    @Test
    void losingAnExecutorMidRunChangesNothing() throws Exception {
        Path out = tmp.resolve("cluster-fault");
        Process driver = analyse(masterUrl, out);
        try {
            String appId = awaitValue("the application id", Duration.ofMinutes(2), () -> appIdOf(out), driver);
            // Killed once it has finished a task of its own, so that work (cached and shuffle blocks) is lost with it.
            ProcessHandle victim = awaitValue("an executor that did some work", Duration.ofMinutes(3),
                    () -> executors(appId).filter(e -> read(stderrOf(e)).contains("Finished task")).findFirst(), driver);
            Path killed = stderrOf(victim).getParent();
            victim.destroyForcibly();
            victim.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(driver.isAlive(), "the executor died in the middle of the run");
            finish(driver, "cluster analyse with a killed executor");
            assertEquals(localTables(), csvTables(out.resolve("tables")));
            List<Path> dirs = executorDirs(appId);
            assertTrue(dirs.size() >= 3 && dirs.contains(killed), "the worker replaced executor " + killed + ": " + dirs);
        } finally {
            killTree(driver.toHandle());
        }
    }

    /**
     * Claims, reference, cache and report on HDFS: a run on the cluster, whose executors parse the claims
     * into the cache there, then a run in local mode that finds every file in that cache and, without
     * --out, writes reports/<timestamp> with the pointer file latest.txt (HDFS has no symbolic links).
     * Both give the local run's tables, in report folders marked as voorkant's.
     */
    @Test
    void withEverythingOnHdfsTheClusterAndThenLocalModeOnItsCacheGiveTheLocalTables() throws Exception {
        String cache = hdfsUri + "/cache";
        Path clusterLog = tmp.resolve("hdfs-cluster.log"), localLog = tmp.resolve("hdfs-local.log");
        finish(analyse(masterUrl, clusterLog, hdfsIo(cache, "--out", hdfsUri + "/out/cluster")), "cluster analyse on HDFS");
        finish(analyse("local[2]", localLog, hdfsIo(cache, "--reports", hdfsUri + "/reports")), "local analyse on HDFS");
        assertTrue(read(clusterLog).contains("5 of 5 file(s) parsed this run"), "the cluster run parses the claims");
        assertTrue(read(localLog).contains("0 of 5 file(s) parsed this run, 5 from the cache"),
                "the local-mode run takes them from the cache on HDFS");
        org.apache.hadoop.fs.FileSystem fs = hdfs.getFileSystem();
        String latest;
        try (var in = fs.open(new org.apache.hadoop.fs.Path("/reports/latest.txt"))) {
            latest = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertTrue(latest.matches("\\d{8}-\\d{6}"), "latest.txt names the run's folder: " + latest);
        for (String report : List.of("/out/cluster", "/reports/" + latest)) {
            assertTrue(fs.isFile(new org.apache.hadoop.fs.Path(report + "/" + OutputFolder.MARKER)), report + ": marked");
            Path copy = tmp.resolve("hdfs-tables" + report.replace('/', '-'));
            fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(report + "/tables"),
                    new org.apache.hadoop.fs.Path(copy.toUri()), true);
            assertEquals(localTables(), csvTables(copy), report + " on HDFS");
        }
        for (org.apache.hadoop.fs.FileStatus entry : fs.listStatus(new org.apache.hadoop.fs.Path("/cache"))) {
            if (entry.getPath().getName().equals(EarlierExtracts.FOLDER)) continue;
            assertTrue(fs.isFile(new org.apache.hadoop.fs.Path(entry.getPath(), "_entry.properties")),
                    "every entry in the cache committed: " + entry.getPath());
        }
        // The sample has no declaration dates: each run keeps its extract's record beside the entries, renamed into place.
        org.apache.hadoop.fs.FileStatus[] records = fs.listStatus(new org.apache.hadoop.fs.Path("/cache/" + EarlierExtracts.FOLDER));
        assertEquals(1, records.length, "one record of the sample's one extract, however many runs read it");
        assertTrue(records[0].getPath().getName().matches("extract-2020-12-.*\\.properties"), records[0].getPath().getName());
    }

    /** analyse's options for HDFS: the sample there, the cache, and where the report goes. */
    static List<String> hdfsIo(String cache, String outOption, String out) {
        return List.of("--claims", hdfsUri + "/sample/claims", "--reference", hdfsUri + "/sample/reference",
                "--cache", cache, outOption, out);
    }

    /** Every CSV table of a run, its data lines sorted after the header (Spark does not promise an order). */
    static Map<String, List<String>> csvTables(Path tables) throws IOException {
        Map<String, List<String>> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(tables)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                List<String> sorted = new ArrayList<>(lines.subList(0, Math.min(1, lines.size())));
                sorted.addAll(lines.subList(Math.min(1, lines.size()), lines.size()).stream().sorted().toList());
                result.put(tables.relativize(f).toString(), sorted);
            }
        }
        return result;
    }

    /** The application's live executors: descendants of the worker running CoarseGrainedExecutorBackend. */
    static Stream<ProcessHandle> executors(String appId) {
        return started.stream().flatMap(Process::descendants).filter(ProcessHandle::isAlive).filter(h -> {
            List<String> args = arguments(h);
            return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend") && args.contains(appId);
        });
    }

    /**
     * A process's command line. ProcessHandle.Info gives up on lines over 4 KB, and an executor's classpath
     * alone is longer, so on Linux it is read from /proc.
     */
    static List<String> arguments(ProcessHandle h) {
        try {
            Path cmdline = Path.of("/proc", String.valueOf(h.pid()), "cmdline");
            if (Files.exists(cmdline)) return List.of(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            // the process has just ended
        }
        return List.of(h.info().arguments().orElse(new String[0]));
    }

    /** An executor's log, work/APP/ID/stderr, from the --app-id and --executor-id of its command line. */
    static Path stderrOf(ProcessHandle executor) {
        List<String> args = arguments(executor);
        return workDir.resolve(args.get(args.indexOf("--app-id") + 1))
                .resolve(args.get(args.indexOf("--executor-id") + 1)).resolve("stderr");
    }

    /** The application id, once the driver's log has it. */
    static Optional<String> appIdOf(Path out) {
        Matcher m = Pattern.compile("Connected to Spark cluster with app ID (app-\\S+)")
                .matcher(read(out.resolveSibling(out.getFileName() + ".log")));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static List<Path> executorDirs(String appId) throws IOException {
        try (Stream<Path> dirs = Files.list(workDir.resolve(appId))) {
            return dirs.sorted().toList();
        }
    }

    /**
     * ./run.sh analyse as a child JVM, its output (Spark's INFO log included) in OUT.log. Every figure is
     * compared, so nothing is suppressed. spark.* settings go in as system properties: one-core executors, so
     * that the worker's two cores make two of them; few shuffle partitions, as in local mode (for a small
     * input, 200 would only cost time); and no waiting for the executor that holds a task's data, since both
     * share one machine.
     */
    static Process analyse(String master, Path out) throws IOException {
        return analyse(master, out.resolveSibling(out.getFileName() + ".log"), List.of("--out", out.toString(),
                "--claims", CLAIMS, "--reference", "data/reference", "--no-cache"));
    }

    /** As {@link #analyse(String, Path)}, with the given claims, reference, cache and out options, logging to {@code log}. */
    static Process analyse(String master, Path log, List<String> io) throws IOException {
        List<String> args = new ArrayList<>(List.of("-Dspark.executor.cores=1",
                "-Dspark.executor.memory=768m", "-Dspark.sql.shuffle.partitions=4", "-Dspark.locality.wait=0",
                "nl.voorkant.cli.Main", "analyse", "--master", master));
        args.addAll(io);
        args.addAll(List.of("--scenarios", "none", "--disclosure", "internal", "--verbose"));
        return start(log, args, System.getProperty("java.class.path"), Map.of());
    }

    static Process start(Path log, List<String> args, String classpath, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(moduleOptions().split(" ")));
        command.addAll(List.of("-Xmx768m", "-cp", classpath));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        // Spark would otherwise bind to the machine's first network address.
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** The cluster's own jars: every jar Maven resolved for the tests, but none of voorkant's class folders. */
    static String sparkJars() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
    }

    /** Spark 4's module opens for Java 17, from the one list in pom.xml (as run.sh reads it). */
    static String moduleOptions() throws IOException {
        Matcher m = Pattern.compile("<spark.module.options>(.*)</spark.module.options>").matcher(read(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml has spark.module.options");
        return m.group(1).strip();
    }

    static void finish(Process p, String what) throws Exception {
        if (!p.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            killTree(p.toHandle());
            fail(what + " did not finish within " + RUN_TIMEOUT + " (logs in " + tmp + ")");
        }
        assertEquals(0, p.exitValue(), what + " failed (logs in " + tmp + ")");
    }

    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition, Process... mustLive) throws Exception {
        awaitValue(what, timeout, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), mustLive);
    }

    static <T> T awaitValue(String what, Duration timeout, java.util.function.Supplier<Optional<T>> probe,
                            Process... mustLive) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) return value.get();
            for (Process p : mustLive) assertTrue(p.isAlive(), "a process ended while waiting for " + what);
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + " (logs in " + tmp + ")");
    }

    static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(h -> h.onExit().join());
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
