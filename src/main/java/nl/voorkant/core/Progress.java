package nl.voorkant.core;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The job's own progress lines ("[voorkant  12.3s] flow: trajectories") and the time each stage
 * took, for the manifest. Stages are sequential; starting one ends the previous.
 */
public final class Progress {
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String current;
    private long currentStart;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Starts stage {@code name} (the key of its timing) and prints "name: detail". */
    public void stage(String name, String detail) {
        finish();
        current = name;
        currentStart = System.nanoTime();
        say(detail == null || detail.isEmpty() ? name : name + ": " + detail);
    }

    public void say(String message) {
        out.printf(Locale.ROOT, "[voorkant %6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, message);
        out.flush();
    }

    /** Ends the running stage, if any, and records its time. */
    public void finish() {
        if (current != null) {
            seconds.merge(current, (System.nanoTime() - currentStart) / 1e9, Double::sum);
            current = null;
        }
    }

    public Map<String, Double> stageSeconds() {
        Map<String, Double> rounded = new LinkedHashMap<>();
        seconds.forEach((k, v) -> rounded.put(k, Math.round(v * 1000) / 1000.0));
        return rounded;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - t0) / 1e9;
    }
}
