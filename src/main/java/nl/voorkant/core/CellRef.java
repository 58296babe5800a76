package nl.voorkant.core;

import java.util.Map;

/**
 * Cells of a published table that a modelled figure was computed from: the rows of {@code table}
 * whose values agree with {@code key} (a partial key: {area, product_group} names a whole curve),
 * in {@code column}.
 */
public record CellRef(String table, Map<String, Object> key, String column) {
    public CellRef {
        key = Map.copyOf(key);
    }
}
