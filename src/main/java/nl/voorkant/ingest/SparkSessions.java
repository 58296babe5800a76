package nl.voorkant.ingest;

import org.apache.spark.sql.SparkSession;

/** The one place where voorkant configures Spark, for the job and for the tests alike. */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * A session for the given master. Locally, shuffle partitions follow the cores (the 200 default
     * makes hundreds of tiny tasks on a laptop); on a cluster adaptive execution coalesces them.
     */
    public static SparkSession create(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(64L << 20));
        if (master.startsWith("local")) {
            int cores = Runtime.getRuntime().availableProcessors();
            b.config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)))
             .config("spark.default.parallelism", String.valueOf(Math.max(2, cores * 2)));
        }
        // Spark's progress bar on a terminal, so a long stage shows how far along it is; never in logs or CI.
        b.config("spark.ui.showConsoleProgress", String.valueOf(System.console() != null));
        return b.getOrCreate();
    }
}
