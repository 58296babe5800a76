package nl.voorkant.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The transition of one product group from the market to the front end, as the Alblasserdam plan
 * works it out: front clients are the cohorts of diverted inflow still in care; the market loses the
 * same clients {@code lag} months later; the fund pays the part of the front budget the market
 * saving does not yet cover.
 */
public final class TransitionModel {
    private TransitionModel() {}

    /** The share of the back-end budget the general board allows to move to the front. */
    public static final double THIRTEEN_PERCENT = 0.13;
    /** How far past the horizon payback is looked for. */
    static final int PAYBACK_SEARCH_MONTHS = 120;

    public static Transition run(Scenario sc) {
        int length = extendedLength(sc);
        double[][] clients = expectedClients(sc, length);
        Money money = money(sc, clients[0], clients[1]);
        List<Transition.Month> months = new ArrayList<>(sc.horizonMonths());
        double cumulative = 0;
        for (int k = 0; k < sc.horizonMonths(); k++) {
            cumulative += money.draw[k];
            months.add(new Transition.Month(sc.start().plusMonths(k), clients[1][k], money.budget[k], money.market[k],
                    money.marketCost[k], money.saving[k], money.draw[k], cumulative));
        }
        double steady = 12 * (money.saving[length - 1] - money.budget[length - 1]);
        YearMonth payback = null;
        double net = 0;
        for (int k = 0; k < length && payback == null; k++) {
            net += money.saving[k] - money.budget[k];
            // A cent of tolerance: the plan's cases pay back to the cent.
            if (net >= -0.005) payback = sc.start().plusMonths(k);
        }
        double maxBudget = 0;
        for (double b : money.budget) maxBudget = Math.max(maxBudget, b);
        Boolean fundCapOk = sc.fundCapEur() == null ? null : cumulative <= sc.fundCapEur() + 0.005;
        Boolean thirteen = sc.backEndBudgetEurPerYear() == null ? null
                : 12 * maxBudget <= THIRTEEN_PERCENT * sc.backEndBudgetEurPerYear() + 0.005;
        return new Transition(sc, months, cumulative, steady, payback, fundCapOk, thirteen);
    }

    /** Long enough for every cohort to have left and for payback to show: the steady state is its last month. */
    static int extendedLength(Scenario sc) {
        return Math.max(sc.horizonMonths(), sc.lagMonths() + sc.baseline().survival().length() + PAYBACK_SEARCH_MONTHS);
    }

    /**
     * Expected diverted front clients (the ones the market loses) and all front clients (with the bow
     * wave) per month after the start. Big bang moves the current diverted stock as well: a steady
     * stock of inflow × mean duration (at most the base), which then leaves as its residual durations run out.
     */
    static double[][] expectedClients(Scenario sc, int length) {
        Survival s = sc.baseline().survival();
        double inflow = sc.divertedMonthlyInflow();
        double mean = s.meanMonths();
        double stock = sc.mode() == Scenario.Mode.BIG_BANG ? Math.min(sc.baseline().avgMonthlyClients(), inflow * mean) : 0;
        double[] diverted = new double[length];
        double[] front = new double[length];
        for (int k = 0; k < length; k++) {
            double cohorts = inflow * s.cumulative(k);
            diverted[k] = cohorts + (stock > 0 ? stock * s.tailFrom(k + 1) / mean : 0);
            front[k] = diverted[k] + sc.inducedDemand() * cohorts;
        }
        return new double[][] {diverted, front};
    }

    /** Money per month for given diverted and front client paths (expected or simulated). */
    static Money money(Scenario sc, double[] diverted, double[] front) {
        int n = front.length;
        double base = sc.baseline().avgMonthlyClients();
        double perClient = sc.baseline().costPerClientMonthEur();
        Money m = new Money(n);
        for (int k = 0; k < n; k++) {
            double gone = k - sc.lagMonths() >= 0 ? diverted[k - sc.lagMonths()] : 0;
            m.market[k] = Math.max(0, base - gone);
            m.marketCost[k] = perClient * m.market[k];
            m.saving[k] = perClient * (base - m.market[k]);
            m.budget[k] = sc.frontCostRatio() * perClient * front[k];
            m.draw[k] = Math.max(0, m.budget[k] - m.saving[k]);
        }
        return m;
    }

    static final class Money {
        final double[] market, marketCost, saving, budget, draw;

        Money(int n) {
            market = new double[n];
            marketCost = new double[n];
            saving = new double[n];
            budget = new double[n];
            draw = new double[n];
        }
    }
}
