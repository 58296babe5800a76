package nl.voorkant.flow.model;

import java.util.Objects;

/**
 * One client's claim lines spread over the calendar months their delivered period touches: net
 * volume, net cost and first referrer per month, for one municipality and care unit.
 *
 * <p>Months are numbered as by {@link Months}. Amounts are spread in whole cents by cumulative
 * days: month i of a line gets floor(A·D_i/D) − floor(A·D_(i−1)/D), where D_i are the days up to and including month i. The
 * parts add up exactly to the line's amount, so costs reconcile to the cent with ingestion.
 */
public final class MonthActivity {
    /** Active means a net volume above zero; the epsilon absorbs the rounding of day fractions. */
    public static final double ACTIVE_EPSILON = 1e-9;
    /** The referrer code of the local team (lokaal team / CJG) in iJw exports. */
    public static final int LOCAL_TEAM_REFERRER = 1;
    /**
     * The referrer of a line whose referrer is not known (an iJw line without its allocation): above
     * every iJw code, so that a known referrer of a line starting the same day wins the tie.
     */
    public static final int UNKNOWN_REFERRER = 99;

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

    /** The months touched, from month {@code first} on; null where no line touches a month. */
    private Month[] months = new Month[0];
    private int first;
    /** The provider of the first line, and whether another line had another: most cells have one provider. */
    private String provider;
    private boolean severalProviders;

    /** Receives a line's share of one month. */
    public interface MonthPart {
        void accept(int month, double volume, long cents);
    }

    /** Spreads a line over its months, signed: the cents add up exactly to the line's signed amount. */
    public static void spread(Line line, MonthPart to) {
        int sign = line.credit() ? -1 : 1;
        long days = line.endDay() - line.startDay() + 1L;
        int last = Months.ofDay(line.endDay());
        int m = Months.ofDay(line.startDay());
        int monthFirst = Months.firstDay(m);
        for (; m <= last; m++) {
            int nextFirst = Months.firstDay(m + 1);
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
        if (months.length == 0) provider = line.provider();
        else if (!Objects.equals(provider, line.provider())) severalProviders = true;
        long packedDebit = line.credit() ? Long.MAX_VALUE : line.startDay() * 100L + line.referrer();
        cover(Months.ofDay(line.startDay()), Months.ofDay(line.endDay()));
        spread(line, (m, volume, cents) -> {
            Month month = months[m - first];
            if (month == null) month = months[m - first] = new Month();
            month.volume += volume;
            month.cents += cents;
            month.firstDebit = Math.min(month.firstDebit, packedDebit);
            alsoTo.accept(m, volume, cents);
        });
    }

    /** Widens the array to hold months {@code from} to {@code to}. */
    private void cover(int from, int to) {
        if (months.length == 0) {
            months = new Month[to - from + 1];
            first = from;
            return;
        }
        int newFirst = Math.min(first, from), newLast = Math.max(first + months.length - 1, to);
        if (newFirst == first && newLast == first + months.length - 1) return;
        Month[] wider = new Month[newLast - newFirst + 1];
        System.arraycopy(months, 0, wider, first - newFirst, months.length);
        months = wider;
        first = newFirst;
    }

    /** The provider of every line, when they all have the same one (null when that is unknown). */
    String provider() {
        return provider;
    }

    boolean severalProviders() {
        return severalProviders;
    }

    /** Whether the client is active in a month (net volume above zero). */
    boolean activeIn(int m) {
        Month month = month(m);
        return month != null && month.active();
    }

    /** The net cost of the months {@code from} to {@code to}. */
    long centsBetween(int from, int to) {
        long cents = 0;
        for (int m = from; m <= to; m++) {
            Month month = month(m);
            if (month != null) cents += month.cents;
        }
        return cents;
    }

    /** A month this activity touches, or null. */
    Month month(int m) {
        int i = m - first;
        return i >= 0 && i < months.length ? months[i] : null;
    }

    /** The span of the touched months: {@link #month} is null outside it and for the untouched months inside. */
    int firstMonth() {
        return first;
    }

    int lastMonth() {
        return first + months.length - 1;
    }
}
