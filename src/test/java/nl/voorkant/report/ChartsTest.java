package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.awt.BasicStroke;
import javax.imageio.ImageIO;
import nl.voorkant.core.Table;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.scenario.ScenarioTables.SensitivityTable;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each chart on a small hand-built table: the dataset holds the table's figures, and the PNG is slide-sized. */
class ChartsTest {
    static final Texts NL = new Texts("nl");
    static final double EPS = 1e-9;

    static Table flowMonth() {
        return Table.builder("flow_month", "area", "area_level", "product_group", "month", "clients", "inflow", "outflow")
                .row("GM0482", "municipality", "begeleiding", "2020-01", 7L, 2L, 1L)
                .row("R", "region", "begeleiding", "2020-01", 10L, null, 3L)
                .row("R", "region", "begeleiding", "2020-02", 12L, 5L, null)
                .row("R", "region", "jo_netwerk", "2020-01", 4L, null, null)
                .row("R", "region", "jo_netwerk", "2020-02", null, 6L, null)
                .build();
    }

    @Test
    void clientsStackPerGroupWithASuppressedMonthAsNone() throws IOException {
        TimeTableXYDataset data = ChartData.clientsByGroup(flowMonth(), Names.NONE);
        assertEquals(2, data.getSeriesCount());
        assertEquals("begeleiding", data.getSeriesKey(0));
        assertEquals(2, data.getItemCount());
        assertEquals(10, data.getYValue(0, 0), EPS, "begeleiding 2020-01, the municipality row left out");
        assertEquals(12, data.getYValue(0, 1), EPS);
        assertEquals(4, data.getYValue(1, 0), EPS);
        assertEquals(0, data.getYValue(1, 1), EPS, "suppressed");
        assertSlide(Charts.stacked("t", "y", "x", data, ChartData.clientsTotal(flowMonth(), NL), NL));
    }

    @Test
    void inflowAndOutflowSumThePublishedFiguresAndLeaveOutMonthsWithoutAny() throws IOException {
        TimeSeriesCollection data = ChartData.inflowOutflow(flowMonth(), NL);
        assertEquals("instroom", data.getSeriesKey(0));
        assertEquals("uitstroom", data.getSeriesKey(1));
        assertEquals(1, data.getSeries(0).getItemCount(), "no inflow at all in 2020-01");
        assertEquals(11, data.getSeries(0).getValue(new Month(2, 2020)).doubleValue(), EPS, "5 + 6");
        assertEquals(1, data.getSeries(1).getItemCount(), "no outflow at all in 2020-02");
        assertEquals(3, data.getSeries(1).getValue(new Month(1, 2020)).doubleValue(), EPS);
        assertSlide(Charts.monthly("t", "y", "x", data, Set.of(), NL));
    }

    /**
     * flow_month with its nowcast block: 2020-02 and 2020-03 are provisional. In 2020-02 begeleiding has 12
     * clients in so far and a nowcast of 15 (90%: 13 to 18), jo_netwerk 2 and a nowcast of 3 (2 to 5); in
     * 2020-03 jo_netwerk's count and so its nowcast are suppressed.
     */
    static Table provisionalMonth() {
        return Table.builder("flow_month", "area", "area_level", "product_group", "month", "clients", "inflow", "outflow",
                        "cost_eur", "completeness", "clients_completeness", "provisional", "clients_nowcast",
                        "clients_nowcast_lower90", "clients_nowcast_upper90", "cost_eur_nowcast", "cost_eur_nowcast_lower90",
                        "cost_eur_nowcast_upper90")
                .row("GM0482", "municipality", "begeleiding", "2020-02", 7L, 2L, null, null, 0.7, 0.8, true, 9.0, 8.0, 11.0,
                        null, null, null)
                .row("R", "region", "begeleiding", "2020-01", 10L, 3L, 3L, null, null, null, false, null, null, null,
                        null, null, null)
                .row("R", "region", "begeleiding", "2020-02", 12L, 5L, null, null, 0.7, 0.8, true, 15.0, 13.0, 18.0,
                        null, null, null)
                .row("R", "region", "begeleiding", "2020-03", 13L, 5L, null, null, 0.3, 0.4, true, 20.0, 16.0, 25.0,
                        null, null, null)
                .row("R", "region", "jo_netwerk", "2020-01", 4L, 1L, null, null, null, null, false, null, null, null,
                        null, null, null)
                .row("R", "region", "jo_netwerk", "2020-02", 2L, 6L, null, null, 0.7, 0.8, true, 3.0, 2.0, 5.0,
                        null, null, null)
                .row("R", "region", "jo_netwerk", "2020-03", null, 6L, null, null, 0.3, 0.4, true, null, null, null,
                        null, null, null)
                .build();
    }

