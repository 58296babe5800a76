package nl.voorkant.core;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;

/**
 * Cells of a published table that a modelled figure was computed from: the rows of {@code table}
 * whose values agree with {@code key} (a partial key: {area, product_group} names a whole curve),
 * in {@code column}.
 */
public record CellRef(String table, Map<String, Object> key, String column) {
    public CellRef {
        key = Map.copyOf(key);
    }

    /**
     * The cells of a table's column at a key given by the table's own columns; a column the table
     * does not have is refused here, where a name would only fail to match when disclosure looks.
     */
    public static CellRef of(Schema table, Column column, Map<Column, Object> key) {
        Map<String, Object> byName = new LinkedHashMap<>();
        key.forEach((c, v) -> byName.put(requireIn(table, c).name(), v));
        requireIn(table, column);
        return new CellRef(table.name(), byName, column.name());
    }

    private static Column requireIn(Schema table, Column column) {
        if (!column.equals(table.column(column.name()))) {
            throw new IllegalArgumentException("table " + table.name() + " has no column " + column.name());
        }
        return column;
    }
}
