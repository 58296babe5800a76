package nl.voorkant.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.voorkant.core.Message;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Which market groups to move, and what fraction of each, to reach a target local share: a linear
 * programme over x_g in [0, shiftable_g] (the fraction of group g's market client-months moved).
 *
 * <p>The fund draw is linear in x_g: moving a fraction x scales the diverted inflow, so every front
 * and market path, and each month's max(0, budget − saving), scales by x. One transition run per
 * group at x = 1 therefore gives the LP's coefficient.
 */
public final class TargetPlanner {
    private TargetPlanner() {}

    /** How far ahead the months to reach a target are searched. */
    static final int SEARCH_MONTHS = 240;
    private static final double EPS = 1e-9;

    public record Settings(ScenarioConfig.Objective objective, double frontCostRatio, int lagMonths,
                           boolean thirteenPercentRule, Double fundCapEur) {}

    public static TargetPlan plan(List<GroupInput> groups, double target, Settings s) {
        double local = 0, total = 0, backEnd = 0;
        for (GroupInput g : groups) {
            total += g.clientMonthsPerYear();
            if (g.local()) local += g.clientMonthsPerYear(); else backEnd += g.costPerYearEur();
        }
        double current = total > 0 ? local / total : 0;
        int n = groups.size();
        if (n == 0 || total <= 0) return infeasible(target, s, current, Message.of("target.no_clients"));
        double[] draw = new double[n];
        double[] saving = new double[n];
        double[] moved = new double[n];
        double[] frontBudget = new double[n];
        for (int i = 0; i < n; i++) {
            GroupInput g = groups.get(i);
            moved[i] = g.clientMonthsPerYear();
            saving[i] = g.costPerYearEur() * (1 - s.frontCostRatio());
            frontBudget[i] = g.costPerYearEur() * s.frontCostRatio();
            draw[i] = g.upperBound() > 0 ? fullMoveDraw(g, s) : 0;
        }
        double need = target * total - local;
        double thirteenLimit = TransitionModel.THIRTEEN_PERCENT * backEnd;

        List<LinearConstraint> bounds = new ArrayList<>();
        for (int i = 0; i < n; i++) bounds.add(new LinearConstraint(unit(n, i), Relationship.LEQ, groups.get(i).upperBound()));
        LinearConstraint thirteen = new LinearConstraint(frontBudget, Relationship.LEQ, thirteenLimit);

        double maxByBounds = maxShare(bounds, moved, local, total);
        if (maxByBounds < target - EPS) {
            return infeasible(target, s, current, Message.of("target.max_by_shares", percent(100 * maxByBounds)));
        }
        List<LinearConstraint> constraints = new ArrayList<>(bounds);
        if (s.thirteenPercentRule()) {
            constraints.add(thirteen);
            double max13 = maxShare(constraints, moved, local, total);
            if (max13 < target - EPS) {
                return infeasible(target, s, current, Message.of("target.max_by_thirteen",
                        String.format(Locale.ROOT, "%.0f", thirteenLimit), percent(100 * max13)));
            }
        }
        // A staged target is reached, not overshot: with a front end cheaper than the market, maximising the
        // saving would otherwise move everything shiftable whatever the step asked for.
        // A target already met moves nothing.
        constraints.add(new LinearConstraint(moved, Relationship.EQ, Math.max(0, need)));
        double[] x = solve(constraints, s.objective() == ScenarioConfig.Objective.MAX_SAVING ? saving : draw,
                s.objective() == ScenarioConfig.Objective.MAX_SAVING ? GoalType.MAXIMIZE : GoalType.MINIMIZE);
        if (x == null) {
            return infeasible(target, s, current, Message.of("target.no_solution"));
        }
        return feasible(groups, target, s, x, moved, saving, draw, frontBudget, local, total, thirteenLimit, need);
    }

    private static TargetPlan feasible(List<GroupInput> groups, double target, Settings s, double[] x, double[] moved,
                                       double[] saving, double[] draw, double[] frontBudget, double local, double total,
                                       double thirteenLimit, double need) {
        List<TargetPlan.Move> moves = new ArrayList<>();
        double movedTotal = 0, net = 0, fund = 0, fte = 0, hours = 0, front = 0;
        List<String> tight = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            GroupInput g = groups.get(i);
            double xi = Math.max(0, x[i]);
            if (!g.local()) moves.add(new TargetPlan.Move(g.group(), xi, xi * moved[i], xi * saving[i]));
            movedTotal += xi * moved[i];
            net += xi * saving[i];
            fund += xi * draw[i];
            front += xi * frontBudget[i];
            fte += xi * moved[i] / 12 / g.clientsPerFte();
            hours += xi * g.yearlyInflow() * g.hoursPerDecision();
            if (xi > EPS && xi >= g.upperBound() - 1e-7) tight.add(g.group());
        }
        double achieved = total > 0 ? (local + movedTotal) / total : 0;
        Message binding;
        if (need <= 0) {
            binding = Message.of("target.already_met", percent(100 * local / total));
        } else {
            List<Message> parts = new ArrayList<>();
            if (movedTotal <= need * (1 + 1e-7)) parts.add(Message.of("target.binding.share"));
            if (!tight.isEmpty()) parts.add(Message.of("target.binding.shiftable", String.join(", ", tight)));
            if (s.thirteenPercentRule() && front >= thirteenLimit * (1 - 1e-7)) parts.add(Message.of("target.binding.thirteen"));
            binding = Message.parts(parts);
        }
        Integer gradual = monthsToTarget(groups, x, s, Scenario.Mode.GRADUAL, local, total, target);
        Integer bigBang = monthsToTarget(groups, x, s, Scenario.Mode.BIG_BANG, local, total, target);
        return new TargetPlan(target, s.objective(), true, total > 0 ? local / total : 0, achieved, binding, moves, net,
                front, fund, gradual, bigBang, fte, hours, front <= thirteenLimit * (1 + 1e-9) + 0.005,
                s.fundCapEur() == null ? null : fund <= s.fundCapEur() + 0.005);
    }

    /** A percentage as the binding constraint quotes it: one decimal, decimal point. */
    private static String percent(double percentage) {
        return String.format(Locale.ROOT, "%.1f", percentage);
    }

    private static TargetPlan infeasible(double target, Settings s, double current, Message why) {
        return new TargetPlan(target, s.objective(), false, current, null, why, List.of(), null, null, null, null, null,
                null, null, null, null);
    }

    /** The whole group moved gradually: all draws until the build-up is complete. */
    static double fullMoveDraw(GroupInput g, Settings s) {
        Scenario sc = scenario(g, 1.0, s, Scenario.Mode.GRADUAL, s.lagMonths() + g.survival().length());
        return TransitionModel.run(sc).totalFundDrawEur();
    }

    /** Group g with fraction x of its market client-months diverted: inflow x × clients / mean duration. */
    static Scenario scenario(GroupInput g, double x, Settings s, Scenario.Mode mode, int horizon) {
        double clients = g.clientMonthsPerYear() / 12;
        double inflow = x * clients / g.survival().meanMonths();
        Baseline b = new Baseline("", g.group(), null, clients, g.costPerYearEur() / 12, inflow, inflow, g.survival());
        return new Scenario(g.group(), b, mode, Scenario.Diversion.ALL, s.frontCostRatio(), s.lagMonths(),
                YearMonth.of(2000, 1), horizon, 0, null, null);
    }

    static Integer monthsToTarget(List<GroupInput> groups, double[] x, Settings s, Scenario.Mode mode, double local,
                                  double total, double target) {
        double[] localMonths = new double[SEARCH_MONTHS];
        java.util.Arrays.fill(localMonths, local / 12);
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= EPS) continue;
            double[] diverted = TransitionModel.expectedClients(scenario(groups.get(i), x[i], s, mode, SEARCH_MONTHS),
                    SEARCH_MONTHS)[0];
            for (int k = 0; k < SEARCH_MONTHS; k++) localMonths[k] += diverted[k];
        }
        for (int k = 0; k < SEARCH_MONTHS; k++) {
            if (localMonths[k] / (total / 12) >= target - 1e-7) return k + 1;
        }
        return null;
    }

    private static double maxShare(List<LinearConstraint> constraints, double[] moved, double local, double total) {
        double[] x = solve(constraints, moved, GoalType.MAXIMIZE);
        double sum = 0;
        for (int i = 0; x != null && i < x.length; i++) sum += x[i] * moved[i];
        return total > 0 ? (local + sum) / total : 0;
    }

    private static double[] solve(List<LinearConstraint> constraints, double[] objective, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(10_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true));
            return p.getPoint();
        } catch (NoFeasibleSolutionException e) {
            return null;
        }
    }

    private static double[] unit(int n, int i) {
        double[] u = new double[n];
        u[i] = 1;
        return u;
    }
}
