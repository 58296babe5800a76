package nl.voorkant.flow.tables;

import java.util.List;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;

/**
 * revisions: the flow_month and flow_year cells that changed since the earlier run in the reports
 * folder (issue 17), one row per cell. It is built from published cells only (this run's after
 * disclosure, the earlier run's as it published them), so disclosure has nothing left to empty in it.
 */
public final class Revisions {
    private Revisions() {}

    /** The table the cell is in: flow_month or flow_year. */
    public static final Column TABLE = Column.dimension("table", Type.TEXT);
    /** The cell's month (flow_month) or year (flow_year), as text. */
    public static final Column PERIOD = Column.dimension("period", Type.TEXT);
    /** The cell's column. */
    public static final Column COLUMN = Column.dimension("column", Type.TEXT);
    public static final Column OLD = published("old");
    public static final Column NEW = published("new");
    /** new − old; empty where either is. */
    public static final Column DIFFERENCE = published("difference");
    /** difference ÷ old; empty where either is empty or old is zero. */
    public static final Column RELATIVE_DIFFERENCE = new Column("relative_difference", Type.DOUBLE, Role.DERIVED,
            List.of(), List.of(), false);

    public static final Schema SCHEMA = Schema.of("revisions", TABLE, Dimensions.AREA, Dimensions.AREA_LEVEL,
            Dimensions.PRODUCT_GROUP, PERIOD, COLUMN, OLD, NEW, DIFFERENCE, RELATIVE_DIFFERENCE);

    /** A copy of a published cell, of the measure its row's {@link #COLUMN} names. */
    private static Column published(String name) {
        return new Column(name, Type.FIGURE, Role.OBSERVED, List.of(), List.of(), false);
    }
}
