package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fast search for the suppressed cells that the published ones give away, for choosing complements;
 * {@link LinearDeterminacy#determined} stays the proof. A suppressed cell i is hidden exactly when some
 * solution x of the relations restricted to the suppressed cells (A·x = 0) has xᵢ ≠ 0. This takes one
 * random solution: forward elimination modulo the prime p = 2⁶¹ − 1 (no growing integers, no gcds), random
 * values for the free cells, back substitution. A hidden cell then gets xᵢ ≠ 0 but with chance at most
 * 1/(p − 1); a given-away cell gets xᵢ = 0 unless p divides a determinant of the relations. Either slip
 * only changes which complement is chosen: a cell wrongly thought given away gets one complement too
 * many, one wrongly thought hidden is caught by the exact check before anything is published.
 */
final class ModularDeterminacy {
    static final long P = (1L << 61) - 1;

    private final LinearDeterminacy.Relations relations;
    /** Per cell its position in the component being searched (valid only for that component's cells). */
    private int[] local = new int[0];
    /** Marks of the cells and relations already listed for the component being searched. */
    private int[] cellMark = new int[0], relationMark = new int[0];
    private int cellStamp, relationStamp;

    ModularDeterminacy(LinearDeterminacy.Relations relations) {
        this.relations = relations;
    }

    /** A determined cell, and the published cells that the combination giving it away adds up (in increasing order). */
    record GivenAway(int cell, int[] by) {}

    /**
     * The cells of one component that are (all but surely) determined, in increasing order. The
     * unknowns are the suppressed cells of the relations that hold the component's cells, which
     * include cells suppressed since the component was found. The published cells of those relations
     * ride along as columns after the unknowns, never a pivot, so that each determined cell's row,
     * once cleared of every other unknown, says which published cells give it away.
     */
    List<GivenAway> determined(BitSet suppressed, List<Integer> component) {
        int[] relationIds = relationsOf(component);
        Columns columns = columns(relationIds, suppressed);
        int[] column = columns.cells();
        int n = columns.unknowns();
        if (n == 0) return List.of();
        int[] cellsOf = Arrays.copyOf(column, n);
        for (int i = 0; i < column.length; i++) {
            local = grow(local, column[i] + 1);
            local[column[i]] = i;
        }
        Row row = new Row(column.length);
        int[][] pivotColumns = new int[n][];
        long[][] pivotValues = new long[n][];
        for (int r : relationIds) {
            row.clear();
            for (int i = relations.from(r); i < relations.to(r); i++) {
                long coef = Math.floorMod(relations.coef(i), P);
                if (coef != 0) row.add(local[relations.cell(i)], coef);
            }
            int lead;
            while ((lead = row.lead()) >= 0 && lead < n && pivotColumns[lead] != null) {
                row.subtract(pivotColumns[lead], pivotValues[lead]);
            }
            if (lead < 0 || lead >= n) continue; // published cells only: it tells nothing about the unknowns
            int size = row.drain();
            pivotColumns[lead] = Arrays.copyOf(row.drainedColumns, size);
            pivotValues[lead] = Arrays.copyOf(row.drainedValues, size);
        }
        // One random solution: free cells at random, each pivot cell from the unknowns after it.
        SplittableRandom random = new SplittableRandom(cellsOf[0]);
        long[] x = new long[n];
        List<GivenAway> out = new ArrayList<>();
        for (int c = n - 1; c >= 0; c--) {
            int[] cols = pivotColumns[c];
            if (cols == null) {
                x[c] = random.nextLong(1, P);
                continue;
            }
            long s = 0;
            for (int i = 1; i < cols.length && cols[i] < n; i++) s = add(s, mul(pivotValues[c][i], x[cols[i]]));
            x[c] = s == 0 ? 0 : P - s;
            if (x[c] == 0) {
                int[] by = givenBy(c, n, row, pivotColumns, pivotValues, column);
                if (by != null) out.add(new GivenAway(cellsOf[c], by));
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The published cells of c's pivot row once every other unknown is cleared from it with the pivot
     * rows after it; null when an unknown without a pivot row stays (c is not determined after all).
     */
    private static int[] givenBy(int c, int n, Row row, int[][] pivotColumns, long[][] pivotValues, int[] column) {
        row.clear();
        for (int i = 0; i < pivotColumns[c].length; i++) row.add(pivotColumns[c][i], pivotValues[c][i]);
        row.clearLead();
        int lead;
        while ((lead = row.lead()) >= 0 && lead < n) {
            if (pivotColumns[lead] == null) return null;
            row.subtract(pivotColumns[lead], pivotValues[lead]);
        }
        int size = row.drain();
        int[] cols = new int[size];
        for (int i = 0; i < size; i++) cols[i] = column[row.drainedColumns[i]];
        Arrays.sort(cols);
        return cols;
    }

    /** The relations holding any of the cells, in increasing order, each once. */
    private int[] relationsOf(List<Integer> component) {
        relationMark = grow(relationMark, relations.count());
        int stamp = ++relationStamp;
        int[] out = new int[16];
        int n = 0;
        for (int c : component) {
            for (int r : relations.relationsOf(c)) {
                if (relationMark[r] == stamp) continue;
                relationMark[r] = stamp;
                if (n == out.length) out = Arrays.copyOf(out, 2 * n);
                out[n++] = r;
            }
        }
        Arrays.sort(out, 0, n);
        return Arrays.copyOf(out, n);
    }

    /** The cells of a search by column: the first {@code unknowns} are the suppressed ones. */
    private record Columns(int[] cells, int unknowns) {}

    /**
     * The cells with a non-zero coefficient in any of the relations: the suppressed ones (the
     * unknowns) in increasing order, the order in which they are eliminated, then the published
     * ones in the order met. Those only ride along, so their order changes no value, and sorting
     * them (the larger part) would cost more than the rest of a small search.
     */
    private Columns columns(int[] relationIds, BitSet suppressed) {
        int stamp = ++cellStamp;
        int[] unknown = new int[16], published = new int[16];
        int n = 0, m = 0;
        for (int r : relationIds) {
            for (int i = relations.from(r); i < relations.to(r); i++) {
                int c = relations.cell(i);
                if (relations.coef(i) % P == 0) continue;
                cellMark = grow(cellMark, c + 1);
                if (cellMark[c] == stamp) continue;
                cellMark[c] = stamp;
                if (suppressed.get(c)) {
                    if (n == unknown.length) unknown = Arrays.copyOf(unknown, 2 * n);
                    unknown[n++] = c;
                } else {
                    if (m == published.length) published = Arrays.copyOf(published, 2 * m);
                    published[m++] = c;
                }
            }
        }
        Arrays.sort(unknown, 0, n);
        int[] out = Arrays.copyOf(unknown, n + m);
        System.arraycopy(published, 0, out, n, m);
        return new Columns(out, n);
    }

    private static int[] grow(int[] a, int size) {
        return a.length >= size ? a : Arrays.copyOf(a, Math.max(size, 2 * a.length));
    }

    /**
     * The row being eliminated: its values by column, and a bit per column that may hold one (set on
     * every add, cleared once the value is found zero), so that the leading column is the first set bit
     * and the row's columns come out in order from a scan of a few words per 64 columns. Elimination only
     * ever adds columns at or after the lead, so the scans start where the last one stopped.
     */
    private static final class Row {
        final long[] value;
        final long[] bits;
        /** What {@link #drain} moved out: columns in order, values scaled to a leading 1. */
        final int[] drainedColumns;
        final long[] drainedValues;
        /** The words between which bits may be set (first &gt; last when none is). */
        int first, last = -1;

        Row(int n) {
            value = new long[n];
            bits = new long[(n + 63) >>> 6];
            drainedColumns = new int[n];
            drainedValues = new long[n];
            first = bits.length;
        }

        void clear() {
            for (int w = first; w <= last; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) value[(w << 6) + Long.numberOfTrailingZeros(b)] = 0;
                bits[w] = 0;
            }
            first = bits.length;
            last = -1;
        }

        void add(int column, long v) {
            value[column] = ModularDeterminacy.add(value[column], v);
            int w = column >>> 6;
            bits[w] |= 1L << column;
            if (w < first) first = w;
            if (w > last) last = w;
        }

        /** The first column with a non-zero value, or -1; columns before it leave the row. */
        int lead() {
            for (; first <= last; first++) {
                long b = bits[first];
                while (b != 0) {
                    int c = (first << 6) + Long.numberOfTrailingZeros(b);
                    if (value[c] != 0) {
                        bits[first] = b;
                        return c;
                    }
                    b &= b - 1;
                }
                bits[first] = 0;
            }
            return -1;
        }

        /** Row − (its leading value) × a pivot row whose leading coefficient is 1: the leading column cancels. */
        void subtract(int[] cols, long[] vals) {
            long b = value[cols[0]];
            for (int i = 0; i < cols.length; i++) add(cols[i], P - mul(b, vals[i]));
        }

        /** Drops the leading column (a pivot row's own column, when its other unknowns are to be cleared). */
        void clearLead() {
            value[lead()] = 0;
        }

        /**
         * Moves the non-zero values out (into {@link #drainedColumns} and {@link #drainedValues}), leaving the
         * row empty, in one scan; how many there were.
         */
        int drain() {
            int lead = lead();
            if (lead < 0) return 0;
            long scale = inverse(value[lead]);
            int n = 0;
            for (int w = first; w <= last; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) {
                    int c = (w << 6) + Long.numberOfTrailingZeros(b);
                    if (value[c] == 0) continue;
                    drainedColumns[n] = c;
                    drainedValues[n++] = mul(value[c], scale);
                    value[c] = 0;
                }
                bits[w] = 0;
            }
            first = bits.length;
            last = -1;
            return n;
        }
    }

    static long add(long a, long b) {
        long s = a + b;
        return s >= P ? s - P : s;
    }

    /** a·b mod p for a, b in [0, p): 2⁶¹ ≡ 1, so the product's high bits fold onto its low 61. */
    static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        long s = (lo & P) + ((lo >>> 61) | (hi << 3));
        return s >= P ? s - P : s;
    }

    /** a⁻¹ mod p = a^(p−2) for a ≠ 0 (Fermat). */
    static long inverse(long a) {
        long result = 1, base = a;
        for (long e = P - 2; e > 0; e >>= 1) {
            if ((e & 1) == 1) result = mul(result, base);
            base = mul(base, base);
        }
        return result;
    }
}
