package nl.voorkant.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import nl.voorkant.sample.Catalogue.Group;
import nl.voorkant.sample.Catalogue.Product;
import nl.voorkant.sample.Targets.YearTarget;

/**
 * Simulates the trajectories of one municipality and product group, year by year: starts spread
 * over the months, skewed durations, referrers. A year with a target is steered onto it exactly:
 * the number of starts makes the year's unique clients, a duration scale found by bisection makes
 * its average monthly clients, and a fixed count of local-team referrals makes the share.
 */
final class CellSimulator {
    private CellSimulator() {}

    /** Share of trajectories with one unclaimed month in the middle. */
    static final double GAP_SHARE = 0.06;
    static final double PROVIDER_SWITCH_SHARE = 0.06;
    static final double CREDITED_EXTRA_MONTH_SHARE = 0.01;
    /** Share of durations drawn from the exponential (short, memoryless care); the rest are log-normal. */
    static final double EXPONENTIAL_SHARE = 0.55;
    static final double LOGNORMAL_SIGMA = 0.75;
    static final String LOCAL_TEAM_REFERRER = "01";

    /** Years simulated before the first emitted one, so the data starts with a realistic stock of running care. */
    static int warmUpYears(Group group) {
        return Math.max(3, (int) Math.ceil(3 * group.meanDurationMonths() / 12));
    }

    static List<Trajectory> simulate(Group group, Map<Integer, YearTarget> targets, int firstYear, int lastYear,
                                     SplittableRandom rng, Bsn ids) {
        TreeMap<Integer, Double> monthlyStarts = referenceInflow(group, targets);
        List<Product> products = Catalogue.productsOf(group);
        List<Trajectory> all = new ArrayList<>();
        for (int year = firstYear - warmUpYears(group); year <= lastYear; year++) {
            YearTarget target = targets.get(year);
            int yearStart = Months.index(year, 1);
            int carried = 0;
            for (Trajectory t : all) {
                if (t.end >= yearStart) {
                    carried++;
                }
            }
            double expected = 12 * inflowRate(monthlyStarts, group, year);
            int n;
            if (target != null && target.uniqueClients() != null) {
                n = Math.max((int) Math.round(0.3 * expected), target.uniqueClients() - carried);
            } else if (target != null && target.inflow() != null) {
                n = target.inflow();
            } else {
                n = poisson(expected, rng);
            }
            // Draws that do not depend on the duration scale come first, so the bisection below
            // moves one thing only.
            int[] startMonth = new int[n];
            double[] base = new double[n];
            double[] gapAt = new double[n];
            for (int k = 0; k < n; k++) {
                startMonth[k] = yearStart + (int) (12 * (k + rng.nextDouble()) / n);
                base[k] = rng.nextDouble() < EXPONENTIAL_SHARE ? -StrictMath.log(1 - rng.nextDouble())
                        : StrictMath.exp(LOGNORMAL_SIGMA * Municipalities.gaussian(rng)
                                - LOGNORMAL_SIGMA * LOGNORMAL_SIGMA / 2);
                gapAt[k] = rng.nextDouble() < GAP_SHARE ? rng.nextDouble() : -1;
            }
            double scale = 1;
            if (target != null && target.avgMonthlyClients() != null) {
                scale = durationScale(all, year, startMonth, base, gapAt, group, target.avgMonthlyClients());
            }
            String[] referrers = referrers(group, target, n, rng);
            for (int k = 0; k < n; k++) {
                Trajectory t = new Trajectory();
                t.start = startMonth[k];
                int duration = duration(base[k], scale, group);
                t.end = t.start + duration - 1;
                t.gap = gapMonth(t.start, duration, gapAt[k]);
                t.startDay = Months.firstDay(t.start) + rng.nextInt(Months.days(t.start));
                int endFrom = t.end == t.start ? t.startDay : Months.firstDay(t.end);
                t.endDay = endFrom + rng.nextInt(Months.lastDay(t.end) - endFrom + 1);
                t.product = pickProduct(products, rng);
                t.referrer = referrers[k];
                t.provider = zipf(group.providers(), rng);
                if (duration >= 6 && group.providers() > 1 && rng.nextDouble() < PROVIDER_SWITCH_SHARE) {
                    t.switchMonth = t.start + 2 + rng.nextInt(duration - 3);
                    t.provider2 = (t.provider + 1 + rng.nextInt(group.providers() - 1)) % group.providers();
                }
                t.intensity = StrictMath.exp(0.35 * Municipalities.gaussian(rng) - 0.35 * 0.35 / 2);
                t.creditedExtraMonth = rng.nextDouble() < CREDITED_EXTRA_MONTH_SHARE;
                // Old enough for the group at the start, still a minor (mostly) at the end.
                double oldest = Math.max(group.minAge(), group.maxAge() + 0.9 - duration / 12.0);
                int ageDays = (int) (365.25 * (group.minAge() + rng.nextDouble() * (oldest - group.minAge())));
                t.birthDay = t.startDay - ageDays;
                t.clientId = ids.next();
                all.add(t);
            }
        }
        return all;
    }

