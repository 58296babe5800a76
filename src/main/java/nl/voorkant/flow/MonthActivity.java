package nl.voorkant.flow;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client's claim lines spread over the calendar months their delivered period touches: net
 * volume, net cost and first referrer per month, for one municipality and care unit.
 *
 * <p>Months are numbered {@code year * 12 + month - 1} so that gaps and durations are differences.
 * Amounts are spread in whole cents by cumulative days: month i of a line gets
 * floor(A·D_i/D) − floor(A·D_(i−1)/D), where D_i are the days up to and including month i. The
 * parts add up exactly to the line's amount, so costs reconcile to the cent with ingestion.
 */
public final class MonthActivity {
    /** Active means a net volume above zero; the epsilon absorbs the rounding of day fractions. */
    static final double ACTIVE_EPSILON = 1e-9;
    /** The referrer code of the local team (lokaal team / CJG) in iJw exports. */
    static final int LOCAL_TEAM_REFERRER = 1;

    /** One accepted claim line, as the flow stage needs it; a credit subtracts. */
    public record Line(String municipality, String group, String product, String provider, int referrer,
                       int startDay, int endDay, double volume, long cents, boolean credit) {}

    /** A month of one client, municipality and unit: signed net volume and cost, and the first debit's referrer. */
    static final class Month {
        double volume;
        long cents;
        /** (start day, referrer) of the earliest-starting debit line, packed so that the lower referrer wins a tie. */
        long firstDebit = Long.MAX_VALUE;

        boolean active() {
            return volume > ACTIVE_EPSILON;
        }

        /** The referrer of the month's earliest-starting debit line, or -1 if it has none. */
        int firstReferrer() {
            return firstDebit == Long.MAX_VALUE ? -1 : (int) (firstDebit % 100);
        }
    }

    private final TreeMap<Integer, Month> months = new TreeMap<>();

    public static int monthOfDay(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    static int firstDayOfMonth(int month) {
        return (int) LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1).toEpochDay();
    }

    /** A month number as yyyy-MM. */
    public static String label(int month) {
        return java.time.YearMonth.of(yearOf(month), Math.floorMod(month, 12) + 1).toString();
    }

    static int yearOf(int month) {
        return Math.floorDiv(month, 12);
    }

    /** Receives a line's share of one month. */
    interface MonthPart {
        void accept(int month, double volume, long cents);
    }

    /** Spreads a line over its months, signed: the cents add up exactly to the line's signed amount. */
    static void spread(Line line, MonthPart to) {
        int sign = line.credit() ? -1 : 1;
        long days = line.endDay() - line.startDay() + 1L;
        int last = monthOfDay(line.endDay());
        int m = monthOfDay(line.startDay());
        int monthFirst = firstDayOfMonth(m);
        for (; m <= last; m++) {
            int nextFirst = firstDayOfMonth(m + 1);
            int monthStart = Math.max(line.startDay(), monthFirst);
            int monthEnd = Math.min(line.endDay(), nextFirst - 1);
            long through = line.cents() * (monthEnd - line.startDay() + 1L) / days;
            long before = line.cents() * (monthStart - line.startDay()) / days;
            to.accept(m, line.volume() * (monthEnd - monthStart + 1) / days * sign, (through - before) * sign);
            monthFirst = nextFirst;
        }
    }

    /** Adds a line's months, passing each share on to {@code alsoTo}; all lines belong to one client, municipality and unit. */
    void add(Line line, MonthPart alsoTo) {
        long packedDebit = line.credit() ? Long.MAX_VALUE : line.startDay() * 100L + line.referrer();
        spread(line, (m, volume, cents) -> {
            Month month = months.computeIfAbsent(m, k -> new Month());
            month.volume += volume;
            month.cents += cents;
            month.firstDebit = Math.min(month.firstDebit, packedDebit);
            alsoTo.accept(m, volume, cents);
        });
    }

    /** The months this activity touches, in order, active or not. */
    Map<Integer, Month> months() {
        return months;
    }
}
