package nl.voorkant.flow.model;

import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.tables.Dimensions;

/** The care units a trajectory can follow: a product group, or a single product. */
public enum UnitType {
    PRODUCT_GROUP(Dimensions.PRODUCT_GROUP), PRODUCT(Dimensions.PRODUCT_CODE);

    private final Column column;

    UnitType(Column column) {
        this.column = column;
    }

    /** The tables' column that names a unit of this type. */
    public Column column() {
        return column;
    }
}
