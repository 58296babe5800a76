package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import nl.voorkant.core.Table;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

    static Scenario begeleiding() {
        return TransitionModelTest.scenario(50, 27_333, 5, 5, Scenario.Mode.GRADUAL, 1, 0, 7);
    }

    @Test
    void poissonHasTheRightMeanAndVariance() {
        SplittableRandom r = new SplittableRandom(7);
        for (double mean : new double[] {0.5, 5, 120}) {
            double sum = 0, sq = 0;
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                long x = MonteCarlo.poisson(mean, r);
                sum += x;
                sq += (double) x * x;
            }
            double m = sum / n;
            assertEquals(mean, m, 4 * Math.sqrt(mean / n) + 1e-9, "mean " + mean);
            assertEquals(mean, sq / n - m * m, 0.03 * mean + 0.01, "variance " + mean);
        }
    }

    @Test
    void tenThousandRunsAreQuickSeededAndCentredOnTheExpectedPath() {
        long t0 = System.nanoTime();
        MonteCarlo.Result a = MonteCarlo.run(begeleiding(), 10_000, 42);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 5, "took " + seconds + " s");
        MonteCarlo.Result b = MonteCarlo.run(begeleiding(), 10_000, 42);
        assertArrayEquals(a.fundDraw(), b.fundDraw());
        // With fixed durations only the Poisson inflow varies: the median draw sits near the expected 9,566.55.
        assertEquals(9_566.55, a.fundDraw()[1], 500);
        assertTrue(a.fundDraw()[0] < a.fundDraw()[1] && a.fundDraw()[1] < a.fundDraw()[2]);
        assertEquals(16_399.80, a.yearlySaving()[1], 1_500);
        // The first month's draw is the budget for a Poisson(5) cohort: its median is 5 clients exactly.
        assertEquals(5 * 0.9 * 546.66, a.cumulativeDrawByMonth()[0][1], 1e-9);
        assertEquals(0, a.savingByMonth()[0][2], 1e-9);
    }

    @Test
    void bigBangStockLeavesByResidualDurations() {
        // Inflow 2, duration 3: a stock of 6 moves; 4 of it is left in month 0, 2 in month 1, none in month 2,
        // so with the new cohorts the expected diverted front stays at 6 every month.
        Survival residual = Survival.fixed(3).residual();
        assertEquals(2.0 / 3, residual.at(0), 1e-12);
        assertEquals(1.0 / 3, residual.at(1), 1e-12);
        Scenario sc = TransitionModelTest.scenario(10, 1_000, 2, 3, Scenario.Mode.BIG_BANG, 1, 0, 3);
        SplittableRandom random = new SplittableRandom(3);
        double[] mean = new double[3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double[] diverted = MonteCarlo.simulateClients(sc, 3, random)[0];
            for (int k = 0; k < 3; k++) mean[k] += diverted[k] / n;
        }
        for (int k = 0; k < 3; k++) assertEquals(6, mean[k], 0.05, "month " + k);
    }

    @Test
    void sensitivitySwingsEachParameterAlone() {
        List<Sensitivity.Swing> swings = Sensitivity.run(begeleiding(), 0.2);
        Sensitivity.Swing ratio = swings.stream().filter(s -> s.parameter().equals("front_cost_ratio")).findFirst().orElseThrow();
        assertEquals(0.72, ratio.lowValue(), 1e-12);
        // Ratio 1.08: the front costs more than the market, a yearly loss of 12 x 0.08 x 25 x 546.66.
        assertEquals(-13_119.84, ratio.savingHighEur(), 0.01);
        Sensitivity.Swing duration = swings.stream().filter(s -> s.parameter().equals("duration_months")).findFirst().orElseThrow();
        assertEquals(4, duration.lowValue(), 1e-12);
        assertEquals(6, duration.highValue(), 1e-12);
        Sensitivity.Swing lag = swings.stream().filter(s -> s.parameter().equals("lag_months")).findFirst().orElseThrow();
        // Lag 0: each month's saving already covers its 90% front budget, so nothing is drawn.
        assertEquals(0, lag.fundDrawLowEur(), 1e-9);
        assertEquals(7, swings.size());
    }

    @Test
    void presetRunWritesMonteCarloAndSensitivityTables() {
        ScenarioRun.Result r = ScenarioRun.run(ScenarioConfig.preset("alblasserdam-2020"), null,
                null);
        Table mc = r.tables().get("montecarlo");
        assertEquals(4, mc.size());
        assertEquals(10_000, mc.value(0, "runs"));
        assertEquals(2 * 2 * 7, r.tables().get("montecarlo_months").size());
        assertEquals(14, r.tables().get("sensitivity").size());
        for (String name : List.of("scenario_summary", "targets", "targets_summary", "trends", "baseline_projection",
                "montecarlo", "montecarlo_months", "sensitivity")) {
            assertTrue(r.tables().containsKey(name), name);
        }
    }
}