    /** Client-months of the trajectories in a year: the sum over its months of the active clients. */
    static int clientMonths(List<Trajectory> trajectories, int year) {
        int from = Months.index(year, 1);
        int sum = 0;
        for (Trajectory t : trajectories) {
            sum += t.activeMonths(from, from + 11);
        }
        return sum;
    }

    /**
     * Monthly starts implied by each target year: the inflow itself, or unique clients spread over
     * a mean duration plus the year (a year's unique clients are its opening stock plus its starts),
     * or average clients over the mean duration (Little's law).
     */
    private static TreeMap<Integer, Double> referenceInflow(Group group, Map<Integer, YearTarget> targets) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        double d = group.meanDurationMonths();
        for (Map.Entry<Integer, YearTarget> e : targets.entrySet()) {
            YearTarget t = e.getValue();
            if (t.inflow() != null) {
                out.put(e.getKey(), t.inflow() / 12.0);
            } else if (t.uniqueClients() != null) {
                out.put(e.getKey(), t.uniqueClients() / (d + 11.5));
            } else if (t.avgMonthlyClients() != null) {
                out.put(e.getKey(), t.avgMonthlyClients() / (d + 0.5));
            }
        }
        return out;
    }

    /** Grows from the latest reference year at or before the year, or back from the first one. */
    private static double inflowRate(TreeMap<Integer, Double> reference, Group group, int year) {
        Map.Entry<Integer, Double> ref = reference.floorEntry(year);
        if (ref == null) {
            ref = reference.firstEntry();
        }
        return ref.getValue() * StrictMath.pow(group.growth(), year - ref.getKey());
    }

    private static double durationScale(List<Trajectory> carried, int year, int[] startMonth, double[] base,
                                        double[] gapAt, Group group, double targetAverage) {
        int from = Months.index(year, 1);
        int to = from + 11;
        int fixed = 0;
        for (Trajectory t : carried) {
            fixed += t.activeMonths(from, to);
        }
        double lo = 0.02;
        double hi = 10;
        for (int iteration = 0; iteration < 50; iteration++) {
            double mid = (lo + hi) / 2;
            int months = fixed;
            for (int k = 0; k < startMonth.length; k++) {
                int d = duration(base[k], mid, group);
                int end = Math.min(to, startMonth[k] + d - 1);
                int gap = gapMonth(startMonth[k], d, gapAt[k]);
                months += end - startMonth[k] + 1 - (gap >= 0 && gap <= end ? 1 : 0);
            }
            if (months / 12.0 < targetAverage) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Youth care ends at 18, so no trajectory outlasts a childhood. */
    static final int MAX_DURATION_MONTHS = 180;

    private static int duration(double base, double scale, Group group) {
        return (int) Math.max(1, Math.min(MAX_DURATION_MONTHS, Math.round(base * scale * group.meanDurationMonths())));
    }

    private static int gapMonth(int start, int duration, double gapAt) {
        return gapAt < 0 || duration < 4 ? -1 : start + 1 + (int) (gapAt * (duration - 2));
    }

    /** Local-team referrals: an exact count when the year has a target share, the group's mix otherwise. */
    private static String[] referrers(Group group, YearTarget target, int n, SplittableRandom rng) {
        String[] out = new String[n];
        if (target == null || target.localReferralShare() == null) {
            for (int k = 0; k < n; k++) {
                out[k] = pick(group.referrers(), group.referrerWeights(), -1, rng);
            }
            return out;
        }
        int local = (int) Math.round(target.localReferralShare() * n);
        int localIndex = List.of(group.referrers()).indexOf(LOCAL_TEAM_REFERRER);
        for (int k = 0; k < n; k++) {
            out[k] = k < local ? LOCAL_TEAM_REFERRER : pick(group.referrers(), group.referrerWeights(), localIndex, rng);
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            String swap = out[k];
            out[k] = out[j];
            out[j] = swap;
        }
        return out;
    }

    private static String pick(String[] codes, double[] weights, int excluded, SplittableRandom rng) {
        double total = 0;
        for (int i = 0; i < codes.length; i++) {
            total += i == excluded ? 0 : weights[i];
        }
        double u = rng.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < codes.length; i++) {
            if (i == excluded) {
                continue;
            }
            last = i;
            u -= weights[i];
            if (u < 0) {
                return codes[i];
            }
        }
        return codes[last]; // only reached through rounding in the subtraction
    }

    private static Product pickProduct(List<Product> products, SplittableRandom rng) {
        double u = rng.nextDouble();
        for (Product p : products) {
            u -= p.share();
            if (u < 0) {
                return p;
            }
        }
        return products.get(products.size() - 1);
    }

    /** A few large providers and a tail of small ones, as on the regional market. */
    private static int zipf(int n, SplittableRandom rng) {
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += 1.0 / i;
        }
        double u = rng.nextDouble() * total;
        for (int i = 1; i <= n; i++) {
            u -= 1.0 / i;
            if (u < 0) {
                return i - 1;
            }
        }
        return n - 1;
    }

    private static int poisson(double mean, SplittableRandom rng) {
        if (mean > 50) {
            return Math.max(0, (int) Math.round(mean + StrictMath.sqrt(mean) * Municipalities.gaussian(rng)));
        }
        double limit = StrictMath.exp(-mean);
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