    @Test
    void theTotalOverTheStackRunsOnDashedThroughTheProvisionalMonthsAtTheirNowcast() throws IOException {
        Table month = provisionalMonth();
        assertEquals(Set.of(new Month(2, 2020), new Month(3, 2020)), ChartData.provisional(month),
                "2020-02 and 2020-03 at region level");
        YIntervalSeriesCollection total = ChartData.clientsTotal(month, NL);
        assertEquals(2, total.getSeriesCount(), "the complete months and the provisional ones");
        assertEquals("totaal", total.getSeriesKey(0));
        assertEquals(1, total.getItemCount(0), "2020-01 only");
        assertEquals(14, total.getYValue(0, 0), EPS, "10 + 4 in 2020-01");
        assertEquals("totaal, voorlopige maanden: nowcast met 90%-interval (gestreept, band)", total.getSeriesKey(1));
        assertEquals(2, total.getItemCount(1), "2020-01, so that the lines join, and 2020-02; 2020-03's total is not known");
        assertEquals(14, total.getYValue(1, 0), EPS, "setting off from 2020-01's 14");
        assertEquals(18, total.getYValue(1, 1), EPS, "2020-02: the nowcasts 15 + 3");
        assertEquals(15, total.getStartYValue(1, 1), EPS, "band: 13 + 2");
        assertEquals(23, total.getEndYValue(1, 1), EPS, "band: 18 + 5");

        BasicStroke complete = (BasicStroke) Charts.totalLine().getSeriesStroke(0);
        BasicStroke provisional = (BasicStroke) Charts.totalLine().getSeriesStroke(1);
        assertNull(complete.getDashArray(), "the complete months' total is solid");
        assertArrayEquals(Charts.PROVISIONAL_DASH, provisional.getDashArray(), "the provisional months' total is dashed");
        assertSlide(Charts.stacked("t", "y", "x", ChartData.clientsByGroup(month, Names.NONE), total, NL));
    }

    @Test
    void withoutNowcastsTheProvisionalMonthsAreDrawnAsObserved() {
        Table month = provisionalMonth();
        int nowcast = month.columnIndex("clients_nowcast");
        Table undated = month.withRows(month.rows().stream().map(r -> {
            List<Object> row = new java.util.ArrayList<>(r);
            row.set(nowcast, null);
            return row;
        }).toList());
        YIntervalSeriesCollection total = ChartData.clientsTotal(undated, NL);
        assertEquals("totaal, voorlopige maanden (gestreept)", total.getSeriesKey(1), "no nowcast is named");
        assertEquals(3, total.getItemCount(1), "2020-01 to join, 2020-02 and 2020-03");
        assertEquals(14, total.getYValue(1, 1), EPS, "2020-02 as observed: 12 + 2");
        assertEquals(14, total.getEndYValue(1, 1), EPS, "a band of no width");
        assertEquals(13, total.getYValue(1, 2), EPS, "2020-03: 13, the suppressed count as none, as in the stack");
    }

