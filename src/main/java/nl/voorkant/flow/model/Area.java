package nl.voorkant.flow.model;

import java.io.Serializable;
import nl.voorkant.flow.model.AreaLevel;

/** A municipality, subregion or the region, by its code or name. */
public record Area(String code, AreaLevel level) implements Serializable {}
