package nl.voorkant.flow.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The textbook example: Freireich's 6-MP remission times (Kleinbaum & Klein, ch. 2; R's survfit with
 * conf.type = "log-log" prints the same): 21 patients, events at 6 (3), 7, 10, 13, 16, 22, 23.
 */
class KaplanMeierTest {
    static final int[][] SIX_MP = { // duration, events, censored
        {6, 3, 1}, {7, 1, 0}, {9, 0, 1}, {10, 1, 1}, {11, 0, 1}, {13, 1, 0}, {16, 1, 0}, {17, 0, 1}, {19, 0, 1},
        {20, 0, 1}, {22, 1, 0}, {23, 1, 0}, {25, 0, 1}, {32, 0, 2}, {34, 0, 1}, {35, 0, 1}};

    static List<KaplanMeier.Point> curve() {
        TreeMap<Integer, KaplanMeier.Counts> counts = new TreeMap<>();
        for (int[] r : SIX_MP) counts.put(r[0], new KaplanMeier.Counts(r[1], r[2]));
        return KaplanMeier.curve(counts);
    }

    @Test
    void survivalAndLogLogBandsMatchTheTextbook() {
        List<KaplanMeier.Point> curve = curve();
        KaplanMeier.Point t6 = curve.get(0);
        assertEquals(21L, t6.atRisk());
        assertEquals(18.0 / 21, t6.survival(), 1e-12);
        assertEquals(0.6197, t6.lower95(), 1e-4);
        assertEquals(0.9516, t6.upper95(), 1e-4);
        KaplanMeier.Point t23 = curve.stream().filter(p -> p.durationMonths() == 23).findFirst().orElseThrow();
        assertEquals(6L, t23.atRisk());
        assertEquals(0.448179, t23.survival(), 1e-6);
        assertEquals(0.1881, t23.lower95(), 1e-4);
        assertEquals(0.6801, t23.upper95(), 1e-4);
    }

    @Test
    void medianRestrictedMeanAndNaiveMean() {
        KaplanMeier.Summary s = KaplanMeier.summary(curve());
        assertEquals(23, s.medianMonths());
        // area under the curve to 35: 6 + .857 + 3(.807) + 3(.753) + 3(.690) + 6(.627) + .538 + 12(.448)
        assertEquals(23.2874, s.restrictedMeanMonths(), 1e-4);
        assertEquals(35, s.restrictedToMonths());
        assertEquals(21L, s.trajectories());
        assertEquals(9L, s.closed());
        // the naive mean of the 9 closed ones ignores the 12 still in remission: far too short
        assertEquals((6 * 3 + 7 + 10 + 13 + 16 + 22 + 23) / 9.0, s.naiveMeanClosedMonths(), 1e-9);
    }

    @Test
    void aCurveWhereNobodyFallsHasNoMedian() {
        KaplanMeier.Summary s = KaplanMeier.summary(KaplanMeier.curve(new TreeMap<>(java.util.Map.of(3, new KaplanMeier.Counts(0, 4)))));
        assertNull(s.medianMonths());
        assertNull(s.naiveMeanClosedMonths());
        assertEquals(3.0, s.restrictedMeanMonths(), 1e-12);
    }

    @Test
    void theMedianIsWhereSurvivalFirstReachesOneHalfExactly() {
        // Ten trajectories, five end at 12: S(12) = 1/2 by hand; a rounding error above it once moved the median to 24.
        KaplanMeier.Summary s = KaplanMeier.summary(KaplanMeier.curve(new TreeMap<>(java.util.Map.of(
                3, new KaplanMeier.Counts(1, 0), 7, new KaplanMeier.Counts(2, 0), 12, new KaplanMeier.Counts(2, 0),
                24, new KaplanMeier.Counts(5, 0)))));
        assertEquals(12, s.medianMonths());
    }
}
