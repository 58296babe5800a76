package nl.voorkant.flow.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Kaplan–Meier survival of trajectory durations, computed on counts per duration so that a curve
 * costs as many points as it has distinct durations, however many trajectories it holds.
 * Confidence bands: Greenwood's variance on the log(−log) scale, which keeps them inside [0, 1].
 */
public final class KaplanMeier {
    private KaplanMeier() {}

    static final double Z95 = 1.959963984540054;
    /** Survival is a product of fractions: a curve that is exactly one half by hand may be 0.5 ± 1 ulp here. */
    static final double HALF_TOLERANCE = 1e-12;

    /** One step of a curve; a band is empty where the survival is 0 (unknown there). */
    public record Point(int durationMonths, long atRisk, long events, long censored, double survival, Double lower95,
                 Double upper95) {}

    /**
     * km_median_months: the first duration at which survival is 0.5 or below (null if it never is);
     * the restricted mean: the area under the curve up to the longest observed duration.
     */
    public record Summary(Integer medianMonths, double restrictedMeanMonths, int restrictedToMonths, long trajectories,
                   long closed, Double naiveMeanClosedMonths) {}

    /** Of the trajectories that lasted one duration: those that ended, and those last seen then that may go on. */
    public record Counts(long events, long censored) {
        Counts plus(Counts o) {
            return new Counts(events + o.events, censored + o.censored);
        }
    }

    /** The curve of counts per duration. */
    public static List<Point> curve(SortedMap<Integer, Counts> counts) {
        long atRisk = 0;
        for (Counts c : counts.values()) atRisk += c.events() + c.censored();
        List<Point> out = new ArrayList<>(counts.size());
        double s = 1.0, logS = 0, greenwood = 0;
        for (Map.Entry<Integer, Counts> e : counts.entrySet()) {
            long d = e.getValue().events(), n = atRisk;
            if (d == n) {
                s = 0.0;
            } else if (s > 0) {
                s *= 1.0 - (double) d / n;
                logS += Math.log(1.0 - (double) d / n);
                greenwood += (double) d / ((double) n * (n - d));
            }
            Double se = logS == 0 ? null : Math.sqrt(greenwood) / Math.abs(logS);
            out.add(new Point(e.getKey(), n, d, e.getValue().censored(), s, band(s, se, -1), band(s, se, 1)));
            atRisk -= d + e.getValue().censored();
        }
        return out;
    }

    /** S^exp(∓z·se); where survival is still 1 the band is [1, 1], where it is 0 it is unknown. */
    private static Double band(double s, Double se, int side) {
        if (s >= 1.0) return 1.0;
        if (s <= 0.0 || se == null) return null;
        return Math.pow(s, Math.exp(-side * Z95 * se));
    }

    public static Summary summary(List<Point> curve) {
        Integer median = null;
        double area = 0, previousSurvival = 1.0;
        int previousDuration = 0;
        long trajectories = 0, closed = 0, closedMonths = 0;
        for (Point p : curve) {
            if (median == null && p.survival() <= 0.5 + HALF_TOLERANCE) median = p.durationMonths();
            area += previousSurvival * (p.durationMonths() - previousDuration);
            previousSurvival = p.survival();
            previousDuration = p.durationMonths();
            trajectories += p.events() + p.censored();
            closed += p.events();
            closedMonths += p.events() * p.durationMonths();
        }
        return new Summary(median, area, previousDuration, trajectories, closed,
                closed == 0 ? null : (double) closedMonths / closed);
    }
}
