package nl.voorkant.sample;

/**
 * Synthetic client ids shaped like Dutch citizen service numbers (BSN): nine digits passing the
 * 11-proof, so an ingestion that checks BSNs accepts them. They are drawn from a scrambled counter,
 * which keeps them unique without remembering the ones already handed out.
 */
final class Bsn {
    private static final int PREFIXES = 100_000_000;
    // Coprime with 10, so multiplying modulo 10^8 is a bijection on the 8-digit prefixes.
    private static final long MULTIPLIER = 73_939_133L;
    private static final long OFFSET = 12_345_679L;

    private long counter;

    /** The next unused valid BSN of this sequence. */
    String next() {
        while (counter < PREFIXES) {
            int prefix = (int) ((counter++ * MULTIPLIER + OFFSET) % PREFIXES);
            int check = checkDigit(prefix);
            if (check < 10) {
                return format(prefix * 10L + check);
            }
        }
        throw new IllegalStateException("BSN sequence exhausted");
    }

    /** The ninth digit that makes the 8-digit prefix pass the 11-proof, or 10 when no digit does. */
    static int checkDigit(int prefix) {
        int sum = 0;
        int p = prefix;
        for (int weight = 2; weight <= 9; weight++) {
            sum += (p % 10) * weight;
            p /= 10;
        }
        return sum % 11;
    }

    /** The 11-proof: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11. */
    static boolean isValid(String bsn) {
        if (bsn == null || bsn.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = bsn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (i < 8 ? 9 - i : -1);
        }
        return sum % 11 == 0;
    }

    private static String format(long value) {
        String digits = Long.toString(value);
        return "000000000".substring(digits.length()) + digits;
    }
}
