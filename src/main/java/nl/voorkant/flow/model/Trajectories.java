package nl.voorkant.flow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Trajectories: per client, municipality and care unit, maximal chains of active months, chained
 * as {@link Censoring#continues} says.
 */
public final class Trajectories {
    private Trajectories() {}

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
    static List<Trajectory> of(MonthActivity activity, Censoring censoring) {
        List<Trajectory> out = new ArrayList<>();
        int start = 0, end = 0, referrer = -1;
        boolean open = false;
        for (int m = activity.firstMonth(); m <= activity.lastMonth(); m++) {
            MonthActivity.Month month = activity.month(m);
            if (month == null || !month.active()) continue;
            if (open && censoring.continues(end, m)) {
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
