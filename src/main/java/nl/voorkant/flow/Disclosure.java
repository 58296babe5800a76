package nl.voorkant.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.flow.tables.*;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;

/**
 * Statistical disclosure control for every published table, scenario tables and the report's
 * inputs included. Each table declares per column how it is disclosed ({@link Schema}); one that
 * declares nothing stops the run. In publish mode:
 *
 * <ol>
 *   <li>primary: counts from 1 to 4 are left empty (zero reveals no one);</li>
 *   <li>figures computed from an empty cell go with it (a cost of one child is that child's care bill);</li>
 *   <li>complementary: while a suppressed cell is still determined by the published ones through the
 *       relations of {@link DisclosureRelations}, one more of the published cells that give it away is
 *       left empty, the smallest first and a part before a total, and step 2 applies again;</li>
 *   <li>observed figures follow the cells they copy, and modelled figures the cells they were computed from.</li>
 * </ol>
 *
 * {@link ModularDeterminacy} finds the determined cells while complements are chosen; before anything
 * is returned, {@link LinearDeterminacy} proves exactly that no suppressed cell is determined.
 */
public final class Disclosure {
    private Disclosure() {}

    public enum Mode { PUBLISH, INTERNAL }

    public static final int THRESHOLD = 5;

    /** The tables as they may be published, and what was left empty (for the manifest). */
    public record Published(Map<String, Table> tables, Map<String, Object> summary) {}

