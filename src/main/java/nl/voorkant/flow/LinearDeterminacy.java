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

        /** Adds the relations of each of {@code others} after these, in order (the arrays grown once: they are large). */
        void addAll(List<Relations> others) {
            int size = start[count], more = 0, moreCount = 0;
            for (Relations other : others) {
                more += other.start[other.count];
                moreCount += other.count;
            }
            if (size + more > cells.length) {
                cells = Arrays.copyOf(cells, size + more);
                coefs = Arrays.copyOf(coefs, size + more);
            }
            if (count + moreCount >= start.length) start = Arrays.copyOf(start, count + moreCount + 1);
            for (Relations other : others) {
                int at = start[count], n = other.start[other.count];
                System.arraycopy(other.cells, 0, cells, at, n);
                System.arraycopy(other.coefs, 0, coefs, at, n);
                for (int r = 0; r < other.count; r++) start[count + r + 1] = at + other.start[r + 1];
                count += other.count;
            }
            cellRelations = null;
        }

        int count() { return count; }
        /** One more than the largest cell any relation holds. */
        int cellCount() {
            index();
            return byCellStart.length - 1;
        }
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
     * The connected components of suppressed cells (cells that share a relation), kept as cells are
     * suppressed: complementary suppression asks for the components of the cells it changed in every one
     * of its rounds (some 360 at a national extract), and finding them afresh walked the relations of its
     * largest component, thousands of cells, each time. Union–find: a relation joins each of its suppressed
     * cells to the first of them, and each component's cells also form a ring, so that two components merge
     * in constant time and a component's cells are listed without reading a relation.
     */
    static final class Components {
        private final Relations relations;
        /** Per relation, the slot of its first suppressed cell, or -1. */
        private final int[] anchor;
        /** Per cell of a relation, its slot once suppressed, or -1. */
        private final int[] slot;
        /** The suppressed cells that hold no relation: each is a component of its own. */
        private final BitSet alone = new BitSet();
        /** Per slot: its cell, its parent towards the root, the next slot of its ring, and (at a root) the component's size. */
        private int[] cellOf = new int[64], parent = new int[64], next = new int[64], size = new int[64];
        private int slots;

        Components(Relations relations) {
            this.relations = relations;
            anchor = new int[relations.count()];
            Arrays.fill(anchor, -1);
            slot = new int[relations.cellCount()];
            Arrays.fill(slot, -1);
        }

        /** The components of {@code suppressed}. */
        static Components of(Relations relations, BitSet suppressed) {
            Components out = new Components(relations);
            suppressed.stream().forEach(out::add);
            return out;
        }

        /** A cell is suppressed: it joins the components of the relations that hold it. */
        void add(int cell) {
            if (cell >= slot.length || relations.relationsOf(cell).length == 0) {
                alone.set(cell);
                return;
            }
            if (slot[cell] >= 0) return;
            if (slots == cellOf.length) {
                int n = 2 * slots;
                cellOf = Arrays.copyOf(cellOf, n);
                parent = Arrays.copyOf(parent, n);
                next = Arrays.copyOf(next, n);
                size = Arrays.copyOf(size, n);
            }
            int s = slots++;
            slot[cell] = s;
            cellOf[s] = cell;
            parent[s] = s;
            next[s] = s;
            size[s] = 1;
            for (int r : relations.relationsOf(cell)) {
                if (anchor[r] < 0) anchor[r] = s;
                else union(s, anchor[r]);
            }
        }

        /**
         * The components that hold any of the suppressed cells among {@code seeds}, each as a list of its
         * cells, in the order of their smallest seed.
         */
        List<List<Integer>> holding(BitSet seeds) {
            List<List<Integer>> out = new ArrayList<>();
            BitSet listed = new BitSet();
            for (int c = seeds.nextSetBit(0); c >= 0; c = seeds.nextSetBit(c + 1)) {
                if (alone.get(c)) {
                    out.add(List.of(c));
                    continue;
                }
                if (c >= slot.length || slot[c] < 0) continue;
                int root = find(slot[c]);
                if (listed.get(root)) continue;
                listed.set(root);
                List<Integer> cells = new ArrayList<>(size[root]);
                int s = root;
                do {
                    cells.add(cellOf[s]);
                    s = next[s];
                } while (s != root);
                out.add(cells);
            }
            return out;
        }

        private int find(int s) {
            while (parent[s] != s) {
                parent[s] = parent[parent[s]];
                s = parent[s];
            }
            return s;
        }

        private void union(int a, int b) {
            a = find(a);
            b = find(b);
            if (a == b) return;
            if (size[a] < size[b]) {
                int t = a;
                a = b;
                b = t;
            }
            parent[b] = a;
            size[a] += size[b];
            int t = next[a];
            next[a] = next[b];
            next[b] = t;
        }
    }

    /**
     * The cells of one component that the published cells determine, in increasing order. Forward
     * elimination gives each row a pivot (its smallest column, every other column of it larger);
     * one backward sweep, from the largest pivot down, then clears the other pivots out of each row
     * (a row only gains columns larger than the one it clears, none of them a pivot), which is the
     * reduced row echelon form: eᵢ is in the row space exactly when i's row is eᵢ alone. The
     * coefficients stay small here (±1, month counts, a share's 10⁴ scale, each row divided by its
     * gcd), so this is done in longs, and again in BigIntegers only for a component that would overflow.
     */
    static List<Integer> determined(Relations relations, BitSet suppressed, List<Integer> component) {
        try {
            return new Elimination<>(LONGS).determined(relations, suppressed, component);
        } catch (ArithmeticException overflow) {
            return new Elimination<>(BIG).determined(relations, suppressed, component);
        }
    }

    /** Exact integer arithmetic: in longs that throw on overflow, or in BigIntegers. */
    interface Arithmetic<N> {
        N of(long v);
        N add(N a, N b);
        N multiply(N a, N b);
        N negate(N a);
        N gcd(N a, N b);
        N divide(N a, N b);
        boolean isZero(N a);
        boolean isOne(N a);
    }

    static final Arithmetic<Long> LONGS = new Arithmetic<>() {
        public Long of(long v) { return v; }
        public Long add(Long a, Long b) { return Math.addExact(a, b); }
        public Long multiply(Long a, Long b) { return Math.multiplyExact(a, b); }
        public Long negate(Long a) { return Math.negateExact(a); }
        public Long gcd(Long a, Long b) {
            long x = Math.absExact(a), y = Math.absExact(b);
            while (y != 0) {
                long t = x % y;
                x = y;
                y = t;
            }
            return x;
        }
        public Long divide(Long a, Long b) { return a / b; }
        public boolean isZero(Long a) { return a == 0; }
        public boolean isOne(Long a) { return a == 1; }
    };

    static final Arithmetic<BigInteger> BIG = new Arithmetic<>() {
        public BigInteger of(long v) { return BigInteger.valueOf(v); }
        public BigInteger add(BigInteger a, BigInteger b) { return a.add(b); }
        public BigInteger multiply(BigInteger a, BigInteger b) { return a.multiply(b); }
        public BigInteger negate(BigInteger a) { return a.negate(); }
        public BigInteger gcd(BigInteger a, BigInteger b) { return a.gcd(b); }
        public BigInteger divide(BigInteger a, BigInteger b) { return a.divide(b); }
        public boolean isZero(BigInteger a) { return a.signum() == 0; }
        public boolean isOne(BigInteger a) { return a.equals(BigInteger.ONE); }
    };

    /** Gauss–Jordan elimination over sparse rows (columns increasing, no zeros) in one arithmetic. */
    private static final class Elimination<N> {
        private final Arithmetic<N> n;

        Elimination(Arithmetic<N> arithmetic) {
            this.n = arithmetic;
        }

        private record Row<N>(int[] columns, List<N> values) {
            int first() { return columns[0]; }
            int indexOf(int column) { return Arrays.binarySearch(columns, column); }
        }

        List<Integer> determined(Relations relations, BitSet suppressed, List<Integer> component) {
            TreeSet<Integer> relationIds = new TreeSet<>();
            for (int c : component) for (int r : relations.relationsOf(c)) relationIds.add(r);
            TreeMap<Integer, Row<N>> pivots = new TreeMap<>();
            for (int r : relationIds) {
                TreeMap<Integer, N> terms = new TreeMap<>();
                for (int i = relations.from(r); i < relations.to(r); i++) {
                    int c = relations.cell(i);
                    if (suppressed.get(c) && relations.coef(i) != 0) terms.merge(c, n.of(relations.coef(i)), n::add);
                }
                terms.values().removeIf(n::isZero);
                if (terms.isEmpty()) continue;
                Row<N> row = reduce(new Row<>(terms.keySet().stream().mapToInt(Integer::intValue).toArray(),
                        new ArrayList<>(terms.values())), pivots, Integer.MIN_VALUE);
                if (row != null) pivots.put(row.first(), row);
            }
            List<Integer> out = new ArrayList<>();
            for (Map.Entry<Integer, Row<N>> e : pivots.descendingMap().entrySet()) {
                Row<N> row = reduce(e.getValue(), pivots, e.getKey());
                e.setValue(row);
                if (row.columns().length == 1) out.add(e.getKey());
            }
            out.sort(Integer::compare);
            return out;
        }

        /**
         * The row with every pivot column above {@code after} eliminated, column by column upwards (an
         * elimination adds only columns above the one it clears), divided by the gcd of its
         * coefficients; null when nothing is left.
         */
        private Row<N> reduce(Row<N> row, TreeMap<Integer, Row<N>> pivots, int after) {
            int at = 0;
            while (row != null && at < row.columns().length) {
                int c = row.columns()[at];
                Row<N> p = c > after ? pivots.get(c) : null;
                if (p == null || p == row) {
                    at++;
                    continue;
                }
                row = combine(row, n.negate(p.values().get(0)), p, row.values().get(at));
                if (row != null) at = nextAbove(row, c);
            }
            return row;
        }

        private static int nextAbove(Row<?> row, int column) {
            int i = row.indexOf(column);
            return i >= 0 ? i + 1 : -i - 1;
        }

        /** a·x + b·y, divided by the gcd of its coefficients; null when it is zero. */
        private Row<N> combine(Row<N> x, N a, Row<N> y, N b) {
            int[] cols = new int[x.columns().length + y.columns().length];
            List<N> vals = new ArrayList<>(cols.length);
            int i = 0, j = 0, k = 0;
            while (i < x.columns().length || j < y.columns().length) {
                int cx = i < x.columns().length ? x.columns()[i] : Integer.MAX_VALUE;
                int cy = j < y.columns().length ? y.columns()[j] : Integer.MAX_VALUE;
                N v;
                int c = Math.min(cx, cy);
                if (cx == cy) v = n.add(n.multiply(a, x.values().get(i++)), n.multiply(b, y.values().get(j++)));
                else if (cx < cy) v = n.multiply(a, x.values().get(i++));
                else v = n.multiply(b, y.values().get(j++));
                if (n.isZero(v)) continue;
                cols[k++] = c;
                vals.add(v);
            }
            if (k == 0) return null;
            N g = vals.get(0);
            for (N v : vals) g = n.gcd(g, v);
            N d = g;
            if (!n.isOne(d)) vals.replaceAll(v -> n.divide(v, d));
            return new Row<>(Arrays.copyOf(cols, k), vals);
        }
    }
}
