package nl.voorkant.flow.model;

import java.io.Serializable;

/**
 * The one owner of what the data can know about a trajectory's edges. Active months at most
 * {@code maxGap + 1} apart continue one trajectory, so a trajectory that starts within the first
 * {@code maxGap + 1} months of the data may have begun before them (left-censored: no inflow, no known
 * duration), and one that ends within the last {@code maxGap + 1} months may go on after them
 * (right-censored: no outflow, censored in Kaplan–Meier).
 *
 * <p>The fold needs only the chaining rule; the bounds are known once every client has been folded
 * ({@link #over}). Months are numbered as by {@link Months}.
 *
 * @param first the first month in which any client is active
 * @param last  the last such month; before {@code first} when there are none
 */
public record Censoring(int maxGap, int first, int last) implements Serializable {
    public Censoring {
        if (maxGap < 0) throw new IllegalArgumentException("max_gap is negative");
    }

    /** The rule alone, before the data's months are known. */
    public static Censoring withMaxGap(int maxGap) {
        return new Censoring(maxGap, 0, -1);
    }

    /** The same rule over the data months {@code first} to {@code last}. */
    public Censoring over(int firstMonth, int lastMonth) {
        return new Censoring(maxGap, firstMonth, lastMonth);
    }

    /** Whether no client is active in any month. */
    public boolean isEmpty() {
        return last < first;
    }

    /** Whether an active month continues the trajectory whose last active month is {@code end}. */
    public boolean continues(int end, int month) {
        return month - end <= longestStep();
    }

    /** The most months from one active month to the next within one trajectory. */
    public int longestStep() {
        return maxGap + 1;
    }

    /** The last start month whose trajectories are left-censored: they may have begun before the data. */
    public int lastLeftCensored() {
        return first + maxGap;
    }

    /** The first end month whose trajectories are right-censored: they may go on after the data. */
    public int firstRightCensored() {
        return last - maxGap;
    }

    public boolean startKnown(int startMonth) {
        return startMonth > lastLeftCensored();
    }

    public boolean endKnown(int endMonth) {
        return endMonth < firstRightCensored();
    }

    /** A year's inflow is known when every start in it is: from its first month on. */
    public boolean inflowKnown(int year) {
        return startKnown(Months.firstOf(year));
    }

    /** A year's outflow is known when every end in it is: up to its last month. */
    public boolean outflowKnown(int year) {
        return endKnown(Months.lastOf(year));
    }

    /** The months from the first to the last: a month without any row for a unit had no clients there. */
    public long dataMonths() {
        return last - first + 1L;
    }

    /** The data months of one year. */
    public long dataMonthsIn(int year) {
        return Math.min(last, Months.lastOf(year)) - Math.max(first, Months.firstOf(year)) + 1L;
    }

    /** The data months whose starts are known; at least one, as the denominator of a monthly rate. */
    public long knownInflowMonths() {
        return Math.max(1, last - lastLeftCensored());
    }
}