    public static Mode mode(String s) {
        return Mode.valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The schema of a flow table, for reading a published table back (tests, notebooks); null when there is none. */
    public static Schema flowSchema(String table) {
        return FlowSchemas.ALL.stream().filter(s -> s.matches(table)).findFirst().orElse(null);
    }

    /**
     * Every table as it may be published: unchanged in internal mode, suppressed in publish mode.
     * Either way each table must declare every column, or the run stops with a {@link DisclosureError}.
     */
    public static Published publish(Map<String, Table> tables, Mode mode, Reference reference) {
        return publish(tables, mode, reference, Runtime.getRuntime().availableProcessors(), SHARED_FROM);
    }

    /**
     * Rounds of complementary suppression with fewer cells than this outside their largest component are
     * searched on one thread: the last of some 360 rounds of a national extract hold one component of some
     * 5,000 cells and a few small ones, and a helper there could only add its wait for a core (the machine is
     * shared) to every round.
     */
    static final int SHARED_FROM = 10_000;

    /**
     * As {@link #publish(Map, Mode, Reference)}, on {@code threads} threads, sharing rounds from {@code sharedFrom}
     * cells: the outcome is the same on any number.
     */
    static Published publish(Map<String, Table> tables, Mode mode, Reference reference, int threads, int sharedFrom) {
        for (Table t : tables.values()) validate(t, tables);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", mode.name().toLowerCase(Locale.ROOT));
        summary.put("threshold", THRESHOLD);
        if (mode == Mode.INTERNAL) return new Published(tables, summary);
        long start = System.nanoTime();
        Suppression s;
        try (Workers workers = new Workers(threads, sharedFrom)) {
            s = new Suppression(new DisclosureCells(new ArrayList<>(tables.values())), reference, workers);
            s.primary();
            s.complementary();
            s.followSources();
            List<Integer> recoverable = s.recoverable();
            if (!recoverable.isEmpty()) {
                throw new DisclosureError(recoverable.size() + " suppressed cell(s) could not be protected, the first "
                        + s.cells.describe(recoverable.get(0)));
            }
        }
        Map<String, Table> out = new LinkedHashMap<>();
        Map<String, Object> perTable = new LinkedHashMap<>();
        long[] totals = new long[3];
        for (int t = 0; t < s.cells.tables.size(); t++) {
            Table table = s.cells.table(t);
            out.put(table.name(), s.published(t));
            long[] n = s.counts(t);
            for (int i = 0; i < 3; i++) totals[i] += n[i];
            perTable.put(table.name(), Map.of("primary_cells", n[0], "secondary_cells", n[1], "dependent_cells", n[2]));
        }
        summary.put("primary_cells", totals[0]);
        summary.put("secondary_cells", totals[1]);
        summary.put("dependent_cells", totals[2]);
        summary.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        summary.put("tables", perTable);
        return new Published(out, summary);
    }

    /**
     * The suppressed cells of {@code published} that its published cells determine, described without
     * their values: empty when {@code published} is safe. {@code original} gives the tables before
     * suppression (which cells exist); both must carry their schemas.
     */
    public static List<String> recoverable(Map<String, Table> original, Map<String, Table> published, Reference reference) {
        DisclosureCells cells = new DisclosureCells(new ArrayList<>(original.values()));
        try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors(), SHARED_FROM)) {
            DisclosureRelations.Built built = DisclosureRelations.build(cells, reference, workers);
            BitSet suppressed = new BitSet();
            for (int t = 0; t < cells.tables.size(); t++) {
                Table before = cells.table(t), after = published.get(before.name());
                for (int r = 0; r < before.size(); r++) {
                    for (int c = 0; c < cells.width(t); c++) {
                        if (before.rows().get(r).get(c) != null && after.rows().get(r).get(c) == null) {
                            suppressed.set(cells.id(t, r, c));
                        }
                    }
                }
            }
            List<String> out = new ArrayList<>();
            for (int id : determined(built, suppressed, workers)) out.add(cells.describe(id));
            return out;
        }
    }

    /** The suppressed cells that the published ones determine, component by component in parallel, in component order. */
    private static List<Integer> determined(DisclosureRelations.Built built, BitSet suppressed, Workers workers) {
        BitSet seeds = (BitSet) suppressed.clone();
        seeds.and(built.members());
        List<List<Integer>> components = LinearDeterminacy.Components.of(built.relations(), suppressed).holding(seeds);
        List<Integer> out = new ArrayList<>();
        for (List<Integer> cells : workers.map(components, c -> LinearDeterminacy.determined(built.relations(), suppressed, c))) {
            out.addAll(cells);
        }
        return out;
    }

    /** A table may be published only when it declares, in order, exactly the columns it has. */
    static void validate(Table t, Map<String, Table> tables) {
        Schema s = t.schema();
        if (s == null) throw new DisclosureError("table " + t.name() + " declares no disclosure role for its columns");
        if (!s.matches(t.name())) throw new DisclosureError("table " + t.name() + " is built with the schema of " + s.name());
        for (String c : t.columns()) {
            if (s.column(c) == null) throw new DisclosureError("table " + t.name() + " column " + c + " declares no disclosure role");
        }
        if (!t.columns().equals(s.columnNames())) {
            throw new DisclosureError("table " + t.name() + " does not have the columns it declares");
        }
        for (Column c : s.columns()) {
            if (c.role() == Role.MODELLED && t.bases() == null) {
                throw new DisclosureError("table " + t.name() + " column " + c.name() + " is modelled but its rows name no basis");
            }
            if (c.sums() && !c.sources().isEmpty()) {
                throw new DisclosureError("table " + t.name() + " column " + c.name() + " adds up but follows another table");
            }
            for (Column.Source src : c.sources()) {
                Table other = tables.get(src.table());
                if (other != null && src.column() != null && !other.columns().contains(src.column())) {
                    throw new DisclosureError("table " + t.name() + " column " + c.name() + " follows unknown column "
                            + src.column() + " of table " + src.table());
                }
            }
        }
        for (List<CellRef> basis : t.bases() == null ? List.<List<CellRef>>of() : t.bases()) {
            for (CellRef ref : basis) {
                Table other = tables.get(ref.table());
                if (other != null && (!other.columns().contains(ref.column()) || !other.columns().containsAll(ref.key().keySet()))) {
                    throw new DisclosureError("table " + t.name() + " is modelled on unknown column " + ref.column()
                            + " of table " + ref.table());
                }
            }
        }
    }

    static boolean isSmallCount(Object v) {
        if (!(v instanceof Number n)) return false;
        double d = n.doubleValue();
        return d >= 1 && d < THRESHOLD;
    }

    /** The state of one publication: which cells are empty, and why. */
    private static final class Suppression {
        final DisclosureCells cells;
        final DisclosureRelations.Built built;
        final BitSet suppressed = new BitSet();
        /** The components of the suppressed cells, each cell added as it is suppressed. */
        final LinearDeterminacy.Components suppressedComponents;
        final BitSet primary = new BitSet();
        final BitSet secondary = new BitSet();
        /** Per table and column, the columns computed from it. */
        final int[][][] dependents;
        /** Per table with curves, each row's next row along its curve (-1 at the end). */
        final int[][] next;
        /** Per relation, how many of its cells are suppressed. */
        final int[] suppressedPerRelation;
        /**
         * The searches for determined cells while complements are chosen, one per worker (each has scratch
         * arrays of its own); {@link #recoverable()} then proves none is left.
         */
        final List<ModularDeterminacy> searches = new ArrayList<>();
        /** The relations with a cell suppressed since {@link #complementary} last cleared this. */
        final BitSet touched = new BitSet();
        final Workers workers;

        Suppression(DisclosureCells cells, Reference reference, Workers workers) {
            this.cells = cells;
            this.workers = workers;
            this.built = DisclosureRelations.build(cells, reference, workers);
            suppressedPerRelation = new int[built.relations().count()];
            suppressedComponents = new LinearDeterminacy.Components(built.relations());
            for (int w = 0; w < workers.count(); w++) searches.add(new ModularDeterminacy(built.relations()));
            int n = cells.tables.size();
            dependents = new int[n][][];
            next = new int[n][];
            for (int t = 0; t < n; t++) {
                Schema s = cells.schema(t);
                List<List<Integer>> deps = new ArrayList<>();
                for (int c = 0; c < s.columns().size(); c++) deps.add(new ArrayList<>());
                for (int d = 0; d < s.columns().size(); d++) {
                    for (String from : s.columns().get(d).from()) deps.get(cells.table(t).columnIndex(from)).add(d);
                }
                dependents[t] = deps.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
                if (s.sequence() != null) {
                    next[t] = new int[cells.table(t).size()];
                    for (List<Integer> curve : cells.curves(t)) {
                        for (int i = 0; i < curve.size(); i++) next[t][curve.get(i)] = i + 1 < curve.size() ? curve.get(i + 1) : -1;
                    }
                }
            }
        }

        void primary() {
            for (int t = 0; t < cells.tables.size(); t++) {
                Schema s = cells.schema(t);
                for (int c = 0; c < s.columns().size(); c++) {
                    if (s.columns().get(c).role() != Role.COUNT) continue;
                    for (int r = 0; r < cells.table(t).size(); r++) {
                        int id = cells.id(t, r, c);
                        if (isSmallCount(cells.value(id))) {
                            primary.set(id);
                            suppress(id, null);
                        }
                    }
                }
            }
        }

        /**
         * Leaves a cell empty with everything computed from it, and marks the cells this emptied in
         * {@code added} (when given: one set per call would cost its size in cell numbers). An empty
         * (unknown) cell has nothing to hide, except along a curve, where what follows must still go.
         */
        void suppress(int first, BitSet added) {
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(first);
            while (!queue.isEmpty()) {
                int id = queue.poll();
                Column col = cells.column(id);
                if (suppressed.get(id) || (cells.value(id) == null && col.role() != Role.CUMULATIVE)) continue;
                suppressed.set(id);
                suppressedComponents.add(id);
                if (added != null) added.set(id);
                for (int r : built.relations().relationsOf(id)) {
                    if (++suppressedPerRelation[r] == 1) single.add(r);
                    touched.set(r);
                }
                int t = cells.tableOf(id), r = cells.rowOf(id), c = cells.columnOf(id);
                for (int d : dependents[t][c]) queue.add(cells.id(t, r, d));
                if (col.role() == Role.CUMULATIVE && next[t][r] >= 0) queue.add(cells.id(t, next[t][r], c));
            }
        }

        /**
         * Greedy complementary suppression until no suppressed cell is determined. First, cheaply and
         * locally, while some relation has exactly one suppressed cell (which it gives away), one more
         * of its cells goes; then {@link ModularDeterminacy} looks for cells that only a
         * combination of relations gives away, in the components that changed since it last looked,
         * and each such cell gets a complement among the published cells of that combination (a cell
         * outside it would leave the combination standing), unless a complement of this round already
         * shares a relation with it (it may no longer be determined: it is looked at again). Repeat
         * until that finds nothing.
         *
         * <p>On more than one thread the components of a large round are searched in parallel, all before any
         * complement of the round is chosen; a component that a complement chosen earlier in the round
         * touched (a cell of one of its relations went) is searched again then, so the outcome is that of
         * one search after another, as on one thread.
         */
        void complementary() {
            BitSet changed = (BitSet) suppressed.clone();
            for (int r = 0; r < suppressedPerRelation.length; r++) if (suppressedPerRelation[r] == 1) single.add(r);
            while (true) {
                changed.or(fixSingles());
                changed.and(built.members());
                if (changed.isEmpty()) return;
                List<List<Integer>> components = suppressedComponents.holding(changed);
                List<List<ModularDeterminacy.GivenAway>> found = !worthSharing(components) ? null
                        : workers.map(components, searches, (search, component) -> search.determined(suppressed, component));
                touched.clear();
                changed = new BitSet();
                BitSet round = new BitSet(); // the complements of this round in one component
                for (int k = 0; k < components.size(); k++) {
                    List<Integer> component = components.get(k);
                    List<ModularDeterminacy.GivenAway> givenAway = found == null || touches(component)
                            ? searches.get(0).determined(suppressed, component)
                            : found.set(k, null); // set returns the search, which need not wait for the round's end
                    List<Integer> chosen = new ArrayList<>();
                    for (ModularDeterminacy.GivenAway given : givenAway) {
                        int cell = given.cell();
                        if (sharesRelation(cell, round)) continue;
                        int complement = best(given.by());
                        if (complement < 0) complement = complement(cell); // those went this round, or there are none
                        if (complement < 0) continue; // left for recoverable() to report
                        secondary.set(complement);
                        round.set(complement);
                        chosen.add(complement);
                        suppress(complement, changed);
                    }
                    for (int c : chosen) round.clear(c);
                }
            }
        }

        /** Whether the searches of a round are worth spreading over the workers ({@link Workers#worthSharing}). */
        private boolean worthSharing(List<List<Integer>> components) {
            long cells = 0, largest = 0;
            for (List<Integer> c : components) {
                cells += c.size();
                largest = Math.max(largest, c.size());
            }
            return workers.worthSharing(cells, largest);
        }

        /** Whether a cell of a relation holding one of the component's cells was suppressed since {@link #touched} was cleared. */
        private boolean touches(List<Integer> component) {
            if (touched.isEmpty()) return false;
            for (int c : component) {
                for (int r : built.relations().relationsOf(c)) if (touched.get(r)) return true;
            }
            return false;
        }

        private boolean sharesRelation(int cell, BitSet cellsOfRound) {
            if (cellsOfRound.isEmpty()) return false;
            LinearDeterminacy.Relations relations = built.relations();
            for (int r : relations.relationsOf(cell)) {
                for (int i = relations.from(r); i < relations.to(r); i++) if (cellsOfRound.get(relations.cell(i))) return true;
            }
            return false;
        }

        /** Relations that had exactly one suppressed cell when they were last touched. */
        private final ArrayDeque<Integer> single = new ArrayDeque<>();

        /** Gives each relation with one suppressed cell a second one; returns the cells this emptied. */
        private BitSet fixSingles() {
            BitSet added = new BitSet();
            LinearDeterminacy.Relations relations = built.relations();
            while (!single.isEmpty()) {
                int r = single.poll();
                if (suppressedPerRelation[r] != 1) continue;
                int cell = -1;
                for (int i = relations.from(r); i < relations.to(r) && cell < 0; i++) {
                    if (suppressed.get(relations.cell(i))) cell = relations.cell(i);
                }
                int complement = complement(cell);
                if (complement < 0) continue;
                secondary.set(complement);
                suppress(complement, added);
            }
            return added;
        }

        /**
         * The cell to leave empty so that {@code cell} is no longer determined: one of the relation
         * holding it with the fewest suppressed cells (most likely the one that gives it away); when
         * all of those are suppressed already, one of the nearest relations that still has a published
         * cell, going out from {@code cell} through suppressed cells (a component can be large).
         */
        int complement(int cell) {
            LinearDeterminacy.Relations relations = built.relations();
            List<Integer> holding = new ArrayList<>();
            for (int r : relations.relationsOf(cell)) holding.add(r);
            holding.sort(Comparator.comparingInt(this::suppressedIn));
            for (int r : holding) {
                int best = best(List.of(r));
                if (best >= 0) return best;
            }
            BitSet seenCells = new BitSet(), seenRelations = new BitSet();
            seenCells.set(cell);
            List<Integer> layer = List.of(cell);
            while (!layer.isEmpty()) {
                List<Integer> layerRelations = new ArrayList<>(), next = new ArrayList<>();
                for (int c : layer) {
                    for (int r : relations.relationsOf(c)) {
                        if (seenRelations.get(r)) continue;
                        seenRelations.set(r);
                        layerRelations.add(r);
                        for (int i = relations.from(r); i < relations.to(r); i++) {
                            int d = relations.cell(i);
                            if (suppressed.get(d) && !seenCells.get(d)) {
                                seenCells.set(d);
                                next.add(d);
                            }
                        }
                    }
                }
                int best = best(layerRelations);
                if (best >= 0) return best;
                layer = next;
            }
            return -1;
        }

        private int suppressedIn(int relation) {
            return suppressedPerRelation[relation];
        }

        private int best(List<Integer> relationIds) {
            LinearDeterminacy.Relations relations = built.relations();
            List<Integer> candidates = new ArrayList<>();
            for (int r : relationIds) {
                for (int i = relations.from(r); i < relations.to(r); i++) if (relations.coef(i) != 0) candidates.add(relations.cell(i));
            }
            return best(candidates.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The published cell of {@code candidates} that {@link #preference} puts first, or -1. */
        private int best(int[] candidates) {
            int best = -1;
            double[] bestKey = null;
            for (int c : candidates) {
                if (suppressed.get(c)) continue;
                double[] key = preference(c);
                int order = best < 0 ? -1 : java.util.Arrays.compare(key, bestKey);
                if (order < 0 || (order == 0 && c < best)) {
                    best = c;
                    bestKey = key;
                }
            }
            return best;
        }

        /**
         * Lower is better: a non-zero cell (a published zero protects little), then one that would be
         * given away by fewer relations of its own (each relation whose other cells are all published
         * would need a complement in turn), then a part before a total, then the smallest.
         */
        private double[] preference(int c) {
            double v = Math.abs(((Number) cells.value(c)).doubleValue());
            int exposed = 0;
            for (int r : built.relations().relationsOf(c)) if (suppressedIn(r) == 0) exposed++;
            return new double[] {v == 0 ? 1 : 0, exposed, built.totals().get(c) ? 1 : 0, v};
        }

        /** Observed and cross-table figures follow their source cells; modelled ones their row's basis. */
        void followSources() {
            for (int t = 0; t < cells.tables.size(); t++) {
                Table table = cells.table(t);
                Schema s = cells.schema(t);
                List<List<Source>> sources = new ArrayList<>();
                for (Column col : s.columns()) sources.add(sources(t, col));
                for (int r = 0; r < table.size(); r++) {
                    boolean basisSuppressed = table.bases() != null && anySuppressed(table.bases().get(r));
                    for (int c = 0; c < s.columns().size(); c++) {
                        Column col = s.columns().get(c);
                        boolean follow = col.role() == Role.MODELLED ? basisSuppressed : anySuppressed(t, r, col, sources.get(c));
                        if (follow) suppress(cells.id(t, r, c), null);
                    }
                }
            }
        }

        /**
         * Where a column's source cells are: the rows of another table that agree with a row on the
         * dimensions both have ({@code mine}: this table's columns in the order of the index's), in a
         * column named by the source or by the row.
         */
        private record Source(Column.Source of, int table, DisclosureCells.Index rows, int[] mine, int columnFrom) {}

        private List<Source> sources(int t, Column col) {
            List<Source> out = new ArrayList<>();
            Table table = cells.table(t);
            for (Column.Source src : col.sources()) {
                int other = cells.table(src.table());
                if (other < 0) continue;
                java.util.Set<String> shared = new java.util.HashSet<>();
                for (Column d : cells.schema(t).columns()) {
                    Column theirs = cells.schema(other).column(d.name());
                    if (d.role() == Role.DIMENSION && theirs != null && theirs.role() == Role.DIMENSION) shared.add(d.name());
                }
                DisclosureCells.Index rows = cells.index(other, shared);
                int[] mine = rows.columns().stream().mapToInt(table::columnIndex).toArray();
                out.add(new Source(src, other, rows, mine, src.column() != null ? -1 : table.columnIndex(src.columnFrom())));
            }
            return out;
        }

        /** Whether a source cell of row r's column is suppressed; every source's column must exist, whatever the others hold. */
        private boolean anySuppressed(int t, int r, Column col, List<Source> sources) {
            if (sources.isEmpty()) return false;
            List<Object> row = cells.table(t).rows().get(r);
            int[] columns = new int[sources.size()];
            for (int i = 0; i < columns.length; i++) {
                Source src = sources.get(i);
                String column = src.columnFrom() < 0 ? src.of().column() : String.valueOf(row.get(src.columnFrom()));
                columns[i] = cells.table(src.table()).columns().indexOf(column);
                if (columns[i] < 0) {
                    throw new DisclosureError("table " + cells.table(t).name() + " column " + col.name()
                            + " follows unknown column " + column + " of table " + src.of().table());
                }
            }
            for (int i = 0; i < columns.length; i++) {
                Source src = sources.get(i);
                for (int other : src.rows().rows(DisclosureCells.joinedKey(row, src.mine()))) {
                    if (suppressed.get(cells.id(src.table(), other, columns[i]))) return true;
                }
            }
            return false;
        }

        private boolean anySuppressed(List<CellRef> refs) {
            for (CellRef ref : refs) {
                int t = cells.table(ref.table());
                if (t < 0) continue;
                int c = cells.table(t).columnIndex(ref.column());
                for (int r : cells.rows(t, ref.key())) if (suppressed.get(cells.id(t, r, c))) return true;
            }
            return false;
        }

        /** The suppressed cells that are still determined: none, or the run stops. */
        List<Integer> recoverable() {
            return determined(built, suppressed, workers);
        }

        Table published(int t) {
            Table table = cells.table(t);
            List<List<Object>> rows = new ArrayList<>(table.size());
            boolean changed = false;
            for (int r = 0; r < table.size(); r++) {
                List<Object> row = new ArrayList<>(table.rows().get(r));
                for (int c = 0; c < row.size(); c++) {
                    if (suppressed.get(cells.id(t, r, c)) && row.get(c) != null) {
                        row.set(c, null);
                        changed = true;
                    }
                }
                rows.add(row);
            }
            return changed ? table.withRows(rows) : table;
        }

        /** Primary, secondary (chosen as complements) and dependent cells emptied in one table. */
        long[] counts(int t) {
            long[] n = new long[3];
            Table table = cells.table(t);
            for (int r = 0; r < table.size(); r++) {
                for (int c = 0; c < cells.width(t); c++) {
                    int id = cells.id(t, r, c);
                    if (!suppressed.get(id) || table.rows().get(r).get(c) == null) continue;
                    n[primary.get(id) ? 0 : secondary.get(id) ? 1 : 2]++;
                }
            }
            return n;
        }
    }

    /**
     * A few threads for pieces of work that read shared state but change none of it; each worker has
     * a state of its own (scratch arrays). The results come in the order of the pieces, whichever
     * worker did which, so nothing depends on how the threads were scheduled.
     */
    static final class Workers implements AutoCloseable {
        private final int count;
        private final long sharedFrom;
        private final java.util.concurrent.ExecutorService pool;

        Workers(int count, long sharedFrom) {
            this.count = Math.max(1, count);
            this.sharedFrom = sharedFrom;
            pool = this.count == 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(this.count - 1, work -> {
                Thread thread = new Thread(work, "voorkant-disclosure");
                thread.setDaemon(true);
                return thread;
            });
        }

        int count() { return count; }

        /**
         * Whether work of this size is worth spreading: a second thread can take over at most what lies
         * outside the largest piece, and that must be at least {@code sharedFrom}.
         */
        boolean worthSharing(long work, long largestPiece) {
            return count > 1 && work - largestPiece >= sharedFrom;
        }

        <T, R> List<R> map(List<T> pieces, java.util.function.Function<T, R> work) {
            return map(pieces, java.util.Collections.nCopies(count, null), (unused, piece) -> work.apply(piece));
        }

        /** work(states[w], piece) for every piece, worker w (the calling thread is one of them) taking the next piece left. */
        <S, T, R> List<R> map(List<T> pieces, List<S> states, java.util.function.BiFunction<S, T, R> work) {
            Object[] out = new Object[pieces.size()];
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.IntConsumer worker = w -> {
                for (int i; (i = next.getAndIncrement()) < out.length; ) out[i] = work.apply(states.get(w), pieces.get(i));
            };
            int helpers = pool == null ? 0 : Math.min(count, pieces.size()) - 1;
            // Per helper: 0 until it starts, 1 once it has, 2 when it came too late (all pieces were taken).
            java.util.concurrent.atomic.AtomicIntegerArray started = new java.util.concurrent.atomic.AtomicIntegerArray(helpers + 1);
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int w = 1; w <= helpers; w++) {
                int own = w;
                running.add(pool.submit(() -> {
                    if (started.compareAndSet(own, 0, 1)) worker.accept(own);
                }));
            }
            Throwable failure = null;
            try {
                worker.accept(0);
            } catch (RuntimeException | Error e) {
                next.set(out.length); // the helpers stop after the piece they hold
                failure = e;
            }
            // A helper that has not started yet (on a shared machine it may wait long for a core) is not waited for.
            for (int w = 1; w <= helpers; w++) {
                if (started.compareAndSet(w, 0, 2)) continue;
                Throwable e = failureOf(running.get(w - 1));
                if (failure == null) failure = e;
            }
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            @SuppressWarnings("unchecked")
            List<R> results = new ArrayList<>((List<R>) Arrays.asList(out));
            return results;
        }

        /** What a helper's work threw, once it is done; null when it went well. */
        private static Throwable failureOf(java.util.concurrent.Future<?> f) {
            try {
                f.get();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while checking disclosure", e);
            }
        }

        @Override
        public void close() {
            if (pool != null) pool.shutdownNow();
        }
    }
}
