package nl.voorkant.scenario;

import java.time.YearMonth;
import java.util.List;

/**
 * The month-by-month result of a {@link Scenario} and its summary figures.
 *
 * @param totalFundDrawEur          fund draws summed over the scenario's horizon
 * @param steadyStateYearlySavingEur market saving minus front budget over a year once the shift is complete
 * @param paybackMonth              the first month in which the cumulative saving covers the cumulative front
 *                                  budget (the fund is earned back), or null if it never does within ten years
 * @param fundCapOk                 total draw within the fund cap, null without a cap
 * @param thirteenPercentOk         the highest yearly front budget within 13% of the back-end budget, null
 *                                  when the back-end budget is unknown
 */
public record Transition(Scenario scenario, List<Month> months, double totalFundDrawEur,
                         double steadyStateYearlySavingEur, YearMonth paybackMonth, Boolean fundCapOk,
                         Boolean thirteenPercentOk) {

    public record Month(YearMonth month, double frontClients, double frontBudgetEur, double marketClients,
                        double marketCostEur, double savingEur, double fundDrawEur, double cumulativeFundDrawEur) {}
}
