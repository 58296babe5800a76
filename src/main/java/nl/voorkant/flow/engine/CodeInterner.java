package nl.voorkant.flow.engine;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One String per distinct code of a partition: codes repeat millions of times, a few thousand
 * differ. A code is found by its first eight bytes as one number and its length, and a longer
 * one then by all its bytes (measured: hashing every code of every line took a fifth of the fold).
 */
final class CodeInterner {
    private long[] prefixes = new long[1 << 10];
    private int[] lengths = new int[1 << 10];
    /** The bytes of codes longer than a prefix, to tell apart those that share one. */
    private UTF8String[] longer = new UTF8String[1 << 10];
    private String[] values = new String[1 << 10];
    private int size;

    String of(InternalRow r, int column) {
        if (r.isNullAt(column)) return null;
        UTF8String bytes = r.getUTF8String(column);
        // The prefix holds the first eight bytes, zero-padded; with the length it is a short code.
        long prefix = bytes.getPrefix();
        int length = bytes.numBytes();
        int at = slot(prefixes, lengths, longer, values, prefix, length, bytes);
        if (values[at] == null) {
            prefixes[at] = prefix;
            lengths[at] = length;
            longer[at] = length > 8 ? bytes.clone() : null; // the row's buffer is reused for the next line
            values[at] = bytes.toString();
            if (++size * 2 > values.length) grow();
            at = slot(prefixes, lengths, longer, values, prefix, length, bytes);
        }
        return values[at];
    }

    /** The slot of a code, or the empty one where it belongs; {@code bytes} are only read beyond eight. */
    private static int slot(long[] prefixes, int[] lengths, UTF8String[] longer, String[] values, long prefix,
                            int length, UTF8String bytes) {
        int mask = values.length - 1;
        int at = (int) ((prefix + length) * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (values[at] != null && (prefixes[at] != prefix || lengths[at] != length
                || (length > 8 && !longer[at].equals(bytes)))) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        int slots = values.length * 2;
        long[] p = new long[slots];
        int[] n = new int[slots];
        UTF8String[] l = new UTF8String[slots];
        String[] v = new String[slots];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            int at = slot(p, n, l, v, prefixes[i], lengths[i], longer[i]);
            p[at] = prefixes[i];
            n[at] = lengths[i];
            l[at] = longer[i];
            v[at] = values[i];
        }
        prefixes = p;
        lengths = n;
        longer = l;
        values = v;
    }
}