    @Test
    void inflowAndOutflowAreDashedIntoAProvisionalMonth() throws IOException {
        Table month = provisionalMonth();
        TimeSeriesCollection data = ChartData.inflowOutflow(month, NL);
        var lines = Charts.provisionalLines(data, ChartData.provisional(month));
        int january = data.getSeries(0).getIndex(new Month(1, 2020));
        int february = data.getSeries(0).getIndex(new Month(2, 2020));
        assertNull(((BasicStroke) lines.getItemStroke(0, january)).getDashArray(), "inflow in complete 2020-01: solid");
        assertArrayEquals(Charts.PROVISIONAL_DASH, ((BasicStroke) lines.getItemStroke(0, february)).getDashArray(),
                "inflow into provisional 2020-02: dashed");
        assertNull(((BasicStroke) lines.getItemStroke(1, 0)).getDashArray(), "outflow, in 2020-01 only: solid");
        assertNull(((BasicStroke) lines.lookupSeriesStroke(1)).getDashArray(),
                "the legend's lines are solid: the dash means provisional only");
        assertSlide(Charts.monthly("t", "y", "x", data, ChartData.provisional(month), NL));
    }

    @Test
    void withoutAProvisionalMonthTheTotalIsOneSolidLine() {
        YIntervalSeriesCollection total = ChartData.clientsTotal(flowMonth(), NL);
        assertEquals(1, total.getSeriesCount(), "no provisional series");
        assertEquals(12, total.getYValue(0, 1), EPS, "2020-02: 12 + jo_netwerk's suppressed month as none");
    }

    @Test
    void survivalCurvesStartAtOneAndCarryTheirBands() throws IOException {
        Table km = Table.builder("km_survival", "area", "area_level", "product_group", "duration_months", "at_risk",
                        "events", "censored", "survival", "lower95", "upper95")
                .row("S", "subregion", "crisis", 1L, 9L, 9L, 0L, 0.1, 0.0, 0.2)
                .row("R", "region", "crisis", 1L, 10L, 5L, 0L, 0.5, 0.2, 0.8)
                .row("R", "region", "crisis", 2L, 5L, 5L, 0L, 0.0, 0.0, 0.0)
                .row("R", "region", "verblijf", 3L, 20L, 2L, 1L, 0.9, 0.75, 0.97)
                .row("R", "region", "verblijf", 4L, 3L, null, null, null, null, null)
                .build();
        Map<String, YIntervalSeriesCollection> data = ChartData.survival(km, Names.NONE);
        assertEquals(List.of("crisis", "verblijf"), List.copyOf(data.keySet()));
        YIntervalSeriesCollection crisis = data.get("crisis");
        assertEquals(3, crisis.getItemCount(0));
        assertEquals(0, crisis.getXValue(0, 0), EPS);
        assertEquals(1, crisis.getYValue(0, 0), EPS);
        assertEquals(1, crisis.getXValue(0, 1), EPS);
        assertEquals(0.5, crisis.getYValue(0, 1), EPS);
        assertEquals(0.2, crisis.getStartYValue(0, 1), EPS);
        assertEquals(0.8, crisis.getEndYValue(0, 1), EPS);
        assertEquals(2, data.get("verblijf").getItemCount(0), "the suppressed duration is left out");
        assertSlide(Charts.survivalPanels("t", "y", "x", data, Map.of("crisis", "crisis · mediaan 1"), NL));
    }

