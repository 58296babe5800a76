package nl.voorkant.nowcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChainLadderTest {
    /**
     * Four care months, delays 0 … 3, cumulative:
     * <pre>
     *   100 160 192 192
     *   200 290 319
     *   100 150
     *    80
     * </pre>
     * f0 = (160 + 290 + 150) / (100 + 200 + 100) = 1.5, f1 = (192 + 319) / (160 + 290) = 511/450, f2 = 1.
     * σ0² = [100·0.1² + 200·0.05² + 100·0²] / 2 = 0.75; σ1² = 160·(29/450)² + 290·(16/450)² = 208800/202500;
     * σ2² (one ratio) = min(σ1⁴/σ0², σ0², σ1²) = 0.75.
     */
    private static final double[][] TRIANGLE = {{100, 160, 192, 192}, {200, 290, 319, 0}, {100, 150, 0, 0}, {80, 0, 0, 0}};
    private static final int[] OBSERVED = {3, 2, 1, 0};

    @Test
    void factorsAndCompletenessOfAHandBuiltTriangle() {
        ChainLadder l = new ChainLadder(TRIANGLE, OBSERVED, 4, 12);
        assertEquals(1.5, l.factor(0), 1e-12, "f0");
        assertEquals(511.0 / 450, l.factor(1), 1e-12, "f1");
        assertEquals(1.0, l.factor(2), 1e-12, "f2");
        assertEquals(1.0, l.completeness(2), 1e-12, "age 2 is complete: nothing came after delay 2");
        assertEquals(450.0 / 511, l.completeness(1), 1e-12, "age 1: 1/f1");
        assertEquals(400.0 / 600 * 450 / 511, l.completeness(0), 1e-12, "age 0: 1/(f0·f1)");
        assertEquals(1.0, l.completeness(7), 1e-12, "beyond the triangle: complete");
    }

    @Test
    void macksErrorOfTheCompletedRows() {
        ChainLadder l = new ChainLadder(TRIANGLE, OBSERVED, 4, 12);
        double w0 = 0.75 / 2.25, w1 = (208800.0 / 202500) / Math.pow(511.0 / 450, 2), w2 = 0.75;
        // Row 2 (age 1, 150 in): U = 150·511/450; terms k = 1, 2 with Ĉ1 = 150, Ĉ2 = U.
        double u2 = 150 * 511.0 / 450;
        double mse2 = u2 * u2 * (w1 * (1 / 150.0 + 1 / 450.0) + w2 * (1 / u2 + 1 / 192.0));
        assertEquals(mse2, l.mse(1, u2), 1e-9, "row 2's mean squared error");
        assertEquals(447.30599, l.mse(1, u2), 1e-4, "row 2's mean squared error, by hand");
        // Row 3 (age 0, 80 in): U = 80·1.5·511/450; Ĉ0 = 80, Ĉ1 = 120, Ĉ2 = U.
        double u3 = 80 * 1.5 * 511 / 450;
        double mse3 = u3 * u3 * (w0 * (1 / 80.0 + 1 / 400.0) + w1 * (1 / 120.0 + 1 / 450.0) + w2 * (1 / u3 + 1 / 192.0));
        assertEquals(mse3, l.mse(0, u3), 1e-9, "row 3's mean squared error");
        assertEquals(424.30552, l.mse(0, u3), 1e-4, "row 3's mean squared error, by hand");
    }

    /**
     * Nothing is claimed in the care month itself (delay 0 is empty): age 0 is 0% complete, so the
     * chain-ladder cannot complete it; Bornhuetter–Ferguson takes the level of the months before.
     * Rows 0, 0+100+10, 0+200+20, 0+150, 0: f1 = 330/300 = 1.1 with equal ratios (σ1² = 0).
     */
    @Test
    void anEmptyFirstDelayIsCompletedFromThePrecedingMonths() {
        double[][] t = {{0, 100, 110}, {0, 200, 220}, {0, 150, 0}, {0, 0, 0}};
        ChainLadder l = new ChainLadder(t, new int[] {2, 2, 1, 0}, 3, 12);
        assertEquals(0.0, l.completeness(0), 1e-12, "age 0: nothing in yet");
        assertEquals(1 / 1.1, l.completeness(1), 1e-12, "age 1");
        NowcastTables.Completion c = NowcastTables.completion(l, 0, 0, List.of(220.0, 165.0));
        assertNotNull(c, "completed from the prior months");
        assertEquals(192.5, c.ultimate(), 1e-9, "0 + (1 − 0)·mean(220, 165)");
        // The factors add no error (equal ratios); the mean of two months does: (27.5²·2 / 1) / 2.
        assertEquals(756.25, c.mse(), 1e-9, "the prior's own variance");
        assertTrue(NowcastTables.completion(l, 0, 0, List.of()) == null, "no prior and nothing in: no nowcast");
    }

    /** A log-normal reserve: the interval starts above what is in and is skewed upwards. */
    @Test
    void intervalIsLogNormalOnTheReserve() {
        NowcastTables.Completion c = new NowcastTables.Completion(100, 150, 400);
        double[] ci = NowcastTables.interval(c);
        double s2 = Math.log(1 + 400 / 2500.0), mu = Math.log(50) - s2 / 2;
        assertEquals(100 + Math.exp(mu - 1.6448536269514722 * Math.sqrt(s2)), ci[0], 1e-9, "lower");
        assertEquals(100 + Math.exp(mu + 1.6448536269514722 * Math.sqrt(s2)), ci[1], 1e-9, "upper");
        assertTrue(ci[0] > 100 && ci[1] - 150 > 150 - ci[0], "above what is in, longer upwards");
    }

    /**
     * A triangle younger than its width (two origins, five delays): the steps no origin reaches
     * have factor 1, and the reached ones still count: 100 → 150 gives completeness 2/3 at age 0.
     */
    @Test
    void stepsNoOriginReachesAddNothing() {
        double[][] t = {{100, 150, 0, 0, 0}, {90, 0, 0, 0, 0}};
        ChainLadder l = new ChainLadder(t, new int[] {1, 0}, 5, 12);
        assertEquals(1.0, l.factor(3), 1e-12, "no origin reaches delay 4");
        assertEquals(1.0, l.completeness(1), 1e-12, "age 1: nothing known to come later");
        assertEquals(100.0 / 150, l.completeness(0), 1e-12, "age 0: 1 / 1.5");
    }

    /**
     * Only the newest origins estimate a step: 100 → 200 twice, then 100 → 150 and 200 → 360.
     * The two newest: (150 + 360) / (100 + 200) = 1.7; the newest alone 1.8; all four 910 / 500 = 1.82.
     */
    @Test
    void theNewestOriginsSetTheFactors() {
        double[][] t = {{100, 200}, {100, 200}, {100, 150}, {200, 360}, {50, 0}};
        int[] observed = {1, 1, 1, 1, 0};
        assertEquals(1.7, new ChainLadder(t, observed, 2, 2).factor(0), 1e-12, "the two newest origins with a step");
        assertEquals(1.8, new ChainLadder(t, observed, 2, 1).factor(0), 1e-12, "the newest alone");
        assertEquals(1.82, new ChainLadder(t, observed, 2, 12).factor(0), 1e-12, "all of them");
    }
}
