package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.core.schema.Column.parameter;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Figures.round;

import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;
import nl.voorkant.ingest.Reference;

/**
 * placements: out-of-home placements (uithuisplaatsingen), the trajectories started in the catalogue's
 * out-of-home groups, per area and base year, and the memo's deal: a share fewer placements in the first
 * year for an incentive worth so many placements.
 *
 * <p>A placement costs the net cost of its trajectory's months. One still running at the data's end counts at
 * its cost so far (it is censored, not ended), so for the newest base years the cost is a lower bound.
 */
public final class Placements {
    private Placements() {}

    /** The memo's deal, from the scenario file's {@code placements} section. */
    public record Plan(double reductionShare, int incentivePlacements) {
        public static final Plan MEMO = new Plan(0.25, 10);
    }

    /** The year whose placements the plan reduces: every year whose starts are all known. */
    public static final Column BASE_YEAR = Column.dimension("base_year", Type.YEAR);
    /** Trajectories started in the base year in out-of-home groups (a start before the data is none). */
    public static final Column PLACEMENTS = Column.count("placements");
    public static final Column REDUCTION_SHARE = parameter("reduction_share", Type.SHARE);
    public static final Column FEWER_PLACEMENTS = derived("fewer_placements", Type.DOUBLE, PLACEMENTS);
    /** The mean net cost of the base year's placements over all their months in the data. */
    public static final Column COST_PER_PLACEMENT_EUR = derived("cost_per_placement_eur", Type.EURO_FIGURE, PLACEMENTS);
    public static final Column INCENTIVE_PLACEMENTS = parameter("incentive_placements", Type.INT);
    public static final Column INCENTIVE_EUR = derived("incentive_eur", Type.EURO_FIGURE, PLACEMENTS);
    /** The first year's saving on the placements avoided, less the incentive. */
    public static final Column YEARLY_NET_SAVING_EUR = derived("yearly_net_saving_eur", Type.EURO_FIGURE, PLACEMENTS);

    public static final Schema SCHEMA = Schema.of("placements", AREA, AREA_LEVEL, BASE_YEAR, PLACEMENTS, REDUCTION_SHARE,
            FEWER_PLACEMENTS, COST_PER_PLACEMENT_EUR, INCENTIVE_PLACEMENTS, INCENTIVE_EUR, YEARLY_NET_SAVING_EUR);

    /** Per area with data and each year whose inflow is known; none when the catalogue marks no group out of home. */
    public static Table build(FlowSums sums, Reference reference, Plan plan) {
        Censoring censoring = sums.censoring();
        // area → base year → placements and their cost, over the out-of-home groups
        TreeMap<Place, TreeMap<Integer, long[]>> perArea = new TreeMap<>(FlowSums.ORDER);
        FlowSums.UnitSums u = sums.of(UnitType.PRODUCT_GROUP);
        u.years.keySet().forEach(p -> {
            Reference.Product group = reference.groups().get(p.unit());
            if (group == null || !group.outOfHome()) return;
            TreeMap<Integer, long[]> years = perArea.computeIfAbsent(new Place(UnitType.PRODUCT_GROUP, p.area(), p.level(), ""),
                    x -> new TreeMap<>());
            for (int year = Months.yearOf(censoring.first()); year <= Months.yearOf(censoring.last()); year++) {
                if (censoring.inflowKnown(year)) years.computeIfAbsent(year, y -> new long[2]);
            }
            u.trajectoryCosts.getOrDefault(p, new TreeMap<>()).forEach((start, c) -> {
                long[] y = years.get(Months.yearOf(start));
                if (y == null || !censoring.startKnown(start)) return;
                y[0] += c.trajectories();
                y[1] += c.cents();
            });
        });
        Table.Builder t = SCHEMA.builder();
        perArea.forEach((p, years) -> years.forEach((year, y) -> t.row(row(p, year, y[0], y[1], plan))));
        return t.build();
    }

    private static Object[] row(Place area, int year, long placements, long cents, Plan plan) {
        Double cost = placements == 0 ? null : (double) cents / placements / 100;
        double fewer = plan.reductionShare() * placements;
        return new RowValues(SCHEMA).put(AREA, area.area()).put(AREA_LEVEL, area.level().code()).put(BASE_YEAR, year)
                .put(PLACEMENTS, placements).put(REDUCTION_SHARE, plan.reductionShare()).put(FEWER_PLACEMENTS, round(fewer, 2))
                .put(COST_PER_PLACEMENT_EUR, round(cost, 2)).put(INCENTIVE_PLACEMENTS, plan.incentivePlacements())
                .put(INCENTIVE_EUR, cost == null ? null : round(plan.incentivePlacements() * cost, 2))
                .put(YEARLY_NET_SAVING_EUR, cost == null ? null : round((fewer - plan.incentivePlacements()) * cost, 2))
                .values();
    }
}
