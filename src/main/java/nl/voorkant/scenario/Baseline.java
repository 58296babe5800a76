package nl.voorkant.scenario;

import java.util.Objects;

/**
 * One product group in one area before any shift: average market clients per month, their monthly
 * cost, monthly inflow (all of it and the part referred by the local team) and how long trajectories
 * last. {@code year} is the base year, or null for a baseline typed in by hand.
 */
public record Baseline(String area, String productGroup, Integer year, double avgMonthlyClients,
                       double monthlyMarketCostEur, double monthlyInflow, double monthlyLocalInflow,
                       Survival survival) {
    public Baseline {
        Objects.requireNonNull(area);
        Objects.requireNonNull(productGroup);
        Objects.requireNonNull(survival);
        if (!(avgMonthlyClients > 0)) throw new IllegalArgumentException("base clients must be > 0, got " + avgMonthlyClients);
        if (!(monthlyMarketCostEur >= 0)) throw new IllegalArgumentException("monthly cost must be >= 0, got " + monthlyMarketCostEur);
        if (!(monthlyInflow >= 0) || !(monthlyLocalInflow >= 0)) {
            throw new IllegalArgumentException("inflow must be >= 0, got " + monthlyInflow + " / " + monthlyLocalInflow);
        }
    }

    public double costPerClientMonthEur() {
        return monthlyMarketCostEur / avgMonthlyClients;
    }

    public double meanDurationMonths() {
        return survival.meanMonths();
    }

    public Baseline withClients(double clients) {
        return new Baseline(area, productGroup, year, clients, monthlyMarketCostEur, monthlyInflow, monthlyLocalInflow, survival);
    }

    public Baseline withMonthlyCost(double cost) {
        return new Baseline(area, productGroup, year, avgMonthlyClients, cost, monthlyInflow, monthlyLocalInflow, survival);
    }

    public Baseline withInflow(double total, double local) {
        return new Baseline(area, productGroup, year, avgMonthlyClients, monthlyMarketCostEur, total, local, survival);
    }

    public Baseline withSurvival(Survival s) {
        return new Baseline(area, productGroup, year, avgMonthlyClients, monthlyMarketCostEur, monthlyInflow, monthlyLocalInflow, s);
    }
}
