package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.countWithin;
import static nl.voorkant.core.schema.Column.cumulative;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;

import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;

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
}
