package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The modular search that chooses complements against the exact check that proves them, on systems
 * worked out by hand: what each finds determined, and which published cells give a cell away.
 */
class LinearDeterminacyTest {
    static LinearDeterminacy.Relations relations(long[]... rows) {
        LinearDeterminacy.Relations out = new LinearDeterminacy.Relations();
        for (long[] row : rows) {
            int[] cells = new int[row.length / 2];
            long[] coefs = new long[row.length / 2];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = (int) row[2 * i];
                coefs[i] = row[2 * i + 1];
            }
            out.add(cells, coefs);
        }
        return out;
    }

    static BitSet cells(int... ids) {
        BitSet out = new BitSet();
        for (int id : ids) out.set(id);
        return out;
    }

    /** Per determined cell the published cells that give it away, over every component. */
    static Map<Integer, List<Integer>> searched(LinearDeterminacy.Relations relations, BitSet suppressed) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        ModularDeterminacy search = new ModularDeterminacy(relations);
        for (List<Integer> component : LinearDeterminacy.Components.of(relations, suppressed).holding(suppressed)) {
            for (ModularDeterminacy.GivenAway g : search.determined(suppressed, component)) {
                List<Integer> by = new ArrayList<>();
                for (int c : g.by()) by.add(c);
                out.put(g.cell(), by);
            }
        }
        return out;
    }

    static List<Integer> exact(LinearDeterminacy.Relations relations, BitSet suppressed) {
        List<Integer> out = new ArrayList<>();
        for (List<Integer> component : LinearDeterminacy.Components.of(relations, suppressed).holding(suppressed)) {
            out.addAll(LinearDeterminacy.determined(relations, suppressed, component));
        }
        out.sort(null);
        return out;
    }

    // Cells 0 = a, 1 = b, 2 = c suppressed; 3 = p, 4 = q, 5 = s, 6 = t, 7 = u, 8 = v published.
    static final LinearDeterminacy.Relations CHAIN = relations(
            new long[] {0, 1, 1, 1, 3, -1},      // a + b = p
            new long[] {1, 1, 4, -1, 5, -1},     // b = q + s
            new long[] {3, 1, 7, -1, 8, -1},     // p = u + v: published cells only
            new long[] {0, 1, 2, -1, 6, -1});    // a = c + t

    @Test
    void aChainOfRelationsGivesEveryCellAwayAndNamesThePublishedCellsItAddsUp() {
        BitSet suppressed = cells(0, 1, 2);
        assertEquals(Map.of(0, List.of(3, 4, 5), 1, List.of(4, 5), 2, List.of(3, 4, 5, 6)), searched(CHAIN, suppressed),
                "a = p − q − s, b = q + s, c = p − q − s − t; u and v of p = u + v play no part");
        assertEquals(List.of(0, 1, 2), exact(CHAIN, suppressed));
    }

    @Test
    void oneMoreUnknownInTheChainHidesTheCellsItReaches() {
        BitSet suppressed = cells(0, 1, 2, 5);
        assertEquals(Map.of(), searched(CHAIN, suppressed), "with s empty, b = q + s and so a and c are open");
        assertEquals(List.of(), exact(CHAIN, suppressed));
    }

    @Test
    void aRectangleOfATableWithMarginsHidesItsCorners() {
        // x₁₁ + x₁₂ = R₁, x₂₁ + x₂₂ = R₂, x₁₁ + x₂₁ = C₁, x₁₂ + x₂₂ = C₂: (+1, −1, −1, +1) solves it with the margins at 0.
        LinearDeterminacy.Relations table = relations(new long[] {0, 1, 1, 1, 4, -1}, new long[] {2, 1, 3, 1, 5, -1},
                new long[] {0, 1, 2, 1, 6, -1}, new long[] {1, 1, 3, 1, 7, -1});
        assertEquals(Map.of(), searched(table, cells(0, 1, 2, 3)));
        assertEquals(List.of(), exact(table, cells(0, 1, 2, 3)));
        // Three corners: x₂₂ published gives x₂₁ = R₂ − x₂₂, x₁₂ = C₂ − x₂₂, x₁₁ = R₁ − x₁₂.
        assertEquals(java.util.Set.of(0, 1, 2), searched(table, cells(0, 1, 2)).keySet());
        assertEquals(List.of(0, 1, 2), exact(table, cells(0, 1, 2)));
        assertTrue(searched(table, cells(0, 1, 2)).values().stream().allMatch(by -> by.contains(3)),
                "each of them is given away through x₂₂");
    }

    @Test
    void coefficientsBeyondALongAreCheckedExactlyStill() {
        long k = 3_000_000_000_000_000_000L;
        // k·a + (k+1)·b = p and (k+1)·a + k·b = q: determinant −(2k+1), so a and b follow; eliminating overflows a long.
        LinearDeterminacy.Relations solvable = relations(new long[] {0, k, 1, k + 1, 2, -1}, new long[] {0, k + 1, 1, k, 3, -1});
        assertEquals(List.of(0, 1), exact(solvable, cells(0, 1)));
        // k·a + k·b = p and = q: only a + b follows.
        LinearDeterminacy.Relations sumOnly = relations(new long[] {0, k, 1, k, 2, -1}, new long[] {0, k, 1, k, 3, -1});
        assertEquals(List.of(), exact(sumOnly, cells(0, 1)));
        assertEquals(Map.of(), searched(sumOnly, cells(0, 1)));
    }

    static List<java.util.Set<Integer>> sets(List<List<Integer>> components) {
        return components.stream().map(c -> (java.util.Set<Integer>) new java.util.TreeSet<>(c)).toList();
    }

    @Test
    void componentsJoinAsCellsAreSuppressedAndComeInTheOrderOfTheirSmallestSeed() {
        LinearDeterminacy.Components components = new LinearDeterminacy.Components(CHAIN);
        components.add(5);
        components.add(2);
        assertEquals(List.of(java.util.Set.of(2), java.util.Set.of(5)), sets(components.holding(cells(5, 2))),
                "c and s share no relation");
        components.add(1);
        assertEquals(List.of(java.util.Set.of(2), java.util.Set.of(1, 5)), sets(components.holding(cells(2, 5))),
                "b = q + s joins b and s");
        components.add(0);
        assertEquals(List.of(java.util.Set.of(0, 1, 2, 5)), sets(components.holding(cells(5))),
                "a + b = p joins a to b, a = c + t joins c to a");
        components.add(9);
        assertEquals(List.of(java.util.Set.of(0, 1, 2, 5), java.util.Set.of(9)), sets(components.holding(cells(3, 9, 2))),
                "a cell of no relation is a component of its own; a published seed (p) holds none");
    }

    /** Every component found by walking the relations from the smallest seed not yet reached, as the definition reads. */
    static List<java.util.Set<Integer>> walked(LinearDeterminacy.Relations relations, BitSet suppressed, BitSet seeds) {
        List<java.util.Set<Integer>> out = new ArrayList<>();
        BitSet reached = new BitSet();
        for (int s = seeds.nextSetBit(0); s >= 0; s = seeds.nextSetBit(s + 1)) {
            if (!suppressed.get(s) || reached.get(s)) continue;
            java.util.Set<Integer> component = new java.util.TreeSet<>();
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(s));
            while (!queue.isEmpty()) {
                int c = queue.poll();
                if (reached.get(c)) continue;
                reached.set(c);
                component.add(c);
                for (int r = 0; r < relations.count(); r++) {
                    boolean holds = false;
                    for (int i = relations.from(r); i < relations.to(r); i++) holds |= relations.cell(i) == c;
                    for (int i = relations.from(r); holds && i < relations.to(r); i++) {
                        if (suppressed.get(relations.cell(i))) queue.add(relations.cell(i));
                    }
                }
            }
            out.add(component);
        }
        return out;
    }

    @Test
    void componentsKeptAsCellsAreSuppressedAreThoseTheRelationsConnect() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20);
        for (int trial = 0; trial < 50; trial++) {
            List<long[]> rows = new ArrayList<>();
            for (int r = 0; r < 30; r++) {
                long[] row = new long[2 * random.nextInt(1, 5)];
                for (int i = 0; i < row.length; i += 2) {
                    row[i] = random.nextInt(60);
                    row[i + 1] = random.nextInt(-2, 3);
                }
                rows.add(row);
            }
            LinearDeterminacy.Relations relations = relations(rows.toArray(long[][]::new));
            LinearDeterminacy.Components components = new LinearDeterminacy.Components(relations);
            BitSet suppressed = new BitSet();
            for (int step = 0; step < 40; step++) {
                int cell = random.nextInt(64); // beyond the relations' cells too
                suppressed.set(cell);
                components.add(cell);
                BitSet seeds = new BitSet();
                for (int k = 0; k < 5; k++) seeds.set(random.nextInt(64));
                assertEquals(walked(relations, suppressed, seeds), sets(components.holding(seeds)),
                        "trial " + trial + ", step " + step);
            }
        }
    }
}
