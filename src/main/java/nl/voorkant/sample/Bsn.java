package nl.voorkant.sample;

import nl.voorkant.ingest.Bsns;

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

    /** The 11-proof, as ingestion checks it. */
    static boolean isValid(String bsn) {
        return Bsns.isValid(bsn);
    }

    private static String format(long value) {
        String digits = Long.toString(value);
        return "000000000".substring(digits.length()) + digits;
    }
}
