package nl.voorkant.flow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /**
     * The connected components of suppressed cells that hold any of {@code seeds}, each as a list of
     * cells. Each relation is read once, however many of its cells are suppressed.
     */
    static List<List<Integer>> components(Relations relations, BitSet suppressed, BitSet seeds) {
        List<List<Integer>> out = new ArrayList<>();
        BitSet seen = new BitSet(), seenRelations = new BitSet(relations.count());
        for (int s = seeds.nextSetBit(0); s >= 0; s = seeds.nextSetBit(s + 1)) {
            if (seen.get(s) || !suppressed.get(s)) continue;
            List<Integer> component = new ArrayList<>();
            component.add(s);
            seen.set(s);
            for (int at = 0; at < component.size(); at++) {
                for (int r : relations.relationsOf(component.get(at))) {
                    if (seenRelations.get(r)) continue;
                    seenRelations.set(r);
                    for (int i = relations.from(r); i < relations.to(r); i++) {
                        int d = relations.cell(i);
                        if (suppressed.get(d) && !seen.get(d)) {
                            seen.set(d);
                            component.add(d);
                        }
                    }
                }
            }
            out.add(component);
        }
        return out;
    }

    /**
     * The cells of one component that the published cells determine, in increasing order. Forward
     * elimination gives each row a pivot (its smallest column, every other column of it larger);
     * one backward sweep, from the largest pivot down, then clears the other pivots out of each row
     * (a row only gains columns larger than the one it clears, none of them a pivot), which is the
     * reduced row echelon form: eᵢ is in the row space exactly when i's row is eᵢ alone.
     */
    static List<Integer> determined(Relations relations, BitSet suppressed, List<Integer> component) {
        TreeSet<Integer> relationIds = new TreeSet<>();
        for (int c : component) for (int r : relations.relationsOf(c)) relationIds.add(r);
        TreeMap<Integer, Row> pivots = new TreeMap<>();
        for (int r : relationIds) {
            Row row = new Row();
            for (int i = relations.from(r); i < relations.to(r); i++) {
                int c = relations.cell(i);
                if (suppressed.get(c) && relations.coef(i) != 0) row.add(c, BigInteger.valueOf(relations.coef(i)));
            }
            row = reduce(row, pivots, Integer.MIN_VALUE);
            if (!row.isEmpty()) pivots.put(row.firstKey(), row);
        }
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, Row> e : pivots.descendingMap().entrySet()) {
            Row row = reduce(e.getValue(), pivots, e.getKey());
            e.setValue(row);
            if (row.size() == 1) out.add(e.getKey());
        }
        out.sort(Integer::compare);
        return out;
    }

    /** A sparse row: column → non-zero coefficient. */
    private static final class Row extends TreeMap<Integer, BigInteger> {
        void add(int column, BigInteger v) {
            BigInteger sum = merge(column, v, BigInteger::add);
            if (sum != null && sum.signum() == 0) remove(column);
        }
    }

    /**
     * The row with every pivot column above {@code after} eliminated, column by column upwards (an
     * elimination adds only columns above the one it clears), divided by the gcd of its coefficients.
     */
    private static Row reduce(Row row, TreeMap<Integer, Row> pivots, int after) {
        Integer c = row.higherKey(after);
        while (c != null) {
            Row p = pivots.get(c);
            if (p != null && p != row) {
                BigInteger a = p.get(c), b = row.get(c);
                Row next = new Row();
                row.forEach((k, v) -> next.put(k, v.multiply(a)));
                p.forEach((k, v) -> next.add(k, v.multiply(b).negate()));
                normalise(next);
                row = next;
            }
            c = row.higherKey(c);
        }
        return row;
    }

    private static void normalise(Row row) {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger v : row.values()) g = g.gcd(v);
        if (g.signum() == 0 || g.equals(BigInteger.ONE)) return;
        BigInteger d = g;
        row.replaceAll((k, v) -> v.divide(d));
    }
}
