package nl.voorkant.flow.engine;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One String per distinct code of a partition: codes repeat millions of times, a few thousand
 * differ. A code is found by its first eight bytes as one number and its length; a longer one
 * also by its last eight, which with the first hold every byte of a code of up to sixteen, and one
 * longer still by its second eight too, which hold every byte of up to twenty-four; only a longer
 * code still compares all its bytes (measured: hashing every code of every line took a fifth of the
 * fold; comparing the bytes of a product group such as "begeleiding" a tenth, and of
 * "specialistische_ggz", nineteen bytes, a twentieth after that).
 */
final class CodeInterner {
    private long[] prefixes = new long[1 << 10];
    private int[] lengths = new int[1 << 10];
    /** The last eight bytes of a code longer than eight, else 0. */
    private long[] suffixes = new long[1 << 10];
    /** The second eight bytes of a code longer than sixteen, else 0. */
    private long[] middles = new long[1 << 10];
    /** The bytes of codes longer than {@link #THREE_LONGS}, to tell apart those that share their three longs. */
    private UTF8String[] longer = new UTF8String[1 << 10];
    private String[] values = new String[1 << 10];
    private int size;

    /** Codes up to this many bytes are known by their first, second and last eight. */
    private static final int THREE_LONGS = 24;

    String of(InternalRow r, int column) {
        if (r.isNullAt(column)) return null;
        UTF8String bytes = r.getUTF8String(column);
        // The prefix holds the first eight bytes, zero-padded; with the length it is a short code.
        long prefix = bytes.getPrefix();
        int length = bytes.numBytes();
        long suffix = length > 8 ? Platform.getLong(bytes.getBaseObject(), bytes.getBaseOffset() + length - 8) : 0;
        long middle = length > 16 ? Platform.getLong(bytes.getBaseObject(), bytes.getBaseOffset() + 8) : 0;
        int at = slot(prefixes, lengths, suffixes, middles, longer, values, prefix, length, suffix, middle, bytes);
        if (values[at] == null) {
            prefixes[at] = prefix;
            lengths[at] = length;
            suffixes[at] = suffix;
            middles[at] = middle;
            longer[at] = length > THREE_LONGS ? bytes.clone() : null; // the row's buffer is reused for the next line
            values[at] = bytes.toString();
            if (++size * 2 > values.length) grow();
            at = slot(prefixes, lengths, suffixes, middles, longer, values, prefix, length, suffix, middle, bytes);
        }
        return values[at];
    }

    /** The slot of a code, or the empty one where it belongs; {@code bytes} are only read beyond twenty-four. */
    private static int slot(long[] prefixes, int[] lengths, long[] suffixes, long[] middles, UTF8String[] longer,
                            String[] values, long prefix, int length, long suffix, long middle, UTF8String bytes) {
        int mask = values.length - 1;
        int at = (int) ((prefix + length + suffix * 31 + middle * 961) * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (values[at] != null && (prefixes[at] != prefix || lengths[at] != length || suffixes[at] != suffix
                || middles[at] != middle || (length > THREE_LONGS && !longer[at].equals(bytes)))) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        int slots = values.length * 2;
        long[] p = new long[slots];
        int[] n = new int[slots];
        long[] x = new long[slots];
        long[] m = new long[slots];
        UTF8String[] l = new UTF8String[slots];
        String[] v = new String[slots];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            int at = slot(p, n, x, m, l, v, prefixes[i], lengths[i], suffixes[i], middles[i], longer[i]);
            p[at] = prefixes[i];
            n[at] = lengths[i];
            x[at] = suffixes[i];
            m[at] = middles[i];
            l[at] = longer[i];
            v[at] = values[i];
        }
        prefixes = p;
        lengths = n;
        suffixes = x;
        middles = m;
        longer = l;
        values = v;
    }
}
