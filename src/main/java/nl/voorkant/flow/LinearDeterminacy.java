package nl.voorkant.flow;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which suppressed cells the published ones give away. The published tables satisfy linear relations
 * Σ aᵢ·xᵢ = 0 (a total is the sum of its parts, a risk set shrinks by its events); with the published
 * cells known, a suppressed cell i is determined exactly when the unit vector eᵢ lies in the row
 * space of the relations restricted to the suppressed cells. That is decided exactly, in integers,
 * by Gauss–Jordan elimination per connected component of suppressed cells (cells that share a
 * relation), so the work follows the suppressed cells, not the size of the tables.
 */
final class LinearDeterminacy {
    private LinearDeterminacy() {}

    /** Relations over cells numbered from 0, stored one after another (integer coefficients). */
    static final class Relations {
        private int[] start = {0};
        private int count;
        private int[] cells = new int[64];
        private long[] coefs = new long[64];
        private static final int[] NONE = new int[0];
        private int[] byCellStart;
        private int[][] cellRelations;

        void add(int[] relationCells, long[] relationCoefs) {
            int size = start[count];
            if (size + relationCells.length > cells.length) {
                int n = Math.max(cells.length * 2, size + relationCells.length);
                cells = Arrays.copyOf(cells, n);
                coefs = Arrays.copyOf(coefs, n);
            }
            System.arraycopy(relationCells, 0, cells, size, relationCells.length);
            System.arraycopy(relationCoefs, 0, coefs, size, relationCoefs.length);
            if (count + 1 >= start.length) start = Arrays.copyOf(start, start.length * 2);
            start[++count] = size + relationCells.length;
            cellRelations = null;
        }

        int count() { return count; }
        int from(int relation) { return start[relation]; }
        int to(int relation) { return start[relation + 1]; }
        int cell(int at) { return cells[at]; }
        long coef(int at) { return coefs[at]; }

        /** The relations that hold a cell, without copying: an IntStream would cost more than the work it feeds. */
        int[] relationsOf(int cell) {
            index();
            return cell + 1 >= byCellStart.length ? NONE : cellRelations[cell];
        }

        private void index() {
            if (cellRelations != null) return;
            int maxCell = -1;
            for (int i = 0; i < start[count]; i++) maxCell = Math.max(maxCell, cells[i]);
            byCellStart = new int[maxCell + 2];
            for (int i = 0; i < start[count]; i++) byCellStart[cells[i] + 1]++;
            for (int c = 0; c <= maxCell; c++) byCellStart[c + 1] += byCellStart[c];
            int[] fill = new int[maxCell + 1];
            cellRelations = new int[maxCell + 1][];
            for (int c = 0; c <= maxCell; c++) {
                int n = byCellStart[c + 1] - byCellStart[c];
                cellRelations[c] = n == 0 ? NONE : new int[n];
            }
            for (int r = 0; r < count; r++) {
                for (int i = start[r]; i < start[r + 1]; i++) cellRelations[cells[i]][fill[cells[i]]++] = r;
            }
        }
    }

    /** The connected components of suppressed cells that hold any of {@code seeds}, each as a list of cells. */
    static List<List<Integer>> components(Relations relations, BitSet suppressed, BitSet seeds) {
        List<List<Integer>> out = new ArrayList<>();
        BitSet seen = new BitSet();
        for (int s = seeds.nextSetBit(0); s >= 0; s = seeds.nextSetBit(s + 1)) {
            if (seen.get(s) || !suppressed.get(s)) continue;
            List<Integer> component = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
            seen.set(s);
            while (!queue.isEmpty()) {
                int c = queue.poll();
                component.add(c);
                for (int r : relations.relationsOf(c)) {
                    for (int i = relations.from(r); i < relations.to(r); i++) {
                        int d = relations.cell(i);
                        if (suppressed.get(d) && !seen.get(d)) {
                            seen.set(d);
                            queue.add(d);
                        }
                    }
                }
            }
            out.add(component);
        }
        return out;
    }

    /** The cells of one component that the published cells determine, in increasing order. */
    static List<Integer> determined(Relations relations, BitSet suppressed, List<Integer> component) {
        Set<Integer> relationIds = new HashSet<>();
        for (int c : component) for (int r : relations.relationsOf(c)) relationIds.add(r);
        Map<Integer, Map<Integer, BigInteger>> pivots = new HashMap<>();
        Map<Integer, Set<Integer>> occurs = new HashMap<>();
        for (int r : relationIds.stream().sorted().toList()) {
            Map<Integer, BigInteger> row = new HashMap<>();
            for (int i = relations.from(r); i < relations.to(r); i++) {
                int c = relations.cell(i);
                if (suppressed.get(c) && relations.coef(i) != 0) row.merge(c, BigInteger.valueOf(relations.coef(i)), BigInteger::add);
            }
            row.values().removeIf(v -> v.signum() == 0);
            for (Integer c : new ArrayList<>(row.keySet())) {
                Map<Integer, BigInteger> p = pivots.get(c);
                if (p != null && row.containsKey(c)) row = eliminate(row, p, c);
            }
            if (row.isEmpty()) continue;
            int pivot = row.keySet().stream().min(Integer::compare).orElseThrow();
            normalise(row);
            for (Integer q : new ArrayList<>(occurs.getOrDefault(pivot, Set.of()))) {
                Map<Integer, BigInteger> old = pivots.get(q);
                Map<Integer, BigInteger> updated = eliminate(old, row, pivot);
                for (Integer c : old.keySet()) if (c != (int) q) occurs.get(c).remove(q);
                pivots.put(q, updated);
                for (Integer c : updated.keySet()) if (c != (int) q) occurs.computeIfAbsent(c, k -> new HashSet<>()).add(q);
            }
            pivots.put(pivot, row);
            for (Integer c : row.keySet()) if (c != pivot) occurs.computeIfAbsent(c, k -> new HashSet<>()).add(pivot);
        }
        // In reduced row echelon form a pivot row is zero on the other pivots: eᵢ is in the row space iff i's row is eᵢ.
        TreeMap<Integer, Boolean> out = new TreeMap<>();
        pivots.forEach((c, row) -> { if (row.size() == 1) out.put(c, true); });
        return new ArrayList<>(out.keySet());
    }

    /** row·p[c] − row[c]·p: the row without column c, fraction-free, divided by its gcd. */
    private static Map<Integer, BigInteger> eliminate(Map<Integer, BigInteger> row, Map<Integer, BigInteger> p, int c) {
        BigInteger a = p.get(c), b = row.get(c);
        Map<Integer, BigInteger> out = new HashMap<>();
        row.forEach((k, v) -> out.put(k, v.multiply(a)));
        p.forEach((k, v) -> out.merge(k, v.multiply(b).negate(), BigInteger::add));
        out.values().removeIf(v -> v.signum() == 0);
        normalise(out);
        return out;
    }

    private static void normalise(Map<Integer, BigInteger> row) {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger v : row.values()) g = g.gcd(v);
        if (g.signum() == 0 || g.equals(BigInteger.ONE)) return;
        BigInteger d = g;
        row.replaceAll((k, v) -> v.divide(d));
    }
}
