package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import nl.voorkant.core.Catalogue;
import org.junit.jupiter.api.Test;

class TargetPlannerTest {

    /**
     * Local 120 client-months a year; market A: 240 at EUR 1,000, shiftable 0.5, 2 months;
     * market B: 240 at EUR 500, shiftable 1, 4 months. Total 600: the local share is 20% now.
     */
    static final List<GroupInput> GROUPS = List.of(
            new GroupInput("lokaal_team", "LOCAL", 120, 12_000, 60, 0, 18, 10, Survival.fixed(2)),
            new GroupInput("a", "MARKET", 240, 240_000, 120, 0.5, 10, 10, Survival.fixed(2)),
            new GroupInput("b", "MARKET", 240, 120_000, 60, 1.0, 5, 5, Survival.fixed(4)));

    static TargetPlanner.Settings settings(ScenarioConfig.Objective o, boolean thirteen) {
        return new TargetPlanner.Settings(o, 0.9, 1, thirteen, 6_000.0);
    }

    @Test
    void fullMoveDrawsAreWhatTheTransitionGives() {
        // A: 10 a month for 2 months, EUR 1,000: draws 9,000 and 18,000 - 10,000.
        assertEquals(17_000, TargetPlanner.fullMoveDraw(GROUPS.get(1), settings(ScenarioConfig.Objective.MIN_FUND_DRAW, false)), 1e-6);
        // B: 5 a month for 4 months, EUR 500: draws 2,250 + 2,000 + 1,750 + 1,500.
        assertEquals(7_500, TargetPlanner.fullMoveDraw(GROUPS.get(2), settings(ScenarioConfig.Objective.MIN_FUND_DRAW, false)), 1e-6);
    }

    @Test
    void minFundDrawMovesTheCheapestGroupJustEnough() {
        // Need 0.5 x 600 - 120 = 180 client-months; B draws 31.25 per client-month against A's 70.83.
        TargetPlan p = TargetPlanner.plan(GROUPS, 0.5, settings(ScenarioConfig.Objective.MIN_FUND_DRAW, false));
        assertTrue(p.feasible());
        assertEquals(0.2, p.currentShare(), 1e-12);
        assertEquals(0.5, p.achievedShare(), 1e-9);
        assertEquals(0, p.moves().get(0).fractionMoved(), 1e-9);
        assertEquals(0.75, p.moves().get(1).fractionMoved(), 1e-9);
        assertEquals(180, p.moves().get(1).movedClientMonthsPerYear(), 1e-6);
        assertEquals(5_625, p.fundDrawEur(), 1e-6);
        assertEquals(9_000, p.yearlyNetSavingEur(), 1e-6);
        assertEquals(3, p.staffFte(), 1e-9);
        assertEquals(225, p.paperworkHoursSaved(), 1e-9);
        // Gradual: 3.75 a month for 4 months; big bang moves the 15 at once.
        assertEquals(4, p.monthsToTargetGradual());
        assertEquals(1, p.monthsToTargetBigBang());
        assertEquals("doel lokaal aandeel", dutch(p));
        assertTrue(p.fundCapOk());
        // Front budget 0.75 x 108,000 = 81,000 a year, above 13% of the 360,000 back end.
        assertEquals(81_000, p.frontBudgetEur(), 1e-6, "the front end's yearly budget for the moved care");
        assertFalse(p.thirteenPercentOk());
    }

    @Test
    void maxSavingMovesTheBestSavingGroupFirstAndStopsAtTheTarget() {
        // Need 180 client-months. A saves EUR 100 per client-month, B 50: all of A's shiftable 120, then 60 of B.
        TargetPlan p = TargetPlanner.plan(GROUPS, 0.5, settings(ScenarioConfig.Objective.MAX_SAVING, false));
        assertEquals(0.5, p.moves().get(0).fractionMoved(), 1e-9);
        assertEquals(0.25, p.moves().get(1).fractionMoved(), 1e-9);
        assertEquals(0.5, p.achievedShare(), 1e-9);
        assertEquals(15_000, p.yearlyNetSavingEur(), 1e-6);
        assertEquals(0.5 * 17_000 + 0.25 * 7_500, p.fundDrawEur(), 1e-6);
        assertFalse(p.fundCapOk());
        assertEquals("doel lokaal aandeel; verschuifbaar aandeel a", dutch(p));
    }

    @Test
    void beyondTheShiftableSharesIsInfeasibleWithTheReason() {
        TargetPlan p = TargetPlanner.plan(GROUPS, 0.85, settings(ScenarioConfig.Objective.MAX_SAVING, false));
        assertFalse(p.feasible());
        assertEquals("met de verschuifbare aandelen uit de catalogus komt het lokale aandeel hoogstens op 80.0%",
                dutch(p));
        assertTrue(p.moves().isEmpty());
    }

    @Test
    void theThirteenPercentRuleCanBind() {
        // 13% of 360,000 = 46,800 a year of front budget; B buys the most share per euro: x = 0.4333, share 37.3%.
        TargetPlan p = TargetPlanner.plan(GROUPS, 0.5, settings(ScenarioConfig.Objective.MIN_FUND_DRAW, true));
        assertFalse(p.feasible());
        assertTrue(dutch(p).startsWith("de 13%-regel"), dutch(p));
        assertTrue(dutch(p).endsWith("hoogstens 37.3%"), dutch(p));
        assertEquals("the 13% rule (front end at most 13% of the back-end budget, 46800 euros a year) keeps the local "
                + "share at most 37.3%", Catalogue.of("en").render(p.bindingConstraint()), "the same constraint in English");
        TargetPlan ok = TargetPlanner.plan(GROUPS, 0.3, settings(ScenarioConfig.Objective.MIN_FUND_DRAW, true));
        assertTrue(ok.feasible());
        assertEquals(0.25, ok.moves().get(1).fractionMoved(), 1e-9);
        assertTrue(ok.thirteenPercentOk());
    }

    @Test
    void aTargetAlreadyMetMovesNothing() {
        TargetPlan p = TargetPlanner.plan(GROUPS, 0.1, settings(ScenarioConfig.Objective.MIN_FUND_DRAW, false));
        assertTrue(p.feasible());
        assertEquals(0, p.fundDrawEur(), 1e-9);
        assertEquals(1, p.monthsToTargetGradual());
        assertTrue(dutch(p).startsWith("doel al gehaald"));
    }

    /** The binding constraint as the tables write it. */
    private static String dutch(TargetPlan p) {
        return Catalogue.of("nl").render(p.bindingConstraint());
    }
}
