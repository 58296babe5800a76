package nl.voorkant.flow.model;

import nl.voorkant.flow.model.AreaLevel;

/**
 * Where a contribution counts: a care unit (a product group or a product) in an area. The fold
 * places a client's counts in municipalities and its move corrections in subregions and the region.
 */
public record Place(UnitType unitType, String area, AreaLevel level, String unit) {
    public static Place municipality(UnitType unitType, String municipality, String unit) {
        return new Place(unitType, municipality, AreaLevel.MUNICIPALITY, unit);
    }

    /** The same unit in another area. */
    public Place in(Area other) {
        return new Place(unitType, other.code(), other.level(), unit);
    }
}
