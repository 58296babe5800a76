package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nl.voorkant.scenario.ScenarioConfig;
import nl.voorkant.scenario.ScenarioRun;
import org.junit.jupiter.api.Test;

/** The console is the CLI's: the scenario stage only computes. */
class ScenarioCommandTest {
    private static String printed(ScenarioRun.Result r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScenarioCommand.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachScenarioMonthByMonthInDutch() {
        String out = printed(ScenarioRun.run(ScenarioConfig.preset("alblasserdam-2020"), null, null));
        assertTrue(out.contains("Scenario alblasserdam_begeleiding: GM0482, begeleiding, gradual, start 2020-06"), out);
        // June 2020: 5 front clients at 0.9 x 546.66, all of it from the fund (the market saves from July).
        assertTrue(out.contains("2020-06       5.00       2,459.97     50.00      27,333.00         0.00     2,459.97     2,459.97"),
                out);
        assertTrue(out.contains("Totaal beroep op transformatiefonds: 9,566.55; besparing per jaar na opbouw: 16,399.80; "
                + "terugverdiend in: 2021-05"), out);
        assertFalse(out.contains("Let op"), "the preset skips nothing");
    }

    @Test
    void printsTheNotesInDutchAfterTheScenarios() {
        ScenarioConfig c = ScenarioConfig.parse("""
                scenarios:
                  - name: p
                    area: GM0590
                    product_group: begeleiding
                    base_year: 2019
                targets:
                  area: GM0590
                  base_year: 2019
                  shares: [0.3]
                """, "t.yaml");
        assertNull(ScenarioCommand.catalogue(c), "the configuration names no catalogue");
        String out = printed(ScenarioRun.run(c, null, ScenarioCommand.catalogue(c)));
        assertEquals("Let op: scenario p overgeslagen: geen stroomtabellen (tables/flow_year.csv en tables/km_survival.csv) "
                + "beschikbaar; draai analyse op de declaraties\nLet op: doelen overgeslagen: geen productcatalogus (reference) gevonden\n", out);
    }
}
