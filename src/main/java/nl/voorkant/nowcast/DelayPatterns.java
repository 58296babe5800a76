package nl.voorkant.nowcast;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How complete each product group's months are at the extract date: the chain-ladders of its cost and
 * of its clients, or, for claims without declaration dates, a profile learned from earlier extracts
 * ({@link EarlierExtracts}) or else (and for a group without dated claims) the documented {@link #ASSUMED}
 * one; a profile marks months provisional but completes none.
 */
public final class DelayPatterns {
    /**
     * The assumed share of a month's claims in by each age (months after the care month, the extract's
     * month being age 0): iJw providers declare a month mostly in the next one or two, a few months
     * later still. An assumption, stated as such in the manifest, not an estimate.
     */
    static final double[] ASSUMED = {0.30, 0.75, 0.90, 0.95, 0.97, 0.98, 0.99};

    /** The newest care months each development factor is estimated from: one year. */
    static final int RECENT_ORIGINS = 12;

    /** One group's ladders; null for the assumed profile. */
    record Ladders(ChainLadder cost, ChainLadder clients) {}

    private final YearMonth extractMonth;
    private final Map<String, Ladders> groups;
    /** Per group without ladders, its learned completeness by age ({@link EarlierExtracts#COST}, {@link EarlierExtracts#CLIENTS}). */
    private final Map<String, double[][]> profiles;

    DelayPatterns(YearMonth extractMonth, Map<String, Ladders> groups) {
        this(extractMonth, groups, Map.of());
    }

    private DelayPatterns(YearMonth extractMonth, Map<String, Ladders> groups, Map<String, double[][]> profiles) {
        this.extractMonth = extractMonth;
        this.groups = Map.copyOf(groups);
        this.profiles = Map.copyOf(profiles);
    }

    /** Every group's ladders from its triangles. */
    static DelayPatterns of(DelayTriangle.Triangles t) {
        Map<String, Ladders> groups = new LinkedHashMap<>();
        int origins = t.origins();
        int[] observed = new int[origins];
        for (int i = 0; i < origins; i++) observed[i] = Math.min(DelayTriangle.WIDTH - 1, origins - 1 - i);
        t.groups().forEach((g, tri) -> groups.put(g, new Ladders(
                new ChainLadder(cumulative(tri.cents()), observed, DelayTriangle.WIDTH, RECENT_ORIGINS),
                new ChainLadder(cumulative(tri.clients()), observed, DelayTriangle.WIDTH, RECENT_ORIGINS))));
        return new DelayPatterns(t.extractMonth(), groups);
    }

    static DelayPatterns assumed(YearMonth extractMonth) {
        return new DelayPatterns(extractMonth, Map.of());
    }

    /** The profiles learned from earlier extracts; a group without one keeps the assumed profile. */
    static DelayPatterns learned(YearMonth extractMonth, Map<String, double[][]> profiles) {
        return new DelayPatterns(extractMonth, Map.of(), profiles);
    }

    static double[][] cumulative(long[][] incremental) {
        double[][] c = new double[incremental.length][];
        for (int i = 0; i < incremental.length; i++) {
            c[i] = new double[incremental[i].length];
            double sum = 0;
            for (int d = 0; d < incremental[i].length; d++) c[i][d] = sum += incremental[i][d];
        }
        return c;
    }

    YearMonth extractMonth() {
        return extractMonth;
    }

    /** Months from {@code month} to the extract's month. */
    int age(YearMonth month) {
        return (int) DelayTriangle.months(month, extractMonth);
    }

    /** The group's ladders, or null where it has none (completeness is then the assumed profile's). */
    Ladders ladders(String group) {
        return groups.get(group);
    }

    double costCompleteness(String group, int age) {
        Ladders l = groups.get(group);
        return l != null ? l.cost().completeness(age) : profile(group, EarlierExtracts.COST, age);
    }

    double clientsCompleteness(String group, int age) {
        Ladders l = groups.get(group);
        return l != null ? l.clients().completeness(age) : profile(group, EarlierExtracts.CLIENTS, age);
    }

    private double profile(String group, int measure, int age) {
        double[][] p = profiles.get(group);
        return p == null ? assumed(age) : p[measure][Math.min(Math.max(age, 0), DelayTriangle.WIDTH - 1)];
    }

    /** {@link #ASSUMED} by age from 0, for the manifest (every later age: 1). */
    static List<Double> assumedProfile() {
        return Arrays.stream(ASSUMED).boxed().toList();
    }

    static double assumed(int age) {
        return age >= ASSUMED.length ? 1 : ASSUMED[Math.max(age, 0)];
    }
}
