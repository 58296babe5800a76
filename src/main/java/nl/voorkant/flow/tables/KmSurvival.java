package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.countWithin;
import static nl.voorkant.core.schema.Column.cumulative;
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
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/** km_survival: the Kaplan–Meier curve of trajectory durations per area and product group. */
public final class KmSurvival {
    private KmSurvival() {}

    public static final Column DURATION_MONTHS = Column.dimension("duration_months", Type.INT);
    /** Trajectories still running at the start of the duration's month. */
    public static final Column AT_RISK = count("at_risk");
    /** Trajectories that ended after exactly this many months. */
    public static final Column EVENTS = countWithin("events", AT_RISK);
    /** Trajectories last seen at this duration that may go on (right-censored). */
    public static final Column CENSORED = countWithin("censored", AT_RISK);
    // survival(d) = survival(d−1)·(1 − events/at_risk): published after a suppressed step it would give the events.
    public static final Column SURVIVAL = cumulative("survival", Type.DOUBLE, AT_RISK, EVENTS, CENSORED);
    public static final Column LOWER95 = cumulative("lower95", Type.DOUBLE, AT_RISK, EVENTS, CENSORED);
    public static final Column UPPER95 = cumulative("upper95", Type.DOUBLE, AT_RISK, EVENTS, CENSORED);

    public static final Schema SCHEMA = Schema.of("km_survival", AREA, AREA_LEVEL, PRODUCT_GROUP, DURATION_MONTHS, AT_RISK,
            EVENTS, CENSORED, SURVIVAL, LOWER95, UPPER95).along(DURATION_MONTHS, AT_RISK, EVENTS, CENSORED);

    /** Per product group and area, the curve of its trajectories whose start is known, pooled over their start years. */
    public static Table build(FlowSums sums) {
        Table.Builder t = SCHEMA.builder();
        for (Map.Entry<Place, TreeMap<Integer, TreeMap<Integer, KaplanMeier.Counts>>> e
                : FlowSums.sorted(sums.of(UnitType.PRODUCT_GROUP).survival)) {
            Place p = e.getKey();
            for (KaplanMeier.Point k : KaplanMeier.curve(FlowSums.pooled(e.getValue()))) {
                t.row(new RowValues(SCHEMA).put(AREA, p.area()).put(AREA_LEVEL, p.level().code()).put(PRODUCT_GROUP, p.unit())
                        .put(DURATION_MONTHS, k.durationMonths()).put(AT_RISK, k.atRisk()).put(EVENTS, k.events())
                        .put(CENSORED, k.censored()).put(SURVIVAL, round(k.survival(), 4)).put(LOWER95, round(k.lower95(), 4))
                        .put(UPPER95, round(k.upper95(), 4)).values());
            }
        }
        return t.build();
    }
}
