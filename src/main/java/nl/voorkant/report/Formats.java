package nl.voorkant.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as a reader of the report's language expects them: "€ 1.234,56" and "12,5" in Dutch. */
public final class Formats {
    public static final String EMPTY = "–";
    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    public String euros(Object v) {
        if (!(v instanceof Number n)) return EMPTY;
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        return "€ " + f.format(n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue()));
    }

    public String number(Object v) {
        if (v == null) return EMPTY;
        if (!(v instanceof Number n)) return v.toString();
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(n instanceof Long || n instanceof Integer ? 0 : 4);
        return f.format(n);
    }

    public String percent(Object v) {
        if (!(v instanceof Number n)) return EMPTY;
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(n.doubleValue());
    }

    /** What a column holds, read from its name; the HTML cells and the spreadsheet's number formats follow it. */
    public enum Kind { EUROS, PERCENT, YEAR, NUMBER }

    public static Kind kind(String column) {
        if (column.endsWith("_eur")) return Kind.EUROS;
        if (column.endsWith("share")) return Kind.PERCENT;
        if (column.equals("year")) return Kind.YEAR;
        return Kind.NUMBER;
    }

    /** A cell by its column: *_eur as euros, *share as a percentage, everything else as a number or text. */
    public String cell(String column, Object v) {
        return switch (kind(column)) {
            case EUROS -> euros(v);
            case PERCENT -> percent(v);
            case YEAR -> v == null ? EMPTY : v.toString();
            case NUMBER -> number(v);
        };
    }
}
