package nl.voorkant.scenario;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The transition with chance in it: each month's diverted (and induced) inflow is Poisson around its
 * expected value, each trajectory's duration is drawn from the survival curve, and a big-bang stock
 * leaves by residual durations drawn from the same curve. Seeded, so a run can be repeated exactly.
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    /**
     * Percentiles {p10, p50, p90}: of the fund draw over the horizon, of the net yearly saving once the
     * shift is complete (the last 12 of {@code lag + longest duration + 12} months), and per month of
     * the horizon of the cumulative draw and the saving.
     */
    public record Result(Scenario scenario, int runs, long seed, double[] fundDraw, double[] yearlySaving,
                         double[][] cumulativeDrawByMonth, double[][] savingByMonth) {}

    public static Result run(Scenario sc, int runs, long seed) {
        int horizon = sc.horizonMonths();
        int length = Math.max(horizon, sc.lagMonths() + sc.baseline().survival().length() + 12);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[runs];
        double[] yearly = new double[runs];
        double[][] cumulative = new double[horizon][runs];
        double[][] saving = new double[horizon][runs];
        for (int r = 0; r < runs; r++) {
            double[][] clients = simulateClients(sc, length, random);
            TransitionModel.Money m = TransitionModel.money(sc, clients[0], clients[1]);
            double cum = 0;
            for (int k = 0; k < horizon; k++) {
                cum += m.draw[k];
                cumulative[k][r] = cum;
                saving[k][r] = m.saving[k];
            }
            draws[r] = cum;
            double net = 0;
            for (int k = length - 12; k < length; k++) net += m.saving[k] - m.budget[k];
            yearly[r] = net;
        }
        double[][] cumByMonth = new double[horizon][];
        double[][] savingByMonth = new double[horizon][];
        for (int k = 0; k < horizon; k++) {
            cumByMonth[k] = percentiles(cumulative[k]);
            savingByMonth[k] = percentiles(saving[k]);
        }
        return new Result(sc, runs, seed, percentiles(draws), percentiles(yearly), cumByMonth, savingByMonth);
    }

    /** One simulated path: {diverted front clients, all front clients} per month. */
    static double[][] simulateClients(Scenario sc, int length, SplittableRandom random) {
        Survival s = sc.baseline().survival();
        double inflow = sc.divertedMonthlyInflow();
        double[] divertedDelta = new double[length + 1];
        double[] inducedDelta = new double[length + 1];
        if (sc.mode() == Scenario.Mode.BIG_BANG) {
            long stock = Math.round(Math.min(sc.baseline().avgMonthlyClients(), inflow * s.meanMonths()));
            Survival residual = s.residual();
            for (long c = 0; c < stock; c++) add(divertedDelta, 0, residual.monthsFor(random.nextDouble()), length);
        }
        for (int j = 0; j < length; j++) {
            long n = poisson(inflow, random);
            for (long c = 0; c < n; c++) add(divertedDelta, j, s.monthsFor(random.nextDouble()), length);
            long extra = poisson(inflow * sc.inducedDemand(), random);
            for (long c = 0; c < extra; c++) add(inducedDelta, j, s.monthsFor(random.nextDouble()), length);
        }
        double[] diverted = new double[length];
        double[] front = new double[length];
        double d = 0, e = 0;
        for (int k = 0; k < length; k++) {
            d += divertedDelta[k];
            e += inducedDelta[k];
            diverted[k] = d;
            front[k] = d + e;
        }
        return new double[][] {diverted, front};
    }

    /** A client present from month {@code from} for {@code months} months, as +1/−1 on a difference array. */
    private static void add(double[] delta, int from, int months, int length) {
        if (months <= 0) return;
        delta[from] += 1;
        delta[Math.min(length, from + months)] -= 1;
    }

    /** Knuth's product method; large means are split, as a sum of Poisson counts is Poisson. */
    static long poisson(double mean, SplittableRandom random) {
        long total = 0;
        double rest = mean;
        while (rest > 0) {
            double part = Math.min(rest, 50);
            rest -= part;
            double limit = Math.exp(-part);
            double product = random.nextDouble();
            while (product > limit) {
                total++;
                product *= random.nextDouble();
            }
        }
        return total;
    }

    /** P10, P50 and P90 by linear interpolation between order statistics. */
    static double[] percentiles(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new double[] {quantile(v, 0.1), quantile(v, 0.5), quantile(v, 0.9)};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
