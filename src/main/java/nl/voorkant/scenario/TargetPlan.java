package nl.voorkant.scenario;

import java.util.List;
import nl.voorkant.core.Message;

/**
 * The planner's answer for one target local share. When infeasible, {@code bindingConstraint} says
 * which constraint stops it and how far the share can go; the other figures are then null or empty.
 *
 * @param frontBudgetEur the front end's yearly budget for the moved care, which the 13% rule weighs
 * @param monthsToTargetGradual months from the start until the target share is reached with new cases only
 * @param monthsToTargetBigBang the same when all current cases move at once
 */
public record TargetPlan(double targetShare, ScenarioConfig.Objective objective, boolean feasible,
                         double currentShare, Double achievedShare, Message bindingConstraint, List<Move> moves,
                         Double yearlyNetSavingEur, Double frontBudgetEur, Double fundDrawEur, Integer monthsToTargetGradual,
                         Integer monthsToTargetBigBang, Double staffFte, Double paperworkHoursSaved,
                         Boolean thirteenPercentOk, Boolean fundCapOk) {

    public record Move(String group, double fractionMoved, double movedClientMonthsPerYear, double yearlyNetSavingEur) {}
}
