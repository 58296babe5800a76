package nl.voorkant.ingest;

/**
 * Citizen service numbers (BSN) where no BSN belongs. A provider that types a BSN into a claim id or
 * a free-text field puts it in every rejected row that copies the field; those copies hold the
 * number's pseudonym instead. A BSN is nine digits passing the 11-proof; one that lost its leading
 * zero in a spreadsheet is eight digits that pass it left-padded, so both lengths count.
 */
public final class Bsns {
    private Bsns() {}

    /** The 11-proof: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11, for exactly nine digits. */
    public static boolean isValid(String bsn) {
        return bsn != null && bsn.length() == 9 && allDigits(bsn, 0, 9) && passes(bsn, 0, 9);
    }

    /**
     * {@code text} with every maximal run of eight or nine digits that passes the 11-proof replaced by
     * the pseudonym of that number (the one its client id would get); the same string when there is none.
     */
    public static String pseudonymised(String text, Pseudonymiser pseudonymiser) {
        if (text == null) return null;
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, n = text.length(); i < n; ) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && isDigit(text.charAt(end))) end++;
            int length = end - i;
            if ((length == 8 || length == 9) && passes(text, i, end) && !allZeros(text, i, end)) {
                if (out == null) out = new StringBuilder(text.length() + 8);
                out.append(text, copied, i).append(Pseudonymiser.hex(pseudonymiser.pseudonym(text.substring(i, end))));
                copied = end;
            }
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The 11-proof of the digits in [from, to), read as a nine-digit number (shorter runs left-padded with zeros). */
    private static boolean passes(CharSequence s, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            int position = 9 - (to - i); // 0-based position in the padded nine digits
            sum += (s.charAt(i) - '0') * (position < 8 ? 9 - position : -1);
        }
        return sum % 11 == 0;
    }

    // 000000000 passes the 11-proof but is nobody's number.
    private static boolean allZeros(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) != '0') return false;
        return true;
    }

    private static boolean allDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) if (!isDigit(s.charAt(i))) return false;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
