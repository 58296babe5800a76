package nl.voorkant.core;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;

/**
 * A small, driver-side result table: named columns and rows of plain values (String, Long, Integer,
 * Double, BigDecimal or null for "empty"). Stages hand their aggregated outputs to the report as
 * tables, so the report never needs Spark and the scenario maths never needs a Dataset.
 */
public final class Table {
    private final String name;
    private final List<String> columns;
    private final List<List<Object>> rows;
    private final Schema schema;
    private final List<List<CellRef>> bases;
    /**
     * Per column, the rows of each value, made on the first lookup by value: the report looks up the
     * cells of a national flow_year (tens of thousands of rows) area by area, thousands of times.
     */
    private final Map<Integer, Map<Object, int[]>> indexes = new ConcurrentHashMap<>();
    /** Below this many rows a lookup scans: an index would cost more to make than it saves. */
    static final int INDEXED_FROM_ROWS = 1_000;

    /** A table that declares no disclosure roles: it cannot be published (see {@link Schema}). */
    public Table(String name, List<String> columns, List<List<Object>> rows) {
        this(name, columns, rows, null, null);
    }

    /**
     * A table of a schema's shape; {@code bases} gives per row the cells of other tables its modelled
     * figures were computed from (null when it has no modelled columns).
     */
    public Table(String name, Schema schema, List<List<Object>> rows, List<List<CellRef>> bases) {
        this(name, schema.columnNames(), rows, schema, bases);
    }

