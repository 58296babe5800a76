package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.voorkant.core.Table;
import org.junit.jupiter.api.Test;

class ScenarioRunTest {

    @Test
    void presetWritesAndPrintsBothPlanTables() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScenarioRun.Result r = ScenarioRun.run(ScenarioConfig.preset("alblasserdam-2020"), null,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Table beg = r.tables().get("scenario_alblasserdam_begeleiding_months");
        assertEquals(List.of(ScenarioRun.MONTH_COLUMNS), beg.columns());
        assertEquals(7, beg.size());
        assertEquals("2020-06", beg.value(0, "month"));
        assertEquals(new BigDecimal("2459.97"), beg.value(0, "fund_draw_eur"));
        assertEquals(new BigDecimal("9566.55"), beg.value(6, "cumulative_fund_draw_eur"));
        Table jo = r.tables().get("scenario_alblasserdam_jo_netwerk_months");
        assertEquals(new BigDecimal("4900.00"), jo.value(6, "cumulative_fund_draw_eur"));
        Table summary = r.tables().get("scenario_summary");
        assertEquals(List.of(ScenarioRun.SUMMARY_COLUMNS), summary.columns());
        assertEquals(new BigDecimal("9566.55"), summary.value(0, "total_fund_draw_eur"));
        assertEquals("true", summary.value(0, "fund_cap_ok"));
        assertNull(summary.value(0, "thirteen_percent_ok"));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("2020-12"), printed);
        assertTrue(printed.contains("9,566.55"), printed);
    }

    @Test
    void aDataDrivenScenarioWithoutDataIsSkippedWithANote() {
        ScenarioConfig c = ScenarioConfig.parse("""
                scenarios:
                  - name: p
                    area: GM0590
                    product_group: begeleiding
                    base_year: 2019
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, r.tables().get("scenario_summary").size());
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("scenario p overgeslagen: "), r.notes().get(0));
    }
}
