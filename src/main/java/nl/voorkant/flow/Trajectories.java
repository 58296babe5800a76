package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Trajectories: per client, municipality and care unit, maximal chains of active months in which
 * consecutive active months are at most {@code maxGap + 1} apart. A trajectory that starts within
 * the first {@code maxGap + 1} months of the data may have started earlier (left-censored: no
 * inflow, no known duration); one that ends within the last {@code maxGap + 1} months may go on
 * (right-censored: no outflow, censored in Kaplan–Meier).
 */
public final class Trajectories {
    private Trajectories() {}

    /** The months of the data: from the first to the last month in which any client is active. */
    public record DataMonths(int first, int last) {
        public boolean isEmpty() {
            return last < first;
        }

        /** The last start month whose trajectories are left-censored: they may have begun before the data. */
        public int lastLeftCensored(int maxGap) {
            return first + maxGap;
        }

        /** The first end month whose trajectories are right-censored: they may go on after the data. */
        public int firstRightCensored(int maxGap) {
            return last - maxGap;
        }
    }

    /** One chain of active months and the first referrer of its first month. */
    record Trajectory(int startMonth, int endMonth, int firstReferrer) {
        int durationMonths() {
            return endMonth - startMonth + 1;
        }

        boolean viaLocalTeam() {
            return firstReferrer == MonthActivity.LOCAL_TEAM_REFERRER;
        }

        boolean referrerUnknown() {
            return firstReferrer == MonthActivity.UNKNOWN_REFERRER;
        }
    }

    /** The trajectories of one client, municipality and unit, in order. */
    static List<Trajectory> of(MonthActivity activity, int maxGap) {
        List<Trajectory> out = new ArrayList<>();
        int start = 0, end = 0, referrer = -1;
        boolean open = false;
        for (int m = activity.firstMonth(); m <= activity.lastMonth(); m++) {
            MonthActivity.Month month = activity.month(m);
            if (month == null || !month.active()) continue;
            if (open && m - end <= maxGap + 1) {
                end = m;
                continue;
            }
            if (open) out.add(new Trajectory(start, end, referrer));
            start = m;
            end = m;
            referrer = month.firstReferrer();
            open = true;
        }
        if (open) out.add(new Trajectory(start, end, referrer));
        return out;
    }
}
