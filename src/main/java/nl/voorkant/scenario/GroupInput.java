package nl.voorkant.scenario;

import java.util.Objects;

/**
 * One product group of an area in the base year, as the target planner needs it.
 *
 * @param provision     MARKET or LOCAL: only market groups can move, local ones already count as local
 * @param shiftableShare the most of the group's market client-months that could move (catalogue)
 * @param survival      the group's duration curve, or null when the data has none (then it cannot move)
 */
public record GroupInput(String group, String provision, double clientMonthsPerYear, double costPerYearEur,
                         double yearlyInflow, double shiftableShare, double clientsPerFte, double hoursPerDecision,
                         Survival survival) {
    public GroupInput {
        Objects.requireNonNull(group);
        if (!"MARKET".equals(provision) && !"LOCAL".equals(provision)) {
            throw new IllegalArgumentException("provision must be MARKET or LOCAL, got " + provision);
        }
        if (!(shiftableShare >= 0 && shiftableShare <= 1)) {
            throw new IllegalArgumentException("shiftable share must be within [0, 1], got " + shiftableShare);
        }
    }

    public boolean local() {
        return "LOCAL".equals(provision);
    }

    /** What the LP may move: nothing for local groups or groups without a duration curve. */
    double upperBound() {
        return local() || survival == null || clientMonthsPerYear <= 0 ? 0 : shiftableShare;
    }
}
