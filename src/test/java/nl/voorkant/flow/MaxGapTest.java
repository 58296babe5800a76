package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.TableRows;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * max_gap travels through the whole pass: chains, censoring widths, the product table and the
 * durations. The same claims with max_gap 2 and 1; data 2019-01 .. 2019-12 (Z, in another group).
 * Begeleiding (H300) in GM0482:
 * <pre>
 * u: 2019-04 and 2019-07   a gap of two months: one trajectory of 4 months with max_gap 2, two of 1 with 1
 * v: 2019-04 and 2019-08   a gap of three months: two trajectories of 1 month either way
 * w: 2019-03               in the first max_gap + 1 months only with max_gap 2: start unknown
 * x: 2019-10               in the last max_gap + 1 months only with max_gap 2: may go on
 * </pre>
 */
class MaxGapTest {
    static Map<String, Table> gap2, gap1;

    @BeforeAll
    static void compute() {
        ClaimsBuilder c = new ClaimsBuilder()
                .month(9, "GM0505", "JH-2A", "2019-01", 10000, "02").month(9, "GM0505", "JH-2A", "2019-12", 10000, "02")
                .month(1, "GM0482", "H300", "2019-04", 10000, "01").month(1, "GM0482", "H300", "2019-07", 10000, "01")
                .month(2, "GM0482", "H300", "2019-04", 10000, "01").month(2, "GM0482", "H300", "2019-08", 10000, "01")
                .month(3, "GM0482", "H300", "2019-03", 10000, "01")
                .month(4, "GM0482", "H300", "2019-10", 10000, "01");
        var claims = c.build();
        gap2 = FlowMetrics.compute(claims, TestReference.small(), 2).tables();
        gap1 = FlowMetrics.compute(claims, TestReference.small(), 1).tables();
    }

    /** Clients, inflow and outflow of GM0482's begeleiding in a month. */
    static List<Object> flows(Map<String, Table> tables, String month) {
        TableRows.KeyedRow r = TableRows.one(tables, "flow_month", "area", "GM0482", "product_group", "begeleiding",
                "month", month);
        return Arrays.asList(r.get("clients"), r.get("inflow"), r.get("outflow"));
    }

    @Test
    void withMaxGapTwoAGapOfTwoMonthsKeepsOneTrajectoryAndThreeSplitIt() {
        assertEquals(Arrays.asList(2L, 2L, 1L), flows(gap2, "2019-04"), "u and v start; v's first ends (three months follow)");
        assertEquals(Arrays.asList(1L, 0L, 1L), flows(gap2, "2019-07"), "u goes on over the two-month gap and ends here");
        assertEquals(Arrays.asList(1L, 1L, 1L), flows(gap2, "2019-08"), "v's second trajectory");
        assertEquals(Arrays.asList(1L, 1L, 1L), flows(gap1, "2019-07"), "with max_gap 1, u's July is a trajectory of its own");
        assertEquals(Arrays.asList(2L, 2L, 2L), flows(gap1, "2019-04"), "and u's April ends one");
    }

    @Test
    void theCensoredEdgesAreMaxGapPlusOneMonthsWide() {
        assertEquals(Arrays.asList(1L, null, 1L), flows(gap2, "2019-03"), "max_gap 2: March is the third month, inflow unknown");
        assertEquals(Arrays.asList(1L, 1L, null), flows(gap2, "2019-10"), "and October the third from last: outflow unknown");
        assertEquals(Arrays.asList(1L, 1L, 1L), flows(gap1, "2019-03"), "max_gap 1: both known");
        assertEquals(Arrays.asList(1L, 1L, 1L), flows(gap1, "2019-10"), "max_gap 1: both known");
    }

    @Test
    void yearlyAndProductFiguresFollowMaxGap() {
        assertEquals(2.0, year(gap2, "flow_year").get("mean_duration_months"),
                "max_gap 2: ended with a known start: u 4, v 1 and 1 months");
        assertEquals(1.0, year(gap1, "flow_year").get("mean_duration_months"), "max_gap 1: w, u, u, v, v, x: 1 month each");
        assertEquals(2.0, year(gap2, "flow_product_year").get("mean_duration_months"), "H300's own trajectories the same");
        assertEquals(1.0, year(gap1, "flow_product_year").get("mean_duration_months"), "H300's own trajectories the same");
        assertEquals(1, year(gap2, "flow_year").get("km_median_duration_months"), "1 month: 2 of 4 end there (x censored)");
    }

    static TableRows.KeyedRow year(Map<String, Table> tables, String table) {
        return TableRows.one(tables.get(table).where("product_group", "begeleiding"), "area", "GM0482", "year", 2019);
    }

    @Test
    void durationsFollowMaxGap() {
        TableRows.KeyedRow one = TableRows.one(gap2, "km_survival", "area", "GM0482", "product_group", "begeleiding",
                "duration_months", 1);
        assertEquals(List.of(4L, 2L, 1L, 0.5), List.of(one.get("at_risk"), one.get("events"), one.get("censored"),
                one.get("survival")), "1 month: u, v, v, x at risk; both v's end, x is censored");
        TableRows.KeyedRow four = TableRows.one(gap2, "km_survival", "area", "GM0482", "product_group", "begeleiding",
                "duration_months", 4);
        assertEquals(List.of(1L, 1L, 0L, 0.0), List.of(four.get("at_risk"), four.get("events"), four.get("censored"),
                four.get("survival")), "4 months: u ends");
        TableRows.KeyedRow d = TableRows.one(gap2, "durations", "area", "GM0482", "product_group", "begeleiding");
        assertEquals(List.of(4L, 3L, 1, 2.5, 4, 2.0), List.of(d.get("trajectories"), d.get("closed"),
                d.get("km_median_months"), d.get("km_restricted_mean_months"), d.get("restricted_to_months"),
                d.get("naive_mean_closed_months")), "trajectories, closed, median, 1·1 + 0.5·3, to 4 months, (4 + 1 + 1) / 3");
        assertEquals(0.444, d.get("monthly_inflow"), "4 starts over 12 − 3 months whose inflow is known");
        assertEquals(0.45, d.get("little_ratio"), "(6 / 12) / (4/9 · 2.5)");
        TableRows.KeyedRow d1 = TableRows.one(gap1, "durations", "area", "GM0482", "product_group", "begeleiding");
        assertEquals(List.of(6L, 6L, 0.6), List.of(d1.get("trajectories"), d1.get("closed"), d1.get("monthly_inflow")),
                "max_gap 1: six trajectories of 1 month, all ended, 6 starts over 10 known months");
    }
}
