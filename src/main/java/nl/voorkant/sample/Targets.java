package nl.voorkant.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.voorkant.core.SeedFigures;
import nl.voorkant.sample.Catalogue.Group;
import nl.voorkant.sample.Municipalities.Municipality;

/**
 * What the simulation of one municipality and product group must reproduce, per year. The seed
 * documents fix 2018 (unique children and cost) and, for Alblasserdam, 2019 (average monthly
 * clients, cost, inflow and its local-team share); other years follow from growth and indexation.
 */
final class Targets {
    private Targets() {}

    /** Null fields are free. Money in cents. */
    record YearTarget(Integer uniqueClients, Double avgMonthlyClients, Integer inflow, Double localReferralShare,
                      Long costCents) {
        static YearTarget uniqueAndCost(int unique, long costEur) {
            return new YearTarget(unique, null, null, null, costEur * 100);
        }
    }

    record SubregionFigure(int uniqueChildren, long costEur) {}

    /**
     * Drechtsteden-Noord 2018 for the groups the memo reports only for the whole subregion
     * (dagbesteding, voogdij, voogdij (l)vb, specialist GGZ); verblijf, crisis and jeugdbescherming
     * are not in the seeds and are sized to plausible levels for 21,000 youths.
     */
    static final Map<String, SubregionFigure> SUBREGION_2018 = Map.of(
            "dagbesteding", new SubregionFigure(83, 220_910),
            "voogdij", new SubregionFigure(67, 312_376),
            "voogdij_lvb", new SubregionFigure(35, 149_919),
            "specialistische_ggz", new SubregionFigure(1_281, 4_567_554),
            "verblijf", new SubregionFigure(130, 3_900_000),
            "crisis", new SubregionFigure(70, 420_000),
            "jeugdbescherming", new SubregionFigure(160, 980_000));

    /** The local team's price per client-month (hours at the local-team rate). */
    static final long LOCAL_PRICE_CENTS_PER_CLIENT_MONTH = 33_000;
    /** Client-months of the market per local client-month when local care is 10% of all client-months. */
    static final double MARKET_MONTHS_PER_LOCAL_MONTH = 9.0;

    /** Targets of a market group in one municipality. */
    static Map<Integer, YearTarget> market(Municipality m, Group group, SplittableRandom rng) {
        Map<Integer, YearTarget> out = new HashMap<>();
        boolean real = Municipalities.DRECHTSTEDEN_NOORD.contains(m);
        if (real) {
            out.put(SeedFigures.MEMO_YEAR, real2018(m, group));
            for (SeedFigures.PlanBaseline b : SeedFigures.ALBLASSERDAM_2019) {
                if (b.municipalityCode().equals(m.code()) && b.productGroup().equals(group.id())) {
                    double yearlyInflow = 12 * b.monthlyInflow() / (b.inflowIsLocalOnly() ? b.localReferralShare() : 1);
                    out.put(b.year(), new YearTarget(null, b.avgMonthlyClients(), (int) Math.round(yearlyInflow),
                            b.localReferralShare(), Math.round(12 * b.monthlyCostEur() * 100)));
                }
            }
        } else {
            // Synthetic municipalities get the subregion's rates per youth, with a municipal character.
            long[] total = subregionTotal(group);
            int realYouth = Municipalities.DRECHTSTEDEN_NOORD.stream().mapToInt(Municipality::youthPopulation).sum();
            double volume = StrictMath.exp(0.2 * Municipalities.gaussian(rng));
            double price = StrictMath.exp(0.1 * Municipalities.gaussian(rng));
            double share = (double) m.youthPopulation() / realYouth;
            int unique = (int) Math.max(3, Math.round(total[0] * share * volume));
            out.put(SeedFigures.MEMO_YEAR, YearTarget.uniqueAndCost(unique,
                    Math.round(total[1] * share * volume * price)));
        }
        return out;
    }

    /** The local team's target: a tenth of the municipality's client-months in the memo year. */
    static Map<Integer, YearTarget> local(double marketClientMonths) {
        double avg = marketClientMonths / MARKET_MONTHS_PER_LOCAL_MONTH / 12;
        int inflow = (int) Math.round(12 * avg / Catalogue.LOKAAL_TEAM.meanDurationMonths());
        long cost = Math.round(avg * 12 * LOCAL_PRICE_CENTS_PER_CLIENT_MONTH);
        return Map.of(SeedFigures.MEMO_YEAR, new YearTarget(null, avg, inflow, null, cost));
    }

    private static YearTarget real2018(Municipality m, Group group) {
        for (SeedFigures.MemoCell c : SeedFigures.MEMO_2018) {
            if (c.municipalityCode().equals(m.code()) && c.productGroup().equals(group.id())) {
                return YearTarget.uniqueAndCost(c.uniqueChildren(), c.costEur());
            }
        }
        SubregionFigure f = SUBREGION_2018.get(group.id());
        List<Municipality> four = Municipalities.DRECHTSTEDEN_NOORD;
        int[] youth = four.stream().mapToInt(Municipality::youthPopulation).toArray();
        int i = four.indexOf(m);
        return YearTarget.uniqueAndCost(apportion(f.uniqueChildren(), youth)[i],
                apportion(f.costEur(), youth)[i]);
    }

    private static long[] subregionTotal(Group group) {
        long unique = 0;
        long cost = 0;
        for (SeedFigures.MemoCell c : SeedFigures.MEMO_2018) {
            if (c.productGroup().equals(group.id())) {
                unique += c.uniqueChildren();
                cost += c.costEur();
            }
        }
        SubregionFigure f = SUBREGION_2018.get(group.id());
        return f == null ? new long[] {unique, cost} : new long[] {f.uniqueChildren(), f.costEur()};
    }

    /** Largest-remainder split of a total in proportion to weights, so the parts add up exactly. */
    static int[] apportion(long total, int[] weights) {
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int[] parts = new int[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = (double) total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
