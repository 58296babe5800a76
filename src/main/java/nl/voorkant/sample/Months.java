package nl.voorkant.sample;

import java.time.LocalDate;

/** Month indexes (year × 12 + month − 1) and their first and last epoch days, from a table. */
final class Months {
    private Months() {}

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2060;
    private static final int BASE = FIRST_YEAR * 12;
    private static final int[] FIRST_DAY = new int[(LAST_YEAR - FIRST_YEAR + 1) * 12 + 1];

    static {
        for (int i = 0; i < FIRST_DAY.length; i++) {
            int mi = BASE + i;
            FIRST_DAY[i] = (int) LocalDate.of(mi / 12, mi % 12 + 1, 1).toEpochDay();
        }
    }

    static int index(int year, int month) {
        return year * 12 + month - 1;
    }

    static int firstDay(int monthIndex) {
        return FIRST_DAY[monthIndex - BASE];
    }

    static int lastDay(int monthIndex) {
        return FIRST_DAY[monthIndex - BASE + 1] - 1;
    }

    static int days(int monthIndex) {
        return lastDay(monthIndex) - firstDay(monthIndex) + 1;
    }

    static int year(int monthIndex) {
        return monthIndex / 12;
    }
}
