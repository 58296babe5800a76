package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.Table;

/**
 * Every cell of every published table, numbered densely (table by table, row by row), with the
 * lookups disclosure control needs: rows by a partial key, and the next row of a curve.
 */
final class DisclosureCells {
    final List<Table> tables;
    private final Map<String, Integer> byName = new HashMap<>();
    private final int[] offset;
    /** Per table, its indexes by the columns they are on. */
    private final List<Map<Set<String>, Index>> indexes = new ArrayList<>();

    DisclosureCells(List<Table> tables) {
        this.tables = List.copyOf(tables);
        offset = new int[tables.size() + 1];
        for (int t = 0; t < tables.size(); t++) {
            byName.put(tables.get(t).name(), t);
            long next = (long) offset[t] + (long) tables.get(t).size() * tables.get(t).columns().size();
            if (next > Integer.MAX_VALUE) throw new DisclosureError("the tables hold more cells than can be checked");
            offset[t + 1] = (int) next;
            indexes.add(new HashMap<>());
        }
    }

    int size() { return offset[tables.size()]; }

    Table table(int t) { return tables.get(t); }

    /** The table's number, or -1 when no table of that name is published. */
    int table(String name) { return byName.getOrDefault(name, -1); }

    Schema schema(int t) { return tables.get(t).schema(); }

    int width(int t) { return tables.get(t).columns().size(); }

    int id(int t, int row, int column) { return offset[t] + row * width(t) + column; }

    int tableOf(int id) {
        int lo = 0, hi = tables.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offset[mid] <= id) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    int rowOf(int id) { int t = tableOf(id); return (id - offset[t]) / width(t); }

    int columnOf(int id) { int t = tableOf(id); return (id - offset[t]) % width(t); }

    Object value(int id) {
        int t = tableOf(id);
        return tables.get(t).rows().get((id - offset[t]) / width(t)).get((id - offset[t]) % width(t));
    }

    Object value(int t, int row, String column) {
        return tables.get(t).rows().get(row).get(tables.get(t).columnIndex(column));
    }

    Column column(int id) {
        int t = tableOf(id);
        return schema(t).columns().get(columnOf(id));
    }

    /** Where a cell is, for messages and tests: table, the row's dimensions, column; never a figure. */
    String describe(int id) {
        int t = tableOf(id), row = rowOf(id);
        StringBuilder key = new StringBuilder();
        Schema s = schema(t);
        for (int c = 0; c < s.columns().size(); c++) {
            if (s.columns().get(c).role() != Role.DIMENSION) continue;
            if (key.length() > 0) key.append(',');
            key.append(s.columns().get(c).name()).append('=').append(tables.get(t).rows().get(row).get(c));
        }
        return tables.get(t).name() + "[" + key + "]." + s.columns().get(columnOf(id)).name();
    }

    /** The rows of table t whose values agree with {@code key} on every column it names. */
    List<Integer> rows(int t, Map<String, Object> key) {
        Index index = index(t, key.keySet());
        StringBuilder wanted = new StringBuilder();
        for (String c : index.columns()) wanted.append(String.valueOf(key.get(c))).append(SEPARATOR);
        return index.rows(wanted.toString());
    }

    /** A table's rows by their values at some columns ({@link #joinedKey}), the columns in name order. */
    record Index(List<String> columns, Map<String, List<Integer>> byKey) {
        List<Integer> rows(String joinedKey) {
            return byKey.getOrDefault(joinedKey, List.of());
        }
    }

    private static final char SEPARATOR = '\u0000';

    /**
     * The values of a row at some columns as one string, each ended by a character no value holds.
     * A list of strings would do as a key, but its hash, 31·h(a) + h(b), is the same whenever one
     * value's hash is 1 up and the next one's 31 down, as for codes and months counting up side by
     * side (GM0483 with 2019-02, GM0482 with 2019-12): a national table's hash bins grow long.
     */
    static String joinedKey(List<Object> row, int[] columns) {
        StringBuilder key = new StringBuilder();
        for (int c : columns) key.append(String.valueOf(row.get(c))).append(SEPARATOR);
        return key.toString();
    }

    /** The index of table t on some columns, made once (a set's hash is its names' own, which strings keep). */
    Index index(int t, Set<String> columns) {
        Index index = indexes.get(t).get(columns);
        if (index != null) return index;
        List<String> sorted = List.copyOf(new TreeSet<>(columns));
        Map<String, List<Integer>> byKey = new HashMap<>();
        Table table = tables.get(t);
        int[] at = sorted.stream().mapToInt(table::columnIndex).toArray();
        for (int r = 0; r < table.size(); r++) byKey.computeIfAbsent(joinedKey(table.rows().get(r), at), x -> new ArrayList<>()).add(r);
        index = new Index(sorted, byKey);
        indexes.get(t).put(Set.copyOf(columns), index);
        return index;
    }

    /** The values of a row at some columns, as strings (a year may be an Integer in one table and a Long in another). */
    static List<String> keyOf(List<Object> row, int[] columns) {
        List<String> key = new ArrayList<>(columns.length);
        for (int c : columns) key.add(String.valueOf(row.get(c)));
        return key;
    }

    /** The column numbers of a table's dimensions, less some. */
    int[] dimensions(int t, List<String> except) {
        Schema s = schema(t);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < s.columns().size(); c++) {
            Column col = s.columns().get(c);
            if (col.role() == Role.DIMENSION && !except.contains(col.name())) out.add(c);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Per curve of a table with a sequence column (rows agreeing on every other dimension), its rows in sequence order. */
    List<List<Integer>> curves(int t) {
        Schema s = schema(t);
        Table table = tables.get(t);
        int seq = table.columnIndex(s.sequence());
        int[] key = dimensions(t, List.of(s.sequence()));
        Map<String, TreeMap<Long, Integer>> curves = new java.util.LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            curves.computeIfAbsent(joinedKey(table.rows().get(r), key), k -> new TreeMap<>())
                    .put(((Number) table.rows().get(r).get(seq)).longValue(), r);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (TreeMap<Long, Integer> c : curves.values()) out.add(new ArrayList<>(c.values()));
        return out;
    }
}
