package nl.voorkant.flow.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Calendar months numbered {@code year * 12 + month - 1}, so that gaps and durations are differences.
 */
public final class Months {
    private Months() {}

    /** First days of the months 1900–2199: the fold asks for one per month of every line, and a date object each adds up. */
    private static final int TABLE_FROM = 1900 * 12;
    private static final int[] FIRST_DAYS = new int[300 * 12];

    static {
        for (int i = 0; i < FIRST_DAYS.length; i++) FIRST_DAYS[i] = computeFirstDay(TABLE_FROM + i);
    }

    public static int ofDay(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    static int firstDay(int month) {
        int i = month - TABLE_FROM;
        return i >= 0 && i < FIRST_DAYS.length ? FIRST_DAYS[i] : computeFirstDay(month);
    }

    private static int computeFirstDay(int month) {
        return (int) LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1).toEpochDay();
    }

    /** A month number as yyyy-MM. */
    public static String label(int month) {
        return YearMonth.of(yearOf(month), Math.floorMod(month, 12) + 1).toString();
    }

    public static int yearOf(int month) {
        return Math.floorDiv(month, 12);
    }

    public static int firstOf(int year) {
        return year * 12;
    }

    public static int lastOf(int year) {
        return year * 12 + 11;
    }
}
