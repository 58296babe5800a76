package nl.voorkant.flow.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.TableRows;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;

class TrajectoriesTest {
    static final int JAN_2019 = 2019 * 12;

    /** One whole-month debit per "yyyy-MM[:referrer]" (referrer 01 when omitted). */
    static MonthActivity activity(String... months) {
        MonthActivity a = new MonthActivity();
        for (String spec : months) {
            String[] p = spec.split(":");
            YearMonth m = YearMonth.parse(p[0]);
            a.add(MonthActivityTest.line(m.atDay(1).toString(), m.atEndOfMonth().toString(), 4, 100, false,
                    p.length > 1 ? Integer.parseInt(p[1]) : 1), (x, v, c) -> {});
        }
        return a;
    }

    @Test
    void aGapOfOneMonthContinuesATrajectoryAndAGapOfTwoEndsIt() {
        List<Trajectories.Trajectory> one = Trajectories.of(activity("2019-04", "2019-06"), Censoring.withMaxGap(1));
        List<Trajectories.Trajectory> two = Trajectories.of(activity("2019-04", "2019-07"), Censoring.withMaxGap(1));
        assertEquals(List.of(new Trajectories.Trajectory(JAN_2019 + 3, JAN_2019 + 5, 1)), one);
        assertEquals(3, one.get(0).durationMonths());
        assertEquals(List.of(1, 1), two.stream().map(Trajectories.Trajectory::durationMonths).toList());
    }

    @Test
    void withMaxGapZeroEveryMissingMonthEndsATrajectory() {
        assertEquals(2, Trajectories.of(activity("2019-04", "2019-06"), Censoring.withMaxGap(0)).size());
        assertEquals(1, Trajectories.of(activity("2019-04", "2019-05"), Censoring.withMaxGap(0)).size());
    }

    @Test
    void theFirstMonthsReferrerMarksTheTrajectoryAndAnInactiveMonthIsAGap() {
        MonthActivity a = activity("2019-03:02", "2019-04:01", "2019-05:01", "2019-09:01");
        a.add(MonthActivityTest.line("2019-05-01", "2019-05-31", 4, 100, true, 1), (x, v, c) -> {});
        List<Trajectories.Trajectory> t = Trajectories.of(a, Censoring.withMaxGap(0));
        assertEquals(List.of(new Trajectories.Trajectory(JAN_2019 + 2, JAN_2019 + 3, 2),
                new Trajectories.Trajectory(JAN_2019 + 8, JAN_2019 + 8, 1)), t);
        assertFalse(t.get(0).viaLocalTeam());
        assertTrue(t.get(1).viaLocalTeam());
    }

    /**
     * Data 2019-01 .. 2019-12 (P's first month, S's last), max_gap 1, so the first and last two months
     * are censored; begeleiding in GM0482, one client each:
     * <pre>
     * P 2019-01 .. 2019-02   its start may lie before the data: no inflow, no known duration, but its end is known
     * Q 2019-03              the first month whose inflow is known; ends there: outflow, an event of 1 month
     * R 2019-10              the last month whose outflow is known; an event of 1 month
     * S 2019-11 .. 2019-12   starts in a known month, but may go on: no outflow, censored at 2 months
     * </pre>
     */
    @Test
    void trajectoriesAtTheEdgesAreCensored() {
        Map<String, Table> t = FlowMetrics.compute(new ClaimsBuilder()
                .month(1, "GM0482", "H300", "2019-01", 10000, "01").month(1, "GM0482", "H300", "2019-02", 10000, "01")
                .month(2, "GM0482", "H300", "2019-03", 10000, "01").month(3, "GM0482", "H300", "2019-10", 10000, "01")
                .month(4, "GM0482", "H300", "2019-11", 10000, "01").month(4, "GM0482", "H300", "2019-12", 10000, "01")
                .build(), TestReference.small(), 1).tables();
        assertNull(month(t, "2019-01").get("inflow"), "inflow of the first month is unknown, not zero");
        assertNull(month(t, "2019-02").get("inflow"), "nor of the second (max_gap + 1 = 2 months)");
        assertEquals(1L, month(t, "2019-03").get("inflow"), "the third month's inflow is known: Q");
        assertEquals(1L, month(t, "2019-11").get("inflow"), "a start near the end is known: S");
        assertEquals(1L, month(t, "2019-02").get("outflow"), "a left-censored trajectory's end is known: P's outflow");
        assertEquals(1L, month(t, "2019-10").get("outflow"), "the last month whose outflow is known: R");
        assertNull(month(t, "2019-11").get("outflow"), "outflow of the last but one month is unknown, not zero");
        assertNull(month(t, "2019-12").get("outflow"), "nor of the last");

        TableRows.KeyedRow one = TableRows.one(t, "km_survival", "area", "GM0482", "product_group", "begeleiding",
                "duration_months", 1);
        assertEquals(List.of(3L, 2L, 0L), List.of(one.get("at_risk"), one.get("events"), one.get("censored")),
                "at 1 month: Q, R and S at risk (P, left-censored, is not), Q and R end");
        TableRows.KeyedRow two = TableRows.one(t, "km_survival", "area", "GM0482", "product_group", "begeleiding",
                "duration_months", 2);
        assertEquals(List.of(1L, 0L, 1L), List.of(two.get("at_risk"), two.get("events"), two.get("censored")),
                "at 2 months: S is censored, never counted as ended");
        TableRows.KeyedRow d = TableRows.one(t, "durations", "area", "GM0482", "product_group", "begeleiding");
        assertEquals(List.of(3L, 2L), List.of(d.get("trajectories"), d.get("closed")),
                "durations count the trajectories with a known start, and close only those with a known end");
    }

    private static TableRows.KeyedRow month(Map<String, Table> tables, String month) {
        return TableRows.one(tables, "flow_month", "area", "GM0482", "product_group", "begeleiding", "month", month);
    }
}
