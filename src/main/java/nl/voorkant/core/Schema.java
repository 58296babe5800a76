package nl.voorkant.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A published table's shape: its name (or a name pattern with one {@code *}, for tables made per
 * scenario), its ordered columns, and for each column how it is disclosed. Disclosure control reads
 * nothing else, so a table or a column that declares nothing cannot be published by accident.
 *
 * @param sequence the column along which {@link Role#CUMULATIVE} columns run (null when none)
 * @param chain a stock that each row's outflows take from, row by row along {@code sequence}
 *              (a Kaplan–Meier risk set: at_risk(next) = at_risk − events − censored), or null
 */
public record Schema(String name, List<Column> columns, String sequence, Chain chain) {
    public enum Role {
        /** A key of the row (area, year, product group, scenario name): never suppressed. */
        DIMENSION,
        /** A configured setting (a fund cap, a horizon, a seed), not read from the claims: never suppressed. */
        PARAMETER,
        /** A count of people, trajectories or providers: 1 to {@code THRESHOLD − 1} is suppressed (primary). */
        COUNT,
        /** Computed from same-row columns ({@code from}) and cells of other tables ({@code sources}): empty when any is. */
        DERIVED,
        /** Like DERIVED, but along {@code sequence}: empty from the first row at which any source is empty on. */
        CUMULATIVE,
        /** A copy of the cells named by {@code sources}: empty when any of them is. */
        OBSERVED,
        /** A model's figure, computed from the cells named by the row's basis: empty when any of them is. */
        MODELLED
    }

    /**
     * A cell of another published table: its rows that agree with this row on every dimension both
     * tables have, in {@code column}, or, when {@code columnFrom} is set, in the column this row names there.
     */
    public record Source(String table, String column, String columnFrom) {}

    /** See the record's {@code chain}. */
    public record Chain(String stock, List<String> outflows) {}

    /**
     * @param from same-row columns it is computed from (DERIVED, CUMULATIVE)
     * @param sums whether it adds up along the hierarchies (areas, months, products) and so takes
     *                 part in complementary suppression
     */
    public record Column(String name, Role role, List<String> from, List<Source> sources, boolean sums) {
        public Column {
            Objects.requireNonNull(name);
            Objects.requireNonNull(role);
            from = List.copyOf(from);
            sources = List.copyOf(sources);
        }

        /** The same column, adding up along the hierarchies. */
        public Column additive() {
            return new Column(name, role, from, sources, true);
        }

        /** The same column, also empty when a cell of another table is. */
        public Column alsoFrom(String table, String column) {
            List<Source> s = new ArrayList<>(sources);
            s.add(new Source(table, column, null));
            return new Column(name, role, from, s, sums);
        }
    }

    public Schema {
        Objects.requireNonNull(name);
        columns = List.copyOf(columns);
        for (Column c : columns) {
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

    /** This schema with rows forming curves along {@code sequence}, and their stock. */
    public Schema along(String sequenceColumn, Chain stockChain) {
        return new Schema(name, columns, sequenceColumn, stockChain);
    }

    public static Column dimension(String name) {
        return new Column(name, Role.DIMENSION, List.of(), List.of(), false);
    }

    public static Column parameter(String name) {
        return new Column(name, Role.PARAMETER, List.of(), List.of(), false);
    }

    public static Column count(String name) {
        return new Column(name, Role.COUNT, List.of(), List.of(), true);
    }

    public static Column derived(String name, String... from) {
        return new Column(name, Role.DERIVED, List.of(from), List.of(), false);
    }

    public static Column cumulative(String name, String... from) {
        return new Column(name, Role.CUMULATIVE, List.of(from), List.of(), false);
    }

    /** A copy of a cell of {@code table}, in the column that this row's {@code columnFrom} names. */
    public static Column observed(String name, String table, String columnFrom) {
        return new Column(name, Role.OBSERVED, List.of(), List.of(new Source(table, null, columnFrom)), false);
    }

    public static Column modelled(String name) {
        return new Column(name, Role.MODELLED, List.of(), List.of(), false);
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
