package nl.voorkant.core;

import java.util.regex.Pattern;

/**
 * Text as voorkant writes it into a CSV cell: a spreadsheet program shows it as text and never runs
 * it as a formula. Claim fields come from providers and names from catalogues, so a cell such as
 * {@code =HYPERLINK(…)} or {@code +cmd|' /C calc'!A0} must not reach Excel as written. As OWASP's
 * "CSV Injection" advises, such a cell gets a leading {@code '}, which the spreadsheet shows as text.
 */
public final class CsvText {
    private CsvText() {}

    /** Signed digits with at most one decimal separator: a spreadsheet reads them as a number, never a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

    /** The text to write for a text cell (numbers are written as numbers and need none of this). */
    public static String inert(String text) {
        return startsAFormula(text) ? "'" + text : text;
    }

    static boolean startsAFormula(String text) {
        if (text.isEmpty()) return false;
        char first = text.charAt(0);
        if (first == '\t' || first == '\r') return true;
        // Looked at past leading blanks, which a spreadsheet's import (and Spark's CSV writer) may trim.
        String s = text.strip();
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@') && !PLAIN_NUMBER.matcher(s).matches();
    }
}
