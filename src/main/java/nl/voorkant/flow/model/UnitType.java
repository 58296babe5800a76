package nl.voorkant.flow.model;

/** The care units a trajectory can follow: a product group, or a single product. */
public enum UnitType {
    PRODUCT_GROUP, PRODUCT
}
