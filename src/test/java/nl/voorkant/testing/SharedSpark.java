package nl.voorkant.testing;

import nl.voorkant.ingest.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One SparkSession for the whole test JVM: starting Spark costs seconds, the tests milliseconds. */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.create("local[2]", "voorkant tests");
            session.conf().set("spark.sql.shuffle.partitions", "2");
        }
        return session;
    }
}
