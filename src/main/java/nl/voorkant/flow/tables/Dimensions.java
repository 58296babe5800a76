package nl.voorkant.flow.tables;

import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Type;

/**
 * The key columns the flow tables share. Disclosure and the scenarios match cells across tables by
 * these names, so each is declared once.
 */
public final class Dimensions {
    private Dimensions() {}

    /** A municipality code, a subregion or the region (see {@link #AREA_LEVEL}). */
    public static final Column AREA = Column.dimension("area", Type.TEXT);
    /** The {@link nl.voorkant.flow.model.AreaLevel} code of the row's area. */
    public static final Column AREA_LEVEL = Column.dimension("area_level", Type.TEXT);
    public static final Column PRODUCT_GROUP = Column.dimension("product_group", Type.TEXT);
    public static final Column PRODUCT_CODE = Column.dimension("product_code", Type.TEXT);
    public static final Column YEAR = Column.dimension("year", Type.YEAR);
    public static final Column MONTH = Column.dimension("month", Type.MONTH);
}
