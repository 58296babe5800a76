package nl.voorkant.core.schema;

import java.math.BigDecimal;

/**
 * What a column's cells hold: the Java value a table keeps, the Parquet type it is written as, and
 * how a reader sees it (the report formats euros, shares and years by it, not by the column's name).
 */
public enum Type {
    /** A code or name. */
    TEXT(String.class),
    /** A calendar month as {@code yyyy-MM}. */
    MONTH(String.class),
    /** A calendar year, shown without a thousands mark. */
    YEAR(Integer.class),
    /** A small whole number (a month count, a duration in months). */
    INT(Integer.class),
    /** A count of people, trajectories or providers. */
    LONG(Long.class),
    /** A measured or modelled figure with decimals. */
    DOUBLE(Double.class),
    /** A fraction from 0 to 1, shown as a percentage. */
    SHARE(Double.class),
    /** Euros to the cent: an amount that adds up. */
    EUROS(BigDecimal.class),
    /** A figure in euros with decimals (a mean or a rate, such as the cost per client-month), shown as euros. */
    EURO_FIGURE(Double.class),
    BOOLEAN(Boolean.class),
    /**
     * A figure of the measure its row names, in a long table of several measures (a projection of
     * clients and of cost): a Double, or euros to the cent where the measure is an amount.
     */
    FIGURE(Number.class);

    /** The scale of every euro amount: cents. */
    public static final int EURO_SCALE = 2;

    private final Class<?> values;

    Type(Class<?> values) {
        this.values = values;
    }

    /** Whether a cell of this type may hold the value; an empty cell (null) fits every type. */
    public boolean admits(Object value) {
        return value == null || values.isInstance(value);
    }

    public Class<?> valueClass() {
        return values;
    }

    /** A cell as a published CSV writes it, read back: empty is null. */
    public Object parse(String text) {
        if (text.isEmpty()) return null;
        return switch (this) {
            case TEXT, MONTH -> text;
            case YEAR, INT -> Integer.valueOf(text);
            case LONG -> Long.valueOf(text);
            case DOUBLE, SHARE, EURO_FIGURE -> Double.valueOf(text);
            case EUROS -> new BigDecimal(text).setScale(EURO_SCALE);
            case BOOLEAN -> Boolean.valueOf(text);
            case FIGURE -> new BigDecimal(text);
        };
    }
}
