package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionModelTest {

    static Scenario scenario(double base, double cost, double inflow, int duration, Scenario.Mode mode, int lag,
                             double induced, int horizon) {
        Baseline b = new Baseline("GM0482", "g", null, base, cost, inflow, inflow, Survival.fixed(duration));
        return new Scenario("t", b, mode, Scenario.Diversion.ALL, 0.9, lag, YearMonth.of(2020, 6), horizon, induced,
                null, null);
    }

    /** The plan's table: front clients, front budget, market clients, market cost, fund draw (null = blank). */
    record PlanRow(int front, double budget, int market, double marketCost, Double draw) {}

    static final List<PlanRow> BEGELEIDING = List.of(
            new PlanRow(5, 2459, 50, 27333, 2459.0),
            new PlanRow(10, 4918, 45, 24599, 2184.0),
            new PlanRow(15, 7377, 40, 21865, 1909.0),
            new PlanRow(20, 9836, 35, 19131, 1634.0),
            new PlanRow(25, 12295, 30, 16397, 1359.0),
            new PlanRow(25, 12295, 25, 13663, null),
            new PlanRow(25, 12295, 25, 13663, null));

    static final List<PlanRow> JO_NETWERK = List.of(
            new PlanRow(2, 1050, 24, 14000, 1050.0),
            new PlanRow(4, 2100, 22, 12833, 933.0),
            new PlanRow(6, 3150, 20, 11666, 816.0),
            new PlanRow(8, 4200, 18, 10499, 699.0),
            new PlanRow(10, 5250, 16, 9332, 582.0),
            new PlanRow(12, 6300, 14, 8165, 465.0),
            new PlanRow(14, 7350, 12, 6998, 348.0));

    static void assertReproducesPlan(Transition t, List<PlanRow> plan, double planTotal) {
        assertEquals(plan.size(), t.months().size());
        for (int k = 0; k < plan.size(); k++) {
            PlanRow p = plan.get(k);
            Transition.Month m = t.months().get(k);
            String where = "month " + m.month();
            assertEquals(p.front(), m.frontClients(), 1e-9, where);
            assertEquals(p.market(), m.marketClients(), 1e-9, where);
            assertEquals(p.budget(), m.frontBudgetEur(), 10, where);
            assertEquals(p.marketCost(), m.marketCostEur(), 10, where);
            assertEquals(p.draw() == null ? 0 : p.draw(), m.fundDrawEur(), 10, where);
        }
        assertEquals(planTotal, t.totalFundDrawEur(), planTotal * 0.005);
    }

    @Test
    void reproducesThePlansBegeleidingTable() {
        Transition t = TransitionModel.run(scenario(50, 27_333, 5, 5, Scenario.Mode.GRADUAL, 1, 0, 7));
        assertReproducesPlan(t, BEGELEIDING, 9_545);
        // Exact arithmetic; the plan rounds each client block to whole euros.
        double[] exact = {2459.97, 2186.64, 1913.31, 1639.98, 1366.65, 0, 0};
        for (int k = 0; k < exact.length; k++) assertEquals(exact[k], t.months().get(k).fundDrawEur(), 0.005);
        assertEquals(9566.55, t.totalFundDrawEur(), 0.005);
        assertEquals(9566.55, t.months().get(6).cumulativeFundDrawEur(), 0.005);
        // Steady state: 25 clients cost 10% less at the front: 12 x 0.1 x 25 x 546.66.
        assertEquals(16_399.80, t.steadyStateYearlySavingEur(), 0.005);
        // From November 1,366.65 a month net; seven such months earn the 9,566.55 back.
        assertEquals(YearMonth.of(2021, 5), t.paybackMonth());
    }

    @Test
    void reproducesThePlansJoNetwerkTable() {
        Transition t = TransitionModel.run(scenario(24, 14_000, 2, 9, Scenario.Mode.GRADUAL, 1, 0, 7));
        assertReproducesPlan(t, JO_NETWERK, 4_893);
        double[] exact = {1050, 933.33, 816.67, 700, 583.33, 466.67, 350};
        for (int k = 0; k < exact.length; k++) assertEquals(exact[k], t.months().get(k).fundDrawEur(), 0.005);
        assertEquals(4900.00, t.totalFundDrawEur(), 0.005);
    }

    @Test
    void bigBangMovesTheDivertedStockAtOnce() {
        // base 10, EUR 100 a client-month, inflow 2, duration 3: stock 6 moves at the start.
        Transition t = TransitionModel.run(scenario(10, 1_000, 2, 3, Scenario.Mode.BIG_BANG, 1, 0, 3));
        for (Transition.Month m : t.months()) {
            assertEquals(6, m.frontClients(), 1e-9);
            assertEquals(540, m.frontBudgetEur(), 1e-9);
        }
        assertEquals(10, t.months().get(0).marketClients(), 1e-9);
        assertEquals(540, t.months().get(0).fundDrawEur(), 1e-9);
        assertEquals(4, t.months().get(1).marketClients(), 1e-9);
        assertEquals(600, t.months().get(1).savingEur(), 1e-9);
        assertEquals(0, t.months().get(1).fundDrawEur(), 1e-9);
        assertEquals(540, t.totalFundDrawEur(), 1e-9);
        // Net 60 a month from the second month: 540 is back after nine more months.
        assertEquals(YearMonth.of(2021, 3), t.paybackMonth());
        assertEquals(720, t.steadyStateYearlySavingEur(), 1e-9);
    }

    @Test
    void lagZeroSavesInTheSameMonth() {
        Transition t = TransitionModel.run(scenario(10, 1_000, 2, 3, Scenario.Mode.GRADUAL, 0, 0, 4));
        double[] front = {2, 4, 6, 6};
        for (int k = 0; k < 4; k++) {
            Transition.Month m = t.months().get(k);
            assertEquals(front[k], m.frontClients(), 1e-9);
            assertEquals(10 - front[k], m.marketClients(), 1e-9);
            assertEquals(0, m.fundDrawEur(), 1e-9);
        }
        assertEquals(YearMonth.of(2020, 6), t.paybackMonth());
    }

    @Test
    void lagTwoDrawsTwoFullMonthsFirst() {
        Transition t = TransitionModel.run(scenario(10, 1_000, 2, 3, Scenario.Mode.GRADUAL, 2, 0, 5));
        // budgets 180, 360, 540, 540, 540; savings 0, 0, 200, 400, 600.
        double[] draws = {180, 360, 340, 140, 0};
        for (int k = 0; k < 5; k++) assertEquals(draws[k], t.months().get(k).fundDrawEur(), 1e-9);
        assertEquals(1020, t.totalFundDrawEur(), 1e-9);
        assertEquals(8, t.months().get(2).marketClients(), 1e-9);
    }

    @Test
    void inducedDemandCostsBudgetButSavesNothing() {
        // 50% bow wave: 3 front clients per month of inflow 2, the market still loses 2.
        Transition t = TransitionModel.run(scenario(10, 1_000, 2, 3, Scenario.Mode.GRADUAL, 1, 0.5, 4));
        double[] front = {3, 6, 9, 9};
        double[] market = {10, 8, 6, 4};
        double[] draws = {270, 340, 410, 210};
        for (int k = 0; k < 4; k++) {
            Transition.Month m = t.months().get(k);
            assertEquals(front[k], m.frontClients(), 1e-9);
            assertEquals(market[k], m.marketClients(), 1e-9);
            assertEquals(draws[k], m.fundDrawEur(), 1e-9);
        }
        // 6 x 100 saved against 9 x 90 spent: a yearly loss of 2,520.
        assertEquals(-2_520, t.steadyStateYearlySavingEur(), 1e-9);
        assertNull(t.paybackMonth());
    }

    @Test
    void localReferredDiversionUsesOnlyTheLocalInflow() {
        Baseline b = new Baseline("a", "g", null, 10, 1_000, 4, 1, Survival.fixed(2));
        Scenario sc = new Scenario("t", b, Scenario.Mode.GRADUAL, Scenario.Diversion.LOCAL_REFERRED, 0.9, 1,
                YearMonth.of(2020, 1), 3, 0, 100.0, 12_000.0);
        Transition t = TransitionModel.run(sc);
        assertEquals(1, t.months().get(0).frontClients(), 1e-9);
        assertEquals(2, t.months().get(2).frontClients(), 1e-9);
        // draws 90, 180 - 100 = 80, 180 - 200 < 0: 170 is above the cap of 100.
        assertEquals(170, t.totalFundDrawEur(), 1e-9);
        assertFalse(t.fundCapOk());
        // 12 x 180 = 2,160 > 13% of 12,000 = 1,560.
        assertFalse(t.thirteenPercentOk());
    }

    @Test
    void survivalCurveGivesFractionalCohorts() {
        // Half the trajectories last one month, half two: mean 1.5.
        Survival s = Survival.of(1.0, 0.5);
        assertEquals(1.5, s.meanMonths(), 1e-12);
        assertEquals(1, s.monthsFor(0.7));
        assertEquals(2, s.monthsFor(0.2));
        Baseline b = new Baseline("a", "g", null, 10, 1_000, 2, 2, s);
        Scenario sc = new Scenario("t", b, Scenario.Mode.GRADUAL, Scenario.Diversion.ALL, 0.9, 1,
                YearMonth.of(2020, 1), 3, 0, null, null);
        Transition t = TransitionModel.run(sc);
        assertEquals(2, t.months().get(0).frontClients(), 1e-12);
        assertEquals(3, t.months().get(1).frontClients(), 1e-12);
        assertEquals(3, t.months().get(2).frontClients(), 1e-12);
        // Big bang: stock 3 in month -1, of which 3 x 0.5 / 1.5 = 1 is left in month 0, plus a new cohort of 2.
        Transition bb = TransitionModel.run(sc.withMode(Scenario.Mode.BIG_BANG));
        assertEquals(3, bb.months().get(0).frontClients(), 1e-12);
    }

    @Test
    void kaplanMeierStepCurveIsCutAtTheLongestDuration() {
        Survival s = Survival.fromKaplanMeier(new int[] {1, 3, 4}, new double[] {0.8, 0.4, 0.3});
        // at(0)=1, at(1)=0.8, at(2)=0.8, at(3)=0.4, then 0 after the longest observed duration 4.
        assertEquals(4, s.length());
        assertEquals(0.4, s.at(3), 1e-12);
        assertEquals(0, s.at(4), 1e-12);
        assertEquals(3.0, s.meanMonths(), 1e-12);
        assertEquals(6, Survival.fixed(5).scaled(1.2).length());
        assertEquals(4, Survival.fixed(5).scaled(0.8).meanMonths(), 1e-12);
    }
}
