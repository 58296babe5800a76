package nl.voorkant.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One column of a published table: its name (the CSV and Parquet header, and the key of its label
 * {@code column.<name>} in the report's message catalogue), the type of its cells and how it is
 * disclosed. Code refers to a column by its constant in the table's schema class, never by its name.
 *
 * @param from same-row columns it is computed from (DERIVED, CUMULATIVE)
 * @param sums whether it adds up along the hierarchies (areas, months, products) and so takes
 *             part in complementary suppression
 */
public record Column(String name, Type type, Role role, List<String> from, List<Source> sources, boolean sums) {
    /**
     * A cell of another published table: its rows that agree with this row on every dimension both
     * tables have, in {@code column}, or, when {@code columnFrom} is set, in the column this row names there.
     */
    public record Source(String table, String column, String columnFrom) {}

    public Column {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(role);
        from = List.copyOf(from);
        sources = List.copyOf(sources);
    }

    public static Column dimension(String name, Type type) {
        return new Column(name, type, Role.DIMENSION, List.of(), List.of(), false);
    }

    public static Column parameter(String name, Type type) {
        return new Column(name, type, Role.PARAMETER, List.of(), List.of(), false);
    }

    /** A count of people, trajectories or providers: whole, and additive along the hierarchies. */
    public static Column count(String name) {
        return new Column(name, Type.LONG, Role.COUNT, List.of(), List.of(), true);
    }

    /** A count that is part of another ({@code within}): its complement there reveals as much as it does. */
    public static Column countWithin(String name, Column within) {
        return new Column(name, Type.LONG, Role.COUNT, List.of(within.name()), List.of(), true);
    }

    public static Column derived(String name, Type type, Column... from) {
        return new Column(name, type, Role.DERIVED, names(from), List.of(), false);
    }

    public static Column cumulative(String name, Type type, Column... from) {
        return new Column(name, type, Role.CUMULATIVE, names(from), List.of(), false);
    }

    /** A copy of a cell of {@code table}, in the column that this row's {@code columnFrom} names. */
    public static Column observed(String name, Type type, String table, Column columnFrom) {
        return new Column(name, type, Role.OBSERVED, List.of(), List.of(new Source(table, null, columnFrom.name())), false);
    }

    public static Column modelled(String name, Type type) {
        return new Column(name, type, Role.MODELLED, List.of(), List.of(), false);
    }

    private static List<String> names(Column... columns) {
        return Arrays.stream(columns).map(Column::name).toList();
    }

    /** The same column, adding up along the hierarchies. */
    public Column additive() {
        return new Column(name, type, role, from, sources, true);
    }

    /** The same column, also empty when a cell of another table is. */
    public Column alsoFrom(String table, Column column) {
        List<Source> s = new ArrayList<>(sources);
        s.add(new Source(table, column.name(), null));
        return new Column(name, type, role, from, s, sums);
    }
}
