package nl.voorkant.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;

/**
 * Numbers as a reader of the report's language expects them: "€ 1.234,56" and "12,5" in Dutch. The
 * formats are made once per instance (making one took longer than formatting a cell, and the workbook
 * formats every cell), so an instance is for one thread.
 */
public final class Formats {
    public static final String EMPTY = "–";
    private final DecimalFormat euros;
    private final NumberFormat whole;
    private final NumberFormat fraction;
    private final NumberFormat percent;

    public Formats(Locale locale) {
        this.euros = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        this.whole = NumberFormat.getNumberInstance(locale);
        whole.setMaximumFractionDigits(0);
        this.fraction = NumberFormat.getNumberInstance(locale);
        fraction.setMaximumFractionDigits(2);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
    }

    public String euros(Object v) {
        if (!(v instanceof Number n)) return EMPTY;
        return "€ " + euros.format(n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue()));
    }

    /** Whole euros, as a briefing and the memo's layout quote them: "€ 1,041,940". */
    public String wholeEuros(Object v) {
        if (!(v instanceof Number n)) return EMPTY;
        return euros(BigDecimal.valueOf(Math.round(n.doubleValue()))).replaceAll("[.,]00$", "");
    }

    /** A figure to two decimals at most: a reader compares them, the CSV keeps the rest. */
    public String number(Object v) {
        if (v == null) return EMPTY;
        if (!(v instanceof Number n)) return v.toString();
        return (n instanceof Long || n instanceof Integer ? whole : fraction).format(n);
    }

    public String percent(Object v) {
        if (!(v instanceof Number n)) return EMPTY;
        return percent.format(n.doubleValue());
    }

    /** A cell by the type its column declares: euros, a percentage, a year as it is, anything else as a number or text. */
    public String cell(Type type, Object v) {
        if (type == null) return number(v);
        return switch (type) {
            case EUROS, EURO_FIGURE -> euros(v);
            case SHARE -> percent(v);
            case YEAR -> v == null ? EMPTY : v.toString();
            default -> number(v);
        };
    }

    /**
     * The type a table declares for one of its columns. A table without its schema (read back from a CSV
     * file, or an excerpt of a few columns) is shown by the published schema of its name; a column that
     * none declares (null) is shown plainly.
     */
    public static Type type(Table table, int column) {
        if (table.schema() != null) return table.schema().columns().get(column).type();
        Schema published = ReportTables.published(table.name());
        Column c = published == null ? null : published.column(table.columns().get(column));
        return c == null ? null : c.type();
    }

    /** Whether the column holds amounts in euros. */
    public static boolean euros(Type type) {
        return type == Type.EUROS || type == Type.EURO_FIGURE;
    }
}
