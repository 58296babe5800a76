package nl.voorkant.flow.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.YearMonth;
import java.util.List;
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

    @Test
    void trajectoriesAtTheEdgesAreCensored() {
        // Data 2019-01 .. 2019-12, max_gap 1: starts in 2019-01 or 2019-02 are left-censored, ends in 2019-11 or 2019-12 right-censored.
        Censoring data = Censoring.withMaxGap(1).over(JAN_2019, JAN_2019 + 11);
        assertEquals(JAN_2019 + 1, data.lastLeftCensored());
        assertEquals(JAN_2019 + 10, data.firstRightCensored());
        assertEquals(JAN_2019, Censoring.withMaxGap(0).over(JAN_2019, JAN_2019 + 11).lastLeftCensored());
    }
}
