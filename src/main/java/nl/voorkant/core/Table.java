package nl.voorkant.core;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A small, driver-side result table: named columns and rows of plain values (String, Long, Integer,
 * Double, BigDecimal or null for "empty"). Stages hand their aggregated outputs to the report as
 * tables, so the report never needs Spark and the scenario maths never needs a Dataset.
 */
public final class Table {
    private final String name;
    private final List<String> columns;
    private final List<List<Object>> rows;

    public Table(String name, List<String> columns, List<List<Object>> rows) {
        this.name = Objects.requireNonNull(name);
        this.columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    public static Builder builder(String name, String... columns) {
        return new Builder(name, List.of(columns));
    }

    public String name() { return name; }
    public List<String> columns() { return columns; }
    public List<List<Object>> rows() { return rows; }
    public int size() { return rows.size(); }

    public int columnIndex(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + column + " (has " + columns + ")");
        }
        return i;
    }

    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    /** The rows for which the predicate on one column's value holds, as a new table of the same name. */
    public Table where(String column, Predicate<Object> predicate) {
        int i = columnIndex(column);
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            if (predicate.test(row.get(i))) kept.add(row);
        }
        return new Table(name, columns, kept);
    }

    public Table where(String column, Object equalTo) {
        return where(column, v -> Objects.equals(v, equalTo));
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
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public Builder row(Object... values) {
            rows.add(java.util.Arrays.asList(values));
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}
