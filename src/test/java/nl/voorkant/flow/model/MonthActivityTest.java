package nl.voorkant.flow.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthActivityTest {
    static final int JAN_2019 = 2019 * 12;

    static MonthActivity.Line line(String start, String end, double volume, long cents, boolean credit, int referrer) {
        return new MonthActivity.Line("GM0482", "begeleiding", "H300", "P1", referrer,
                (int) LocalDate.parse(start).toEpochDay(), (int) LocalDate.parse(end).toEpochDay(), volume, cents, credit);
    }

    @Test
    void aLineSpanningAQuarterIsSpreadByDaysToTheCent() {
        // 90 days: 31 + 28 + 31. EUR 100.00 = 10000 cents: floor(10000·31/90) = 3444,
        // floor(10000·59/90) − 3444 = 3111, and the rest 10000 − 6555 = 3445.
        List<Integer> months = new ArrayList<>();
        List<Long> cents = new ArrayList<>();
        List<Double> volumes = new ArrayList<>();
        MonthActivity.spread(line("2019-01-01", "2019-03-31", 90, 10000, false, 1), (m, v, c) -> {
            months.add(m);
            volumes.add(v);
            cents.add(c);
        });
        assertEquals(List.of(JAN_2019, JAN_2019 + 1, JAN_2019 + 2), months);
        assertEquals(List.of(3444L, 3111L, 3445L), cents);
        assertEquals(31.0, volumes.get(0), 1e-9);
        assertEquals(28.0, volumes.get(1), 1e-9);
    }

    @Test
    void aPeriodInsideOneMonthAndACreditAcrossAYearEnd() {
        List<Long> cents = new ArrayList<>();
        MonthActivity.spread(line("2019-03-10", "2019-03-20", 11, 999, false, 1), (m, v, c) -> cents.add(c));
        assertEquals(List.of(999L), cents);
        cents.clear();
        // 2019-12-21 .. 2020-01-10: 11 days in December, 10 in January; 2100 cents: 1100 and 1000, negative.
        List<Integer> months = new ArrayList<>();
        MonthActivity.spread(line("2019-12-21", "2020-01-10", 21, 2100, true, 1), (m, v, c) -> {
            months.add(m);
            cents.add(c);
        });
        assertEquals(List.of(JAN_2019 + 11, JAN_2019 + 12), months);
        assertEquals(List.of(-1100L, -1000L), cents);
    }

    @Test
    void aCreditThatCancelsAMonthLeavesTheClientInactiveThere() {
        MonthActivity a = new MonthActivity();
        a.add(line("2019-01-01", "2019-01-31", 4, 5000, false, 1), (m, v, c) -> {});
        a.add(line("2019-02-01", "2019-02-28", 4, 5000, false, 1), (m, v, c) -> {});
        a.add(line("2019-02-01", "2019-02-28", 4, 5000, true, 1), (m, v, c) -> {});
        assertTrue(a.month(JAN_2019).active());
        assertFalse(a.month(JAN_2019 + 1).active());
        assertEquals(0L, a.month(JAN_2019 + 1).cents);
    }

    @Test
    void theFirstReferrerIsThatOfTheEarliestStartingDebitLine() {
        MonthActivity a = new MonthActivity();
        a.add(line("2019-03-10", "2019-03-31", 2, 100, false, 2), (m, v, c) -> {});
        a.add(line("2019-03-01", "2019-03-31", 2, 100, false, 1), (m, v, c) -> {});
        a.add(line("2019-02-20", "2019-03-31", 2, 100, true, 4), (m, v, c) -> {});
        assertEquals(1, a.month(JAN_2019 + 2).firstReferrer());
        MonthActivity tie = new MonthActivity();
        tie.add(line("2019-03-01", "2019-03-31", 2, 100, false, 3), (m, v, c) -> {});
        tie.add(line("2019-03-01", "2019-03-31", 2, 100, false, 2), (m, v, c) -> {});
        assertEquals(2, tie.month(JAN_2019 + 2).firstReferrer());
    }

    @Test
    void anEarlierLineAfterALaterOneWidensTheMonthsBackwards() {
        MonthActivity a = new MonthActivity();
        a.add(line("2019-05-01", "2019-05-31", 4, 500, false, 2), (m, v, c) -> {});
        a.add(line("2019-02-15", "2019-03-14", 4, 280, false, 1), (m, v, c) -> {});
        assertEquals(JAN_2019 + 1, a.firstMonth());
        assertEquals(JAN_2019 + 4, a.lastMonth());
        // 28 days: 14 in February, 14 in March.
        assertEquals(140L, a.month(JAN_2019 + 1).cents);
        assertEquals(140L, a.month(JAN_2019 + 2).cents);
        assertNull(a.month(JAN_2019 + 3), "April has no line");
        assertEquals(2, a.month(JAN_2019 + 4).firstReferrer());
        assertNull(a.month(JAN_2019), "before the first month");
        assertNull(a.month(JAN_2019 + 5), "after the last month");
    }

    @Test
    void firstDaysOfMonthsAgreeWithTheCalendarInsideAndOutsideTheTable() {
        for (int year : new int[] {1850, 1900, 2000, 2019, 2024, 2199, 2200, 2300}) {
            for (int month = 1; month <= 12; month++) {
                assertEquals(LocalDate.of(year, month, 1).toEpochDay(), Months.firstDay(year * 12 + month - 1),
                        year + "-" + month);
            }
        }
    }
}
