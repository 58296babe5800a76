package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TrendsTest {

    @Test
    void recoversAnExactGrowthRate() {
        int[] years = {2016, 2017, 2018, 2019, 2020};
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) v[i] = 200 * Math.pow(1.1, i);
        Trends.Fit f = Trends.fit(years, v);
        assertEquals(0.10, f.growthRate(), 1e-12);
        assertEquals(0.10, f.lower95(), 1e-6);
        assertEquals(0.10, f.upper95(), 1e-6);
        assertEquals(1.0, f.r2(), 1e-12);
        assertEquals(200 * Math.pow(1.1, 6), f.project(2022)[0], 1e-6);
    }

    @Test
    void noisyDataGiveAnIntervalAroundTheGrowthRate() {
        // 5% growth with +/-2% alternating noise: ln y = ln 100 + t ln 1.05 + (-1)^t ln 1.02.
        int[] years = {2015, 2016, 2017, 2018, 2019, 2020};
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) v[i] = 100 * Math.pow(1.05, i) * (i % 2 == 0 ? 1.02 : 1 / 1.02);
        Trends.Fit f = Trends.fit(years, v);
        // The alternation tilts the slope by ln 1.02 x sum(t - 2.5)(-1)^t / Sxx = ln 1.02 x -3 / 17.5.
        double expectedSlope = Math.log(1.05) - Math.log(1.02) * 3.0 / 17.5;
        assertEquals(Math.expm1(expectedSlope), f.growthRate(), 1e-12);
        assertTrue(f.lower95() < 0.05 && 0.05 < f.upper95(), f.lower95() + " .. " + f.upper95());
        assertTrue(f.r2() > 0.9 && f.r2() < 1.0);
        double[] p = Trends.fit(years, v).project(2025);
        assertTrue(p[1] < p[0] && p[0] < p[2]);
        assertNull(Trends.fit(new int[] {2019, 2020}, new double[] {1, 2}).lower95());
        assertNull(Trends.fit(new int[] {2020}, new double[] {1}));
    }
}
