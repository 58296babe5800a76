package nl.voorkant.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** The one place where voorkant configures Spark, for the job and for the tests alike. */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * A session for the given master. Locally, shuffle partitions follow the cores (the 200 default
     * makes hundreds of tiny tasks on a laptop) and adaptive execution is off: with partitions
     * already sized it only adds a job and a re-plan per shuffle (measured: the sample analysis and
     * ten million lines both 2–4 s faster without). On a cluster adaptive execution coalesces them.
     */
    public static SparkSession create(String master, String appName) {
        boolean local = master.startsWith("local");
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", String.valueOf(!local))
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                // A flow pass's merged sums come back as a few large arrays (FlowPass): room beyond the 64 MiB default.
                .config("spark.kryoserializer.buffer.max", "512m")
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(64L << 20))
                // A parsed line has 23 columns; the default 25 made Spark warn, on every run, that it shortened a plan's text.
                .config("spark.sql.debug.maxToStringFields", "100");
        if (local) {
            int cores = Runtime.getRuntime().availableProcessors();
            b.config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)))
             .config("spark.default.parallelism", String.valueOf(Math.max(2, cores * 2)));
        } else if (System.getProperty("spark.jars") == null) {
            // spark-submit sets spark.jars itself; launched any other way, the executors would lack our classes.
            b.config("spark.jars", String.join(",", applicationJars()));
        }
        // Spark's progress bar on a terminal, so a long stage shows how far along it is; never in logs or CI.
        b.config("spark.ui.showConsoleProgress", String.valueOf(System.console() != null));
        return b.getOrCreate();
    }

    /**
     * What a remote executor needs beyond the cluster's own Spark, Scala and Hadoop: voorkant's classes and
     * its other dependencies. Maven's {@code target/classes} (the tests) is packed into a temporary jar;
     * run.sh's {@code target/voorkant-classes.jar} and the {@code -Pcluster} jar go as they are. Beside
     * either of Maven's, {@code target/runtime-classpath.txt} lists the other dependencies: the pom declares
     * Spark {@code provided}, so Maven's runtime classpath is exactly what the cluster does not have (the
     * cluster jar bundles them too; a jar copied elsewhere has no such file beside it).
     */
    static List<String> applicationJars() {
        try {
            return applicationJars(Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("voorkant's own location is not a file: " + e.getMessage(), e);
        }
    }

    /** {@link #applicationJars()} for voorkant's classes at {@code code}, a class folder or a jar. */
    static List<String> applicationJars(Path code) {
        List<String> jars = new ArrayList<>();
        try {
            jars.add((Files.isDirectory(code) ? pack(code) : code).toString());
            Path dependencies = code.resolveSibling("runtime-classpath.txt");
            if (Files.exists(dependencies)) {
                for (String jar : Files.readString(dependencies).strip().split(java.io.File.pathSeparator)) {
                    if (!jar.isEmpty()) jars.add(jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    /** A jar of the class folder, deleted when this JVM ends. */
    static Path pack(Path classes) throws IOException {
        Path jar = Files.createTempFile("voorkant-classes-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> tree = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) tree.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