    private Table(String name, List<String> columns, List<List<Object>> rows, Schema schema, List<List<CellRef>> bases) {
        this.name = Objects.requireNonNull(name);
        this.columns = List.copyOf(columns);
        this.schema = schema;
        if (bases != null && bases.size() != rows.size()) {
            throw new IllegalArgumentException("table " + name + ": " + bases.size() + " bases for " + rows.size() + " rows");
        }
        this.bases = bases == null ? null : bases.stream().map(List::copyOf).toList();
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            if (schema != null) checkTypes(row);
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    /** Some of {@code of}'s rows, already checked and unmodifiable: a selection copies no values. */
    private Table(Table of, List<List<Object>> rows, List<List<CellRef>> bases) {
        this.name = of.name;
        this.columns = of.columns;
        this.schema = of.schema;
        this.rows = Collections.unmodifiableList(rows);
        this.bases = bases == null ? null : Collections.unmodifiableList(bases);
    }

    /** A value of the wrong kind would reach the Parquet file and the report as whatever it happens to be. */
    private void checkTypes(List<Object> row) {
        for (int c = 0; c < row.size(); c++) {
            Column column = schema.columns().get(c);
            if (!column.type().admits(row.get(c))) {
                throw new IllegalArgumentException("table " + name + ", column " + column.name() + ": a "
                        + row.get(c).getClass().getSimpleName() + " where " + column.type() + " was declared");
            }
        }
    }

    public static Builder builder(String name, String... columns) {
        return new Builder(name, List.of(columns), null);
    }

    /** A builder for a table of a schema; use {@link Schema#builder()}. */
    public static Builder builder(String name, Schema schema) {
        return new Builder(name, schema.columnNames(), schema);
    }

    public String name() { return name; }
    public List<String> columns() { return columns; }
    public List<List<Object>> rows() { return rows; }
    public int size() { return rows.size(); }
    /** How each column is disclosed; null for a table that declares nothing. */
    public Schema schema() { return schema; }
    /** Per row the cells its modelled figures were computed from; null when none were recorded. */
    public List<List<CellRef>> bases() { return bases; }

    /** The same table (name, schema) with other rows of values, each keeping its basis. */
    public Table withRows(List<List<Object>> newRows) {
        return new Table(name, columns, newRows, schema, bases);
    }

    public int columnIndex(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + column + " (has " + columns + ")");
        }
        return i;
    }

    public int columnIndex(Column column) {
        return columnIndex(column.name());
    }

    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    public Object value(int row, Column column) {
        return value(row, column.name());
    }

    /** The rows for which the predicate on one column's value holds, as a new table of the same name. */
    public Table where(String column, Predicate<Object> predicate) {
        int i = columnIndex(column);
        List<List<Object>> kept = new ArrayList<>();
        List<List<CellRef>> keptBases = bases == null ? null : new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (predicate.test(rows.get(r).get(i))) {
                kept.add(rows.get(r));
                if (keptBases != null) keptBases.add(bases.get(r));
            }
        }
        return new Table(this, kept, keptBases);
    }

    /** The rows whose value in one column equals {@code equalTo} ({@link Objects#equals}), in their order. */
    public Table where(String column, Object equalTo) {
        int i = columnIndex(column);
        if (rows.size() < INDEXED_FROM_ROWS) return where(column, v -> Objects.equals(v, equalTo));
        int[] hits = indexes.computeIfAbsent(i, this::index).getOrDefault(equalTo, NO_ROWS);
        List<List<Object>> kept = new ArrayList<>(hits.length);
        List<List<CellRef>> keptBases = bases == null ? null : new ArrayList<>(hits.length);
        for (int r : hits) {
            kept.add(rows.get(r));
            if (keptBases != null) keptBases.add(bases.get(r));
        }
        return new Table(this, kept, keptBases);
    }

    private static final int[] NO_ROWS = new int[0];

    /** The rows of each value of a column, ascending; the values' own equals and hashCode, as Objects.equals. */
    private Map<Object, int[]> index(int column) {
        Map<Object, int[]> counts = new HashMap<>();
        for (List<Object> row : rows) counts.computeIfAbsent(row.get(column), v -> new int[1])[0]++;
        Map<Object, int[]> index = new HashMap<>(counts.size() * 2);
        counts.forEach((v, n) -> index.put(v, new int[n[0]]));
        for (int r = 0; r < rows.size(); r++) {
            Object v = rows.get(r).get(column);
            int[] at = index.get(v);
            at[at.length - counts.get(v)[0]--] = r;
        }
        return index;
    }

    public Table where(Column column, Predicate<Object> predicate) {
        return where(column.name(), predicate);
    }

    public Table where(Column column, Object equalTo) {
        return where(column.name(), equalTo);
    }

    /**
     * CSV as the project publishes it: UTF-8, comma, decimal point, header, empty for null, text that
     * a spreadsheet would run as a formula made inert ({@link CsvText}).
     */
    public void writeCsv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(w);
        }
    }

    public void writeCsv(Writer w) throws IOException {
        w.write(csvLine(columns));
        for (List<Object> row : rows) {
            w.write(csvLine(row));
        }
    }

    private static String csvLine(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(csvField(values.get(i)));
        }
        return sb.append('\n').toString();
    }

    static String csvField(Object value) {
        if (value == null) return "";
        String s;
        if (value instanceof BigDecimal bd) {
            s = bd.toPlainString();
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return "";
            s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        } else if (value instanceof Number) {
            s = value.toString();
        } else {
            s = CsvText.inert(value.toString());
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return "Table[" + name + ", " + columns + ", " + rows.size() + " rows]";
    }

    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final Schema schema;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<List<CellRef>> bases = new ArrayList<>();

        private Builder(String name, List<String> columns, Schema schema) {
            this.name = name;
            this.columns = columns;
            this.schema = schema;
        }

        public Builder row(Object... values) {
            // A modelled figure without its basis could not follow the suppression of what it was computed from.
            if (schema != null && schema.columns().stream().anyMatch(c -> c.role() == Role.MODELLED)) {
                throw new IllegalStateException("table " + name + " has modelled columns: give each row its basis");
            }
            return basedRow(List.of(), values);
        }

        /** A row whose modelled figures were computed from {@code basis} (empty: from typed-in figures only). */
        public Builder basedRow(List<CellRef> basis, Object... values) {
            rows.add(java.util.Arrays.asList(values));
            bases.add(basis);
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows, schema, schema == null ? null : bases);
        }
    }
}
