package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.countWithin;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Figures.round;

import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/** durations: Kaplan–Meier summaries beside the naive mean, and Little's law, per area and product group. */
public final class Durations {
    private Durations() {}

    /** Trajectories whose start is known. */
    public static final Column TRAJECTORIES = count("trajectories");
    /** Of those, the ones whose end is known. */
    public static final Column CLOSED = countWithin("closed", TRAJECTORIES);
    public static final Column KM_MEDIAN_MONTHS = derived("km_median_months", Type.INT, TRAJECTORIES);
    /** The area under the curve adds up its survival figures, so it goes with any of them. */
    public static final Column KM_RESTRICTED_MEAN_MONTHS = derived("km_restricted_mean_months", Type.DOUBLE, TRAJECTORIES)
            .alsoFrom(KmSurvival.SCHEMA.name(), KmSurvival.SURVIVAL);
    public static final Column RESTRICTED_TO_MONTHS = derived("restricted_to_months", Type.INT, TRAJECTORIES);
    /** The mean of the closed trajectories only: biased short, shown beside Kaplan–Meier to say so. */
    public static final Column NAIVE_MEAN_CLOSED_MONTHS = derived("naive_mean_closed_months", Type.DOUBLE, CLOSED);
    /** Client-months over all data months. */
    public static final Column AVG_MONTHLY_CLIENTS = derived("avg_monthly_clients", Type.DOUBLE, TRAJECTORIES).additive();
    /** Inflow over the months whose inflow is known. */
    public static final Column MONTHLY_INFLOW = derived("monthly_inflow", Type.DOUBLE, TRAJECTORIES).additive();
    /** clients ÷ (inflow × restricted mean duration): about 1 in a steady state. */
    public static final Column LITTLE_RATIO = derived("little_ratio", Type.DOUBLE, TRAJECTORIES, AVG_MONTHLY_CLIENTS,
            MONTHLY_INFLOW, KM_RESTRICTED_MEAN_MONTHS);

    public static final Schema SCHEMA = Schema.of("durations", AREA, AREA_LEVEL, PRODUCT_GROUP, TRAJECTORIES, CLOSED,
            KM_MEDIAN_MONTHS, KM_RESTRICTED_MEAN_MONTHS, RESTRICTED_TO_MONTHS, NAIVE_MEAN_CLOSED_MONTHS, AVG_MONTHLY_CLIENTS,
            MONTHLY_INFLOW, LITTLE_RATIO);

    /** Per product group and area with trajectories whose start is known. */
    public static Table build(FlowSums sums) {
        FlowSums.UnitSums groups = sums.of(UnitType.PRODUCT_GROUP);
        Censoring censoring = sums.censoring();
        Table.Builder t = SCHEMA.builder();
        for (Map.Entry<Place, TreeMap<Integer, TreeMap<Integer, KaplanMeier.Counts>>> e : FlowSums.sorted(groups.survival)) {
            Place p = e.getKey();
            KaplanMeier.Summary s = KaplanMeier.summary(KaplanMeier.curve(FlowSums.pooled(e.getValue())));
            Double avgClients = null, monthlyInflow = null;
            TreeMap<Integer, MonthCount> months = groups.months.get(p);
            if (months != null) {
                long clients = 0, inflow = 0;
                boolean anyInflow = false;
                for (MonthCount m : months.values()) {
                    clients += m.clients();
                    Long in = groups.inflow(p, m.month());
                    if (in != null) {
                        inflow += in;
                        anyInflow = true;
                    }
                }
                // Months without any row for a group had no clients and no inflow: average over all data months.
                avgClients = (double) clients / censoring.dataMonths();
                monthlyInflow = anyInflow ? (double) inflow / censoring.knownInflowMonths() : null;
            }
            Double little = avgClients == null || monthlyInflow == null || monthlyInflow * s.restrictedMeanMonths() == 0
                    ? null : avgClients / (monthlyInflow * s.restrictedMeanMonths());
            t.row(new RowValues(SCHEMA).put(AREA, p.area()).put(AREA_LEVEL, p.level().code()).put(PRODUCT_GROUP, p.unit())
                    .put(TRAJECTORIES, s.trajectories()).put(CLOSED, s.closed()).put(KM_MEDIAN_MONTHS, s.medianMonths())
                    .put(KM_RESTRICTED_MEAN_MONTHS, round(s.restrictedMeanMonths(), 2))
                    .put(RESTRICTED_TO_MONTHS, s.restrictedToMonths())
                    .put(NAIVE_MEAN_CLOSED_MONTHS, round(s.naiveMeanClosedMonths(), 2))
                    .put(AVG_MONTHLY_CLIENTS, round(avgClients, 2)).put(MONTHLY_INFLOW, round(monthlyInflow, 3))
                    .put(LITTLE_RATIO, round(little, 3)).values());
        }
        return t.build();
    }
}
