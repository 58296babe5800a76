package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.YearMonth;
import nl.voorkant.flow.tables.Placements;
import org.junit.jupiter.api.Test;

class ScenarioConfigTest {

    static final String ONE = """
            defaults:
              front_cost_ratio: 0.8
              start_month: 2021-03
            scenarios:
              - name: a
                area: GM0482
                product_group: begeleiding
                base_clients: 10
                monthly_cost_eur: 1000
                monthly_inflow: 2
                duration_months: 3
                mode: big-bang
              - name: b
                area: GM0590
                product_group: begeleiding
                base_year: 2019
                diverted_inflow: local_referred
            """;

    @Test
    void aScenarioIsNamedByItsTitleOrElseByItsAreaAndGroup() {
        ScenarioConfig c = ScenarioConfig.parse(ONE.replace("  - name: a\n", "  - name: a\n    title: \"Plan 2021\"\n"), "t.yaml");
        java.util.function.UnaryOperator<String> areas = a -> a.equals("GM0590") ? "Papendrecht" : a;
        java.util.function.UnaryOperator<String> groups = g -> g.equals("begeleiding") ? "Begeleiding (l)vb" : g;
        assertEquals("Plan 2021", c.scenarios().get(0).title(areas, groups), "the title the file gives");
        assertEquals("Papendrecht: Begeleiding (l)vb", c.scenarios().get(1).title(areas, groups),
                "without one, the area and group by their names");
        ConfigException blank = assertThrows(ConfigException.class,
                () -> ScenarioConfig.parse(ONE.replace("  - name: a\n", "  - name: a\n    title: \" \"\n"), "t.yaml"));
        assertTrue(blank.getMessage().contains("scenarios[0].title"), blank.getMessage());
    }

    @Test
    void readsScenariosWithDefaults() {
        ScenarioConfig c = ScenarioConfig.parse(ONE, "t.yaml");
        assertEquals(2, c.scenarios().size());
        ScenarioConfig.ScenarioSpec a = c.scenarios().get(0);
        assertFalse(a.dataDriven());
        assertEquals(Scenario.Mode.BIG_BANG, a.mode());
        assertEquals(0.8, a.frontCostRatio());
        assertEquals(YearMonth.of(2021, 3), a.start());
        assertEquals(1, a.lagMonths());
        assertEquals(3, a.typedBaseline().meanDurationMonths(), 1e-12);
        ScenarioConfig.ScenarioSpec b = c.scenarios().get(1);
        assertTrue(b.dataDriven());
        assertEquals(2019, b.baseYear());
        assertEquals(Scenario.Diversion.LOCAL_REFERRED, b.diversion());
        assertNull(c.targets());
    }

    static String badMessage(String yaml) {
        return assertThrows(ConfigException.class, () -> ScenarioConfig.parse(yaml, "t.yaml")).getMessage();
    }

    @Test
    void badValuesNameTheField() {
        assertEquals("scenarios[1].duration_months: must be > 0, got -3",
                badMessage(ONE.replace("base_year: 2019", "base_clients: 5\n    monthly_cost_eur: 1\n"
                        + "    monthly_inflow: 1\n    duration_months: -3")));
        assertEquals("scenarios[0].front_cost_ratio: must be <= 2, got 2.5",
                badMessage(ONE.replace("mode: big-bang", "front_cost_ratio: 2.5")));
        assertEquals("defaults.front_cost_ratio: must be >= 0, got -0.1",
                badMessage(ONE.replace("front_cost_ratio: 0.8", "front_cost_ratio: -0.1")));
        assertEquals("scenarios[0].mode: unknown value 'sudden' (use gradual or big-bang)",
                badMessage(ONE.replace("mode: big-bang", "mode: sudden")));
        assertTrue(badMessage(ONE.replace("mode: big-bang", "durration: 4"))
                .startsWith("scenarios[0].durration: unknown key (known: "));
        assertEquals("scenarios[1].base_year: required for a scenario read from the data (or give base_clients, "
                + "monthly_cost_eur, monthly_inflow, duration_months)", badMessage(ONE.replace("    base_year: 2019\n", "")));
        assertEquals("defaults.start_month: must be a month yyyy-MM, got 'June'",
                badMessage(ONE.replace("2021-03", "June")));
        assertTrue(badMessage("targets:\n  area: X\n  base_year: 2019\n  shares: [1.3]\n")
                .startsWith("targets.shares[0]: must be <= 1"));
    }

    @Test
    void thePlacementDealIsTheMemosUnlessTheFileSaysOtherwise() {
        assertEquals(new Placements.Plan(0.25, 10), ScenarioConfig.parse(ONE, "t.yaml").placements(), "the memo's deal");
        assertEquals(new Placements.Plan(0.4, 6), ScenarioConfig.parse(ONE + "placements:\n  reduction_share: 0.4\n"
                + "  incentive_placements: 6\n", "t.yaml").placements(), "the file's");
        assertEquals("placements.reduction_share: must be <= 1, got 25",
                badMessage(ONE + "placements:\n  reduction_share: 25\n"));
    }

    @Test
    void theShippedFileLoads() {
        ScenarioConfig c = ScenarioConfig.load(Path.of("data/scenarios.yaml"));
        assertEquals(5, c.scenarios().size());
        assertEquals(2, c.targets().shares().size());
        assertEquals(0.75, c.targets().shares().get(1));
        assertEquals(ScenarioConfig.Objective.MAX_SAVING, c.targets().objective());
        assertEquals(10_000, c.monteCarlo().runs());
        assertEquals(Path.of("data/reference"), c.reference());
    }

    @Test
    void presetHoldsThePlansTwoScenarios() {
        ScenarioConfig c = ScenarioConfig.preset("alblasserdam-2020");
        assertEquals(2, c.scenarios().size());
        ScenarioConfig.ScenarioSpec b = c.scenarios().get(0);
        assertEquals("alblasserdam_begeleiding", b.name());
        assertEquals(5, b.durationMonths());
        assertEquals(YearMonth.of(2020, 6), b.start());
        assertEquals(7, b.horizonMonths());
        ScenarioConfig.ScenarioSpec j = c.scenarios().get(1);
        assertEquals(9, j.durationMonths());
        assertEquals(1.1, j.monthlyLocalInflow(), 1e-9);
        assertThrows(ConfigException.class, () -> ScenarioConfig.preset("nope"));
    }
}
