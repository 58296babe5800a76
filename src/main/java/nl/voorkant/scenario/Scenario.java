package nl.voorkant.scenario;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One shift of one product group in one area from the care market to the front end.
 *
 * @param inducedDemand   extra inflow at the front end as a fraction of the diverted inflow (the bow
 *                        wave): it costs front-end budget but saves nothing on the market
 * @param fundCapEur      the transformation fund available, or null when not given
 * @param backEndBudgetEurPerYear the yearly back-end budget the 13% rule applies to, or null when unknown
 */
public record Scenario(String name, Baseline baseline, Mode mode, Diversion diversion, double frontCostRatio,
                       int lagMonths, YearMonth start, int horizonMonths, double inducedDemand,
                       Double fundCapEur, Double backEndBudgetEurPerYear) {

    /** Gradual: only new cases go to the front end. Big bang: the current cases move at once too. */
    public enum Mode {
        GRADUAL("gradual"), BIG_BANG("big-bang");

        private final String label;

        Mode(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** Which inflow the front end takes over: all of it, or only what the local team refers. */
    public enum Diversion {
        ALL("all"), LOCAL_REFERRED("local_referred");

        private final String label;

        Diversion(String label) { this.label = label; }

        public String label() { return label; }
    }

    public Scenario {
        Objects.requireNonNull(name);
        Objects.requireNonNull(baseline);
        Objects.requireNonNull(mode);
        Objects.requireNonNull(diversion);
        Objects.requireNonNull(start);
        if (horizonMonths <= 0) throw new IllegalArgumentException("horizon must be > 0, got " + horizonMonths);
        if (lagMonths < 0) throw new IllegalArgumentException("lag must be >= 0, got " + lagMonths);
    }

    public double divertedMonthlyInflow() {
        return diversion == Diversion.ALL ? baseline.monthlyInflow() : baseline.monthlyLocalInflow();
    }

    public Scenario withBaseline(Baseline b) {
        return new Scenario(name, b, mode, diversion, frontCostRatio, lagMonths, start, horizonMonths, inducedDemand,
                fundCapEur, backEndBudgetEurPerYear);
    }

    public Scenario withMode(Mode m) {
        return new Scenario(name, baseline, m, diversion, frontCostRatio, lagMonths, start, horizonMonths, inducedDemand,
                fundCapEur, backEndBudgetEurPerYear);
    }

    public Scenario withFrontCostRatio(double r) {
        return new Scenario(name, baseline, mode, diversion, r, lagMonths, start, horizonMonths, inducedDemand,
                fundCapEur, backEndBudgetEurPerYear);
    }

    public Scenario withLag(int lag) {
        return new Scenario(name, baseline, mode, diversion, frontCostRatio, lag, start, horizonMonths, inducedDemand,
                fundCapEur, backEndBudgetEurPerYear);
    }

    public Scenario withInducedDemand(double p) {
        return new Scenario(name, baseline, mode, diversion, frontCostRatio, lagMonths, start, horizonMonths, p,
                fundCapEur, backEndBudgetEurPerYear);
    }
}
