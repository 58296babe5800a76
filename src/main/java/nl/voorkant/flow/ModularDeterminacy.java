package nl.voorkant.flow;

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

    ModularDeterminacy(LinearDeterminacy.Relations relations) {
        this.relations = relations;
    }

    /**
     * The cells of one component that are (all but surely) determined, in increasing order. The
     * unknowns are the suppressed cells of the relations that hold the component's cells, which
     * include cells suppressed since the component was found.
     */
    List<Integer> determined(BitSet suppressed, List<Integer> component) {
        int[] relationIds = relationsOf(component);
        int[] cellsOf = unknowns(relationIds, suppressed);
        int n = cellsOf.length;
        if (n == 0) return List.of();
        int maxCell = cellsOf[n - 1];
        if (local.length <= maxCell) local = new int[Math.max(maxCell + 1, local.length * 2)];
        for (int i = 0; i < n; i++) local[cellsOf[i]] = i;
        long[][] pivotValues = new long[n][];
        int[][] pivotColumns = new int[n][];
        long[] acc = new long[n];
        BitSet nonZero = new BitSet(n);
        for (int r : relationIds) {
            for (int i = relations.from(r); i < relations.to(r); i++) {
                int c = relations.cell(i);
                long coef = Math.floorMod(relations.coef(i), P);
                if (!suppressed.get(c) || coef == 0) continue;
                int k = local[c];
                acc[k] = add(acc[k], coef);
                nonZero.set(k);
            }
            int lead = eliminateLeading(acc, nonZero, pivotColumns, pivotValues);
            if (lead >= 0) store(lead, acc, nonZero, pivotColumns, pivotValues);
            for (int k = nonZero.nextSetBit(0); k >= 0; k = nonZero.nextSetBit(k + 1)) acc[k] = 0;
            nonZero.clear();
        }
        // One random solution: free cells at random, each pivot cell from the cells after it.
        SplittableRandom random = new SplittableRandom(cellsOf[0]);
        long[] x = new long[n];
        List<Integer> out = new java.util.ArrayList<>();
        for (int c = n - 1; c >= 0; c--) {
            if (pivotColumns[c] == null) {
                x[c] = random.nextLong(1, P);
                continue;
            }
            long s = 0;
            for (int i = 1; i < pivotColumns[c].length; i++) s = add(s, mul(pivotValues[c][i], x[pivotColumns[c][i]]));
            x[c] = s == 0 ? 0 : P - s;
            if (x[c] == 0) out.add(cellsOf[c]);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The relations holding any of the cells, in increasing order, each once. */
    private int[] relationsOf(List<Integer> component) {
        int total = 0;
        for (int c : component) total += relations.relationsOf(c).length;
        int[] all = new int[total];
        int at = 0;
        for (int c : component) for (int r : relations.relationsOf(c)) all[at++] = r;
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    /** The suppressed cells with a non-zero coefficient in any of the relations, in increasing order. */
    private int[] unknowns(int[] relationIds, BitSet suppressed) {
        int[] out = new int[16];
        int n = 0;
        for (int r : relationIds) {
            for (int i = relations.from(r); i < relations.to(r); i++) {
                if (!suppressed.get(relations.cell(i)) || Math.floorMod(relations.coef(i), P) == 0) continue;
                if (n == out.length) out = Arrays.copyOf(out, 2 * n);
                out[n++] = relations.cell(i);
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /**
     * Clears the row's leading columns that already have a pivot row (whose leading coefficient is 1);
     * an elimination only adds columns after the one it clears. Returns the first column left, or -1.
     */
    private static int eliminateLeading(long[] acc, BitSet nonZero, int[][] pivotColumns, long[][] pivotValues) {
        for (int c = nonZero.nextSetBit(0); c >= 0; c = nonZero.nextSetBit(c + 1)) {
            if (acc[c] == 0) continue;
            if (pivotColumns[c] == null) return c;
            long b = acc[c];
            int[] cols = pivotColumns[c];
            long[] vals = pivotValues[c];
            for (int i = 0; i < cols.length; i++) {
                acc[cols[i]] = add(acc[cols[i]], P - mul(b, vals[i]));
                nonZero.set(cols[i]);
            }
        }
        return -1;
    }

    /** Keeps the row from its leading column on as that column's pivot row, scaled to a leading 1. */
    private static void store(int lead, long[] acc, BitSet nonZero, int[][] pivotColumns, long[][] pivotValues) {
        int size = 0;
        for (int k = nonZero.nextSetBit(lead); k >= 0; k = nonZero.nextSetBit(k + 1)) if (acc[k] != 0) size++;
        int[] cols = new int[size];
        long[] vals = new long[size];
        long scale = inverse(acc[lead]);
        int i = 0;
        for (int k = nonZero.nextSetBit(lead); k >= 0; k = nonZero.nextSetBit(k + 1)) {
            if (acc[k] == 0) continue;
            cols[i] = k;
            vals[i++] = mul(acc[k], scale);
        }
        pivotColumns[lead] = cols;
        pivotValues[lead] = vals;
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
