package nl.voorkant.core.schema;

import java.util.List;

/**
 * One row's values put by column and handed over in its schema's order: a builder cannot put a
 * figure under another column, nor leave one out.
 */
public final class RowValues {
    private final List<Column> columns;
    private final Object[] values;
    private final boolean[] put;

    public RowValues(Schema schema) {
        this.columns = schema.columns();
        this.values = new Object[columns.size()];
        this.put = new boolean[columns.size()];
    }

    /** Sets a column's value; null leaves the cell empty. */
    public RowValues put(Column column, Object value) {
        int i = indexOf(column);
        if (put[i]) throw new IllegalStateException("column " + column.name() + " put twice");
        put[i] = true;
        values[i] = value;
        return this;
    }

    /** The values in the schema's order, once every column has one. */
    public Object[] values() {
        for (int i = 0; i < put.length; i++) {
            if (!put[i]) throw new IllegalStateException("column " + columns.get(i).name() + " has no value");
        }
        return values;
    }

    /** By identity: columns of other tables may share a name and differ in how they are disclosed. */
    private int indexOf(Column column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i) == column) return i;
        throw new IllegalArgumentException("column " + column.name() + " is not in this schema");
    }
}
