package nl.voorkant.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import nl.voorkant.scenario.ScenarioTables.SwungParameters;

/**
 * One-at-a-time swings for a tornado chart: each parameter low and high with the others at their
 * values, and the total fund draw and steady yearly saving that result. Proportional parameters swing
 * by ±swing; the lag by ±1 month and the bow wave by ±swing in absolute terms (both are often 0 or 1,
 * where a proportional swing would show nothing).
 */
public final class Sensitivity {
    private Sensitivity() {}

    public record Swing(String parameter, double lowValue, double highValue, double fundDrawLowEur,
                        double fundDrawHighEur, double savingLowEur, double savingHighEur) {}

    public static List<Swing> run(Scenario sc, double swing) {
        Baseline b = sc.baseline();
        List<Swing> out = new ArrayList<>();
        double lo = 1 - swing, hi = 1 + swing;
        out.add(swing(sc, SwungParameters.BASE_CLIENTS.name(), b.avgMonthlyClients() * lo, b.avgMonthlyClients() * hi,
                // Same cost per client-month: the market is bigger or smaller, not dearer.
                v -> sc.withBaseline(b.withClients(v).withMonthlyCost(v * b.costPerClientMonthEur()))));
        out.add(swing(sc, SwungParameters.MONTHLY_COST_EUR.name(), b.monthlyMarketCostEur() * lo, b.monthlyMarketCostEur() * hi,
                v -> sc.withBaseline(b.withMonthlyCost(v))));
        out.add(swing(sc, SwungParameters.MONTHLY_INFLOW.name(), sc.divertedMonthlyInflow() * lo, sc.divertedMonthlyInflow() * hi,
                v -> sc.withBaseline(b.withInflow(b.monthlyInflow() * v / nonZero(sc.divertedMonthlyInflow()),
                        b.monthlyLocalInflow() * v / nonZero(sc.divertedMonthlyInflow())))));
        Swing duration = swing(sc, SwungParameters.DURATION_MONTHS.name(), lo, hi, f -> sc.withBaseline(b.withSurvival(b.survival().scaled(f))));
        out.add(new Swing(duration.parameter(), b.survival().scaled(lo).meanMonths(), b.survival().scaled(hi).meanMonths(),
                duration.fundDrawLowEur(), duration.fundDrawHighEur(), duration.savingLowEur(), duration.savingHighEur()));
        out.add(swing(sc, SwungParameters.FRONT_COST_RATIO.name(), sc.frontCostRatio() * lo, sc.frontCostRatio() * hi, sc::withFrontCostRatio));
        out.add(swing(sc, SwungParameters.LAG_MONTHS.name(), Math.max(0, sc.lagMonths() - 1), sc.lagMonths() + 1, v -> sc.withLag((int) v)));
        out.add(swing(sc, SwungParameters.INDUCED_DEMAND.name(), Math.max(0, sc.inducedDemand() - swing), sc.inducedDemand() + swing,
                sc::withInducedDemand));
        return out;
    }

    private static double nonZero(double v) {
        return v == 0 ? 1 : v;
    }

    private static Swing swing(Scenario sc, String name, double low, double high, DoubleFunction<Scenario> with) {
        Transition l = TransitionModel.run(with.apply(low));
        Transition h = TransitionModel.run(with.apply(high));
        return new Swing(name, low, high, l.totalFundDrawEur(), h.totalFundDrawEur(), l.steadyStateYearlySavingEur(),
                h.steadyStateYearlySavingEur());
    }
}