    @Test
    void theProjectionKeepsObservedYearsApartFromTheProjectedBand() throws IOException {
        Table baseline = Table.builder("baseline_projection", "area", "product_group", "measure", "year", "observed",
                        "projected", "lower95", "upper95")
                .row("D", "begeleiding", "unique_clients", 2019L, 286L, 286.5, 263.96, 310.95)
                .row("D", "begeleiding", "unique_clients", 2020L, null, 327.0, 298.59, 358.11)
                .row("D", "begeleiding", "cost_eur", 2019L, new BigDecimal("1000.00"), 990.0, 900.0, 1100.0)
                .row("D", "jo_netwerk", "unique_clients", 2019L, 150L, 151.0, 140.0, 160.0)
                .build();
        Map<String, YIntervalSeriesCollection> data = ChartData.projection(baseline, FlowYear.UNIQUE_CLIENTS, Names.NONE, NL);
        assertEquals(List.of("begeleiding", "jo_netwerk"), List.copyOf(data.keySet()), "one area: panels by group");
        YIntervalSeriesCollection b = data.get("begeleiding");
        assertEquals("waargenomen", b.getSeriesKey(0));
        assertEquals(1, b.getItemCount(0), "2020 has no observation");
        assertEquals(2019, b.getXValue(0, 0), EPS);
        assertEquals(286, b.getYValue(0, 0), EPS);
        assertEquals(286, b.getStartYValue(0, 0), EPS, "no band around what was observed");
        assertEquals(2, b.getItemCount(1));
        assertEquals(327.0, b.getYValue(1, 1), EPS);
        assertEquals(298.59, b.getStartYValue(1, 1), EPS);
        assertEquals(358.11, b.getEndYValue(1, 1), EPS);
        assertEquals(1000, ChartData.projection(baseline, FlowYear.COST_EUR, Names.NONE, NL).get("begeleiding").getYValue(0, 0), EPS);
        assertSlide(Charts.projectionPanels("t", "y", "x", data, false, NL));
    }

    @Test
    void paybackBalanceIsTheCumulativeSavingLessTheFrontBudget() throws IOException {
        Table months = Table.builder("scenario_x_months", "month", "front_clients", "front_budget_eur", "market_clients",
                        "market_cost_eur", "saving_eur", "fund_draw_eur", "cumulative_fund_draw_eur")
                .row("2020-06", 1.0, new BigDecimal("100.00"), 9.0, new BigDecimal("900.00"), new BigDecimal("0.00"),
                        new BigDecimal("100.00"), new BigDecimal("100.00"))
                .row("2020-07", 2.0, new BigDecimal("200.00"), 8.0, new BigDecimal("800.00"), new BigDecimal("150.00"),
                        new BigDecimal("50.00"), new BigDecimal("150.00"))
                .row("2020-08", 2.0, new BigDecimal("200.00"), 8.0, new BigDecimal("800.00"), new BigDecimal("400.00"),
                        new BigDecimal("0.00"), new BigDecimal("150.00"))
                .build();
        TimeSeriesCollection data = ChartData.payback(months, NL);
        assertEquals(List.of(100.0, 50.0, 0.0), values(data, 0), "fund draw per month");
        // -100, then -100 + 150 - 200 = -150, then -150 + 400 - 200 = 50: paid back in August.
        assertEquals(List.of(-100.0, -150.0, 50.0), values(data, 1));
        assertEquals(new Month(6, 2020), data.getSeries(1).getTimePeriod(0));
        assertSlide(Charts.barsAndBalance("t", "y", "x", data, NL));
    }

