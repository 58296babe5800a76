package nl.voorkant.scenario;

import java.util.Arrays;

/**
 * A discrete survival curve of trajectory durations: {@code at(k)} is the chance that a trajectory
 * is still running k whole months after its first month (so {@code at(0) = 1} for a curve of new
 * trajectories). Beyond the last stored month the curve is 0, which makes {@link #meanMonths()} the
 * restricted mean when the curve comes from a Kaplan–Meier table with a censored tail.
 */
public final class Survival {
    private final double[] s;

    private Survival(double[] s) {
        for (int k = 0; k < s.length; k++) {
            if (!(s[k] >= 0 && s[k] <= 1) || (k > 0 && s[k] > s[k - 1] + 1e-12)) {
                throw new IllegalArgumentException("survival must be non-increasing within [0, 1], got " + Arrays.toString(s));
            }
        }
        this.s = s.clone();
    }

    public static Survival of(double... values) {
        return new Survival(values);
    }

    /** Every trajectory lasts exactly {@code months}: the plan's assumption. */
    public static Survival fixed(int months) {
        if (months <= 0) throw new IllegalArgumentException("duration must be > 0, got " + months);
        double[] s = new double[months];
        Arrays.fill(s, 1.0);
        return new Survival(s);
    }

    /**
     * From a Kaplan–Meier step curve given at its event durations ({@code survival[i]} = P(duration
     * &gt; durations[i])), cut at the longest observed duration.
     */
    public static Survival fromKaplanMeier(int[] durations, double[] survival) {
        int max = 0;
        for (int d : durations) max = Math.max(max, d);
        double[] s = new double[max];
        double current = 1.0;
        int i = 0;
        Integer[] order = new Integer[durations.length];
        for (int j = 0; j < order.length; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> Integer.compare(durations[a], durations[b]));
        for (int k = 0; k < max; k++) {
            while (i < order.length && durations[order[i]] <= k) current = survival[order[i++]];
            s[k] = Math.min(current, k == 0 ? 1.0 : s[k - 1]);
        }
        return new Survival(s);
    }

    public double at(int k) {
        return k < 0 ? 1.0 : k < s.length ? s[k] : 0.0;
    }

    /** Months after which the curve is 0. */
    public int length() {
        return s.length;
    }

    public double meanMonths() {
        return tailFrom(0);
    }

    /** Sum of at(a) for a &ge; k: the expected months still to run, counted from k. */
    public double tailFrom(int k) {
        double sum = 0;
        for (int a = Math.max(0, k); a < s.length; a++) sum += s[a];
        return sum;
    }

    /** Sum of at(a) for 0 &le; a &le; k: one monthly cohort's clients summed over the ages up to k. */
    public double cumulative(int k) {
        double sum = 0;
        for (int a = 0; a <= Math.min(k, s.length - 1); a++) sum += s[a];
        return sum;
    }

    /** The curve of the time still to run for a client taken from a steady-state stock (stock at month −1). */
    public Survival residual() {
        double mean = meanMonths();
        double[] r = new double[Math.max(0, s.length - 1)];
        for (int k = 0; k < r.length; k++) r[k] = tailFrom(k + 1) / mean;
        return new Survival(r);
    }

    /** Durations stretched by {@code factor} (for sensitivity): at'(k) = at(floor(k / factor)). */
    public Survival scaled(double factor) {
        int n = (int) Math.ceil(s.length * factor - 1e-9);
        double[] r = new double[Math.max(1, n)];
        for (int k = 0; k < r.length; k++) r[k] = at((int) Math.floor(k / factor + 1e-9));
        return new Survival(r);
    }

    /**
     * Months present for a uniform draw u in [0, 1): the number of k with at(k) &gt; u, so that
     * P(months &gt; k) = at(k) (inverse transform on a non-increasing curve).
     */
    public int monthsFor(double u) {
        int lo = 0, hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] > u) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
