package nl.voorkant.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;

/**
 * A table's row found by the values of its key columns, read by column name: a test names what it
 * checks ({@code get("inflow")}), never an offset, and a key that matches no row or two says so.
 */
public final class TableRows {
    private TableRows() {}

    /** One row of a table and how it was found (for assertion messages). */
    public record KeyedRow(Table table, int index, String description) {
        public Object get(String column) {
            return table.value(index, column);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The one row of {@code tables.get(name)} whose columns hold the given values: column, value, column, value, ... */
    public static KeyedRow one(Map<String, Table> tables, String name, Object... keysAndValues) {
        Table t = tables.get(name);
        if (t == null) fail("no table " + name + " among " + tables.keySet());
        return one(t, keysAndValues);
    }

    public static KeyedRow one(Table table, Object... keysAndValues) {
        List<Integer> hits = matching(table, keysAndValues);
        String description = describe(table, keysAndValues);
        if (hits.size() != 1) fail(description + ": " + hits.size() + " rows, expected one");
        return new KeyedRow(table, hits.get(0), description);
    }

    /** Whether some row of the table holds the given key values. */
    public static boolean exists(Table table, Object... keysAndValues) {
        return !matching(table, keysAndValues).isEmpty();
    }

    /**
     * Keys compare as text, so that a year given as 2019 finds the row whatever integral type the
     * table keeps it in: keys are names, codes and periods, never measures.
     */
    private static List<Integer> matching(Table table, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys come as column, value pairs");
        List<Integer> hits = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            boolean all = true;
            for (int i = 0; i < keysAndValues.length && all; i += 2) {
                Object v = table.value(r, (String) keysAndValues[i]);
                all = String.valueOf(v).equals(String.valueOf(keysAndValues[i + 1]));
            }
            if (all) hits.add(r);
        }
        return hits;
    }

    private static String describe(Table table, Object... keysAndValues) {
        StringBuilder s = new StringBuilder(table.name()).append('[');
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) s.append(',');
            s.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        return s.append(']').toString();
    }
}