    @Test
    void theFanHoldsP50WithTheP10ToP90BandPerScenarioAndMeasure() throws IOException {
        Table mc = Table.builder("montecarlo_months", "scenario", "month", "measure", "p10", "p50", "p90")
                .row("a", "2020-06", "cumulative_fund_draw_eur", new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("4.00"))
                .row("a", "2020-06", "saving_eur", new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"))
                .row("a", "2020-07", "cumulative_fund_draw_eur", new BigDecimal("3.00"), new BigDecimal("5.00"), new BigDecimal("8.00"))
                .row("a", "2020-07", "saving_eur", new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("3.00"))
                .row("b", "2020-06", "saving_eur", new BigDecimal("7.00"), new BigDecimal("8.00"), new BigDecimal("9.00"))
                .build();
        Map<String, YIntervalSeriesCollection> data = ChartData.fan(mc, NL);
        assertEquals(List.of("a", "b"), List.copyOf(data.keySet()));
        YIntervalSeriesCollection a = data.get("a");
        assertEquals(2, a.getSeriesCount());
        assertEquals("beroep op fonds cumulatief (€)", a.getSeriesKey(0));
        assertEquals(new Month(7, 2020).getFirstMillisecond(), a.getXValue(0, 1), EPS);
        assertEquals(5, a.getYValue(0, 1), EPS);
        assertEquals(3, a.getStartYValue(0, 1), EPS);
        assertEquals(8, a.getEndYValue(0, 1), EPS);
        assertEquals(2, a.getYValue(1, 1), EPS);
        assertEquals(1, data.get("b").getSeriesCount());
        assertSlide(Charts.fan("t", "y", "x", a, NL));
    }

    @Test
    void theTornadoPutsTheWidestSwingOnTopAsChangesFromTheBase() throws IOException {
        Table s = Table.builder("sensitivity", "scenario", "parameter", "low_value", "high_value", "fund_draw_low_eur",
                        "fund_draw_high_eur", "saving_low_eur", "saving_high_eur")
                .row("a", "monthly_inflow", 4.0, 6.0, new BigDecimal("80.00"), new BigDecimal("120.00"), new BigDecimal("10.00"), new BigDecimal("30.00"))
                .row("a", "front_cost_ratio", 0.72, 1.08, new BigDecimal("50.00"), new BigDecimal("190.00"), new BigDecimal("60.00"), new BigDecimal("-20.00"))
                .row("a", "monthly_cost_eur", 21866.4, 32799.6, new BigDecimal("90.00"), new BigDecimal("110.00"), new BigDecimal("15.00"), new BigDecimal("25.00"))
                .build();
        DefaultCategoryDataset draw = ChartData.tornado(s, SensitivityTable.FUND_DRAW_LOW_EUR, SensitivityTable.FUND_DRAW_HIGH_EUR, 100, NL);
        assertEquals(List.of("kosten voorkant / marktprijs (0,72 – 1,08)", "instroom per maand (4 – 6)",
                "kosten per maand (€) (21.866 – 32.800)"), draw.getColumnKeys());
        assertEquals(List.of("lage waarde", "hoge waarde"), draw.getRowKeys());
        assertEquals(-50, draw.getValue(0, 0).doubleValue(), EPS);
        assertEquals(90, draw.getValue(1, 0).doubleValue(), EPS);
        assertEquals(-20, draw.getValue(0, 1).doubleValue(), EPS);
        assertEquals(10, draw.getValue(1, 2).doubleValue(), EPS);
        DefaultCategoryDataset saving = ChartData.tornado(s, SensitivityTable.SAVING_LOW_EUR, SensitivityTable.SAVING_HIGH_EUR, 20, NL);
        assertEquals(-40, saving.getValue(1, 0).doubleValue(), EPS, "-20 against a base of 20");
        Map<String, CategoryDataset> outcomes = new LinkedHashMap<>();
        outcomes.put("draw", draw);
        outcomes.put("saving", saving);
        assertSlide(Charts.tornados("t", outcomes, "y", NL));
    }

    @Test
    void aMissingOrEmptyTableSkipsItsChartWithANote(@TempDir Path out) throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>(HtmlReportTest.tables());
        tables.put("montecarlo_months", Table.builder("montecarlo_months", "scenario", "month", "measure", "p10", "p50", "p90").build());
        Report.write(out, tables, HtmlReportTest.manifest(), List.of(), Map.of(), Names.NONE, "en");
        String html = Files.readString(out.resolve("index.html"));
        for (String table : List.of("km_survival", "baseline_projection", "montecarlo_months", "sensitivity")) {
            assertTrue(html.contains("Chart skipped: tables/" + table + ".csv is not part of this run or is empty."), table);
        }
        assertTrue(Files.exists(out.resolve("charts/inflow_outflow.png")));
        assertFalse(Files.exists(out.resolve("charts/km_survival.png")));
    }

    private static List<Double> values(TimeSeriesCollection data, int series) {
        return data.getSeries(series).getItems().stream()
                .map(i -> ((org.jfree.data.time.TimeSeriesDataItem) i).getValue().doubleValue()).toList();
    }

    private static void assertSlide(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertEquals(0xffffff, image.getRGB(2, 2) & 0xffffff, "white background");
    }
}
