package nl.voorkant.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import nl.voorkant.core.Table;

/**
 * A published table's shape: its name (or a name pattern with one {@code *}, for tables made per
 * scenario), its ordered, typed columns, and for each column how it is disclosed. Disclosure control
 * reads nothing else, so a table or a column that declares nothing cannot be published by accident;
 * the CSV, Parquet, workbook and report writers take headers and types from it.
 *
 * @param sequence the column along which {@link Role#CUMULATIVE} columns run (null when none)
 * @param chain a stock that each row's outflows take from, row by row along {@code sequence}
 *              (a Kaplan–Meier risk set: at_risk(next) = at_risk − events − censored), or null
 */
public record Schema(String name, List<Column> columns, String sequence, Chain chain) {
    /** See the record's {@code chain}. */
    public record Chain(String stock, List<String> outflows) {}

    public Schema {
        Objects.requireNonNull(name);
        columns = List.copyOf(columns);
        for (Column c : columns) {
            if (columns.stream().filter(x -> x.name().equals(c.name())).count() > 1) {
                throw new IllegalArgumentException("schema " + name + ": column " + c.name() + " twice");
            }
            for (String f : c.from()) {
                if (columns.stream().noneMatch(x -> x.name().equals(f))) {
                    throw new IllegalArgumentException("schema " + name + ": " + c.name() + " is derived from unknown column " + f);
                }
            }
        }
    }

    public static Schema of(String name, Column... columns) {
        return new Schema(name, Arrays.asList(columns), null, null);
    }

    public static Schema of(String name, List<Column> columns) {
        return new Schema(name, columns, null, null);
    }

    /** This schema with rows forming curves along {@code sequenceColumn}, and their stock and its outflows. */
    public Schema along(Column sequenceColumn, Column stock, Column... outflows) {
        return new Schema(name, columns, sequenceColumn.name(),
                new Chain(stock.name(), Arrays.stream(outflows).map(Column::name).toList()));
    }

    /** This schema with {@code more} columns after its own (a later stage's figures beside a table's). */
    public Schema plus(List<Column> more) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(more);
        return new Schema(name, all, sequence, chain);
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) names.add(c.name());
        return names;
    }

    public Column column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return c;
        return null;
    }

    /** Whether a table of this name has this shape: the name itself, or the pattern's {@code *} filled in. */
    public boolean matches(String tableName) {
        int star = name.indexOf('*');
        if (star < 0) return name.equals(tableName);
        String prefix = name.substring(0, star), suffix = name.substring(star + 1);
        return tableName.length() > prefix.length() + suffix.length() && tableName.startsWith(prefix)
                && tableName.endsWith(suffix);
    }

    public Table.Builder builder() {
        return Table.builder(name, this);
    }

    /** A builder for a table of a patterned schema, e.g. {@code scenario_<name>_months}. */
    public Table.Builder builder(String tableName) {
        if (!matches(tableName)) throw new IllegalArgumentException("table " + tableName + " does not match schema " + name);
        return Table.builder(tableName, this);
    }
}
