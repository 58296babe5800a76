package nl.voorkant.flow;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.Table;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.CompositeYear;
import nl.voorkant.flow.tables.Durations;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.flow.tables.ProviderChangesYear;
import nl.voorkant.ingest.Reference;

/**
 * The linear relations that a reader of the published tables knows hold between their cells. Every
 * column that adds up is taken to add up exactly along every hierarchy, also where it only nearly
 * does (distinct clients of a subregion, a product's trajectories): a relation too many can only
 * make more cells suppressed, one too few could leave a suppressed cell recoverable.
 *
 * <ul>
 *   <li>areas: a subregion is the sum of its municipalities, a region of its subregions, in every
 *       table with {@code area} and {@code area_level}, per value of the other dimensions (along a
 *       curve a municipality without a row at a duration still has its next row's risk set there);</li>
 *   <li>a Kaplan–Meier curve: at_risk(next) = at_risk − events − censored, and nothing after the last row;</li>
 *   <li>months → year (inflow, outflow, cost; clients = months × avg_monthly_clients), products →
 *       group (every column that adds up in both), months → durations (clients, inflow over the
 *       known months, trajectories), a curve → durations (first risk set, events = closed), and
 *       product groups → local share (client-months, and the cost share as local·(1−s) = market·s),
 *       flow_year's unique clients = their copies in composite_year and provider_changes_year, and the
 *       inflow of the out-of-home groups → placements.</li>
 * </ul>
 */
final class DisclosureRelations {
    record Built(LinearDeterminacy.Relations relations, BitSet totals, BitSet members) {}


    private static final class Relation {
        int[] cells = new int[8];
        long[] coefs = new long[8];
        int size;
        boolean known = true;

        void add(int cell, long coef) {
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, 2 * size);
                coefs = Arrays.copyOf(coefs, 2 * size);
            }
            cells[size] = cell;
            coefs[size++] = coef;
        }
    }

    private final DisclosureCells cells;
    private final LinearDeterminacy.Relations relations = new LinearDeterminacy.Relations();
    private final BitSet totals = new BitSet();
    private final BitSet members = new BitSet();

    private DisclosureRelations(DisclosureCells cells) {
        this.cells = cells;
    }

    /**
     * The relations within each table are found table by table in parallel (they read the tables
     * only) and then listed in table order, those between tables after them, as one after another.
     */
    static Built build(DisclosureCells cells, Reference reference, Disclosure.Workers workers) {
        List<RollUp> hierarchy = hierarchy(reference);
        List<Integer> tables = new ArrayList<>();
        for (int t = 0; t < cells.tables.size(); t++) tables.add(t);
        List<DisclosureRelations> withinTables = workers.map(tables, t -> {
            DisclosureRelations part = new DisclosureRelations(cells);
            Schema s = cells.schema(t);
            if (s.column(AREA.name()) != null && s.column(AREA_LEVEL.name()) != null) part.areas(t, hierarchy);
            if (s.chain() != null) part.chains(t);
            return part;
        });
        DisclosureRelations b = new DisclosureRelations(cells);
        b.relations.addAll(withinTables.stream().map(part -> part.relations).toList());
        for (DisclosureRelations part : withinTables) {
            b.totals.or(part.totals);
            b.members.or(part.members);
        }
        b.monthsToYears();
        b.productsToGroups();
        b.monthsToDurations();
        b.curvesToDurations();
        b.groupsToLocalShare(reference);
        b.copiesOfUniqueClients();
        b.groupsToPlacements(reference);
        return new Built(b.relations, b.totals, b.members);
    }

    private Relation begin() {
        return new Relation();
    }

    /** Adds coef × the cell; a missing row (-1) is a known zero. A part whose value is empty voids the relation. */
    private void term(Relation rel, int t, int row, String column, long coef, boolean total) {
        if (row < 0 || t < 0) return;
        term(rel, t, row, cells.table(t).columnIndex(column), coef, total);
    }

    private void term(Relation rel, int t, int row, int column, long coef, boolean total) {
        if (cells.table(t).rows().get(row).get(column) == null) {
            rel.known = false;
            return;
        }
        int id = cells.id(t, row, column);
        rel.add(id, coef);
        if (total) totals.set(id);
    }

    /** As {@link #term}, but a cell that is empty (unknown) is left out of the sum rather than voiding it. */
    private void termIfKnown(Relation rel, int t, int row, String column, long coef) {
        if (row >= 0 && cells.value(t, row, column) != null) term(rel, t, row, column, coef, false);
    }

    private void end(Relation rel) {
        if (!rel.known || rel.size < 2) return;
        for (int i = 0; i < rel.size; i++) members.set(rel.cells[i]);
        relations.add(Arrays.copyOf(rel.cells, rel.size), Arrays.copyOf(rel.coefs, rel.size));
    }

    private List<String> additive(int t) {
        List<String> out = new ArrayList<>();
        for (Column c : cells.schema(t).columns()) if (c.sums()) out.add(c.name());
        return out;
    }

    /** A total and its parts, as keys of {@link #levelAndArea}: a subregion of municipalities, a region of subregions. */
    private record RollUp(String total, List<String> parts) {}

    /** The subregions, then the regions, each in name order. */
    private static List<RollUp> hierarchy(Reference reference) {
        Map<String, List<String>> municipalities = new TreeMap<>();
        Map<String, Set<String>> subregions = new TreeMap<>();
        for (Reference.Municipality m : reference.municipalities().values()) {
            municipalities.computeIfAbsent(m.subregion(), k -> new ArrayList<>()).add(m.code());
            subregions.computeIfAbsent(m.region(), k -> new TreeSet<>()).add(m.subregion());
        }
        List<RollUp> out = new ArrayList<>();
        municipalities.forEach((sub, codes) -> out.add(new RollUp(levelAndArea(AreaLevel.SUBREGION.code(), sub),
                codes.stream().map(c -> levelAndArea(AreaLevel.MUNICIPALITY.code(), c)).toList())));
        subregions.forEach((region, subs) -> out.add(new RollUp(levelAndArea(AreaLevel.REGION.code(), region),
                subs.stream().map(x -> levelAndArea(AreaLevel.SUBREGION.code(), x)).toList())));
        return out;
    }

    private void areas(int t, List<RollUp> hierarchy) {
        Table table = cells.table(t);
        Schema s = cells.schema(t);
        List<String> except = new ArrayList<>(List.of(AREA.name(), AREA_LEVEL.name()));
        if (s.sequence() != null) except.add(s.sequence());
        int[] slice = cells.dimensions(t, except);
        int area = table.columnIndex(AREA), level = table.columnIndex(AREA_LEVEL);
        int seq = s.sequence() == null ? -1 : table.columnIndex(s.sequence());
        // slice → level|area → position along the curve (0 without one) → row
        Map<String, Map<String, TreeMap<Long, Integer>>> rows = new LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            List<Object> row = table.rows().get(r);
            rows.computeIfAbsent(DisclosureCells.joinedKey(row, slice), k -> new HashMap<>())
                    .computeIfAbsent(levelAndArea(row.get(level), row.get(area)), k -> new TreeMap<>())
                    .put(seq < 0 ? 0L : ((Number) row.get(seq)).longValue(), r);
        }
        String stock = s.chain() == null ? null : s.chain().stock();
        List<String> additive = additive(t);
        for (Map<String, TreeMap<Long, Integer>> inSlice : rows.values()) {
            // Each total's rows and its parts' rows in this slice, looked up once for all columns.
            List<TreeMap<Long, Integer>> totalRows = new ArrayList<>();
            List<List<TreeMap<Long, Integer>>> partRows = new ArrayList<>();
            for (RollUp roll : hierarchy) {
                TreeMap<Long, Integer> total = inSlice.get(roll.total());
                if (total == null) continue;
                List<TreeMap<Long, Integer>> parts = new ArrayList<>();
                for (String part : roll.parts()) {
                    TreeMap<Long, Integer> p = inSlice.get(part);
                    if (p != null) parts.add(p);
                }
                totalRows.add(total);
                partRows.add(parts);
            }
            for (String column : additive) {
                boolean carried = column.equals(stock);
                int c = table.columnIndex(column);
                for (int i = 0; i < totalRows.size(); i++) rollUp(t, totalRows.get(i), partRows.get(i), c, carried);
            }
        }
    }

    /** An area's key among the rows of a slice: a subregion and a municipality may share a name. */
    private static String levelAndArea(Object level, Object area) {
        return level + "|" + area;
    }

    /** The total's row at each position = the sum of its parts' rows there (or, for a risk set, at their next row). */
    private void rollUp(int t, TreeMap<Long, Integer> totalRows, List<TreeMap<Long, Integer>> parts, int column, boolean carried) {
        totalRows.forEach((position, totalRow) -> {
            Relation rel = begin();
            term(rel, t, totalRow, column, 1, true);
            for (TreeMap<Long, Integer> partRows : parts) {
                Integer at = carried ? valueOrNull(partRows.ceilingEntry(position)) : partRows.get(position);
                if (at != null) term(rel, t, at, column, -1, false);
            }
            end(rel);
        });
    }

    private static Integer valueOrNull(Map.Entry<Long, Integer> entry) {
        return entry == null ? null : entry.getValue();
    }

    private void chains(int t) {
        Schema.Chain chain = cells.schema(t).chain();
        for (List<Integer> curve : cells.curves(t)) {
            for (int i = 0; i < curve.size(); i++) {
                Relation rel = begin();
                if (i + 1 < curve.size()) term(rel, t, curve.get(i + 1), chain.stock(), 1, false);
                term(rel, t, curve.get(i), chain.stock(), -1, false);
                for (String out : chain.outflows()) term(rel, t, curve.get(i), out, 1, false);
                end(rel);
            }
        }
    }

    /** Rows of a table grouped by their values at some columns, a month's column read as its year. */
    private Map<List<String>, List<Integer>> groups(int t, List<String> columns, boolean monthAsYear) {
        Map<List<String>, List<Integer>> out = new LinkedHashMap<>();
        Table table = cells.table(t);
        int[] at = columns.stream().mapToInt(table::columnIndex).toArray();
        for (int r = 0; r < table.size(); r++) {
            List<String> key = DisclosureCells.keyOf(table.rows().get(r), at);
            if (monthAsYear) key.set(key.size() - 1, key.get(key.size() - 1).substring(0, 4));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The one row of a table at a key, or -1. */
    private int rowAt(int t, List<String> columns, List<String> key) {
        Map<String, Object> k = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) k.put(columns.get(i), key.get(i));
        List<Integer> rows = cells.rows(t, k);
        return rows.isEmpty() ? -1 : rows.get(0);
    }

    /** weight × the total's column = the sum of the parts' column (each part left out when unknown, if asked). */
    private void sum(int total, int totalRow, String totalColumn, long weight, int parts, List<Integer> partRows,
                     String partColumn, boolean skipUnknownParts) {
        if (totalRow < 0) return;
        Relation rel = begin();
        term(rel, total, totalRow, totalColumn, weight, true);
        for (int r : partRows) {
            if (skipUnknownParts) termIfKnown(rel, parts, r, partColumn, -1);
            else term(rel, parts, r, partColumn, -1, false);
        }
        end(rel);
    }

    private void sum(int total, int totalRow, Column totalColumn, long weight, int parts, List<Integer> partRows,
                     Column partColumn, boolean skipUnknownParts) {
        sum(total, totalRow, totalColumn.name(), weight, parts, partRows, partColumn.name(), skipUnknownParts);
    }

    private static final List<String> AREA_UNIT = List.of(AREA.name(), AREA_LEVEL.name(), PRODUCT_GROUP.name());

    /** The data's months per year, and in all, from flow_month (every month of the data has a row in it). */
    private Map<String, Long> monthsPerYear(int month) {
        Map<String, Long> out = new TreeMap<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (List<Object> row : cells.table(month).rows()) {
            Object m = row.get(cells.table(month).columnIndex(MONTH));
            if (seen.add(m)) out.merge(String.valueOf(m).substring(0, 4), 1L, Long::sum);
        }
        return out;
    }

    private void monthsToYears() {
        int month = cells.table(FlowMonth.SCHEMA.name()), year = cells.table(FlowYear.SCHEMA.name());
        if (month < 0 || year < 0) return;
        Map<String, Long> months = monthsPerYear(month);
        List<String> key = new ArrayList<>(AREA_UNIT);
        key.add(MONTH.name());
        List<String> yearKey = new ArrayList<>(AREA_UNIT);
        yearKey.add(YEAR.name());
        groups(month, key, true).forEach((k, rows) -> {
            int y = rowAt(year, yearKey, k);
            sum(year, y, FlowYear.INFLOW, 1, month, rows, FlowMonth.INFLOW, false);
            sum(year, y, FlowYear.OUTFLOW, 1, month, rows, FlowMonth.OUTFLOW, false);
            sum(year, y, FlowYear.COST_EUR, 1, month, rows, FlowMonth.COST_EUR, false);
            sum(year, y, FlowYear.AVG_MONTHLY_CLIENTS, months.get(k.get(k.size() - 1)), month, rows, FlowMonth.CLIENTS, false);
        });
    }

    private void productsToGroups() {
        int product = cells.table(FlowYear.PRODUCT_SCHEMA.name()), year = cells.table(FlowYear.SCHEMA.name());
        if (product < 0 || year < 0) return;
        List<String> key = new ArrayList<>(AREA_UNIT);
        key.add(YEAR.name());
        List<String> shared = new ArrayList<>(additive(product));
        shared.retainAll(additive(year));
        groups(product, key, false).forEach((k, rows) -> {
            int y = rowAt(year, key, k);
            for (String c : shared) sum(year, y, c, 1, product, rows, c, false);
        });
    }

    private void monthsToDurations() {
        int month = cells.table(FlowMonth.SCHEMA.name()), durations = cells.table(Durations.SCHEMA.name());
        if (month < 0 || durations < 0) return;
        long dataMonths = monthsPerYear(month).values().stream().mapToLong(Long::longValue).sum();
        Set<Object> known = new java.util.HashSet<>();
        int inflow = cells.table(month).columnIndex(FlowMonth.INFLOW), monthColumn = cells.table(month).columnIndex(MONTH);
        for (List<Object> row : cells.table(month).rows()) {
            if (row.get(inflow) != null) known.add(row.get(monthColumn));
        }
        long knownInflowMonths = Math.max(1, known.size());
        groups(month, AREA_UNIT, false).forEach((k, rows) -> {
            int d = rowAt(durations, AREA_UNIT, k);
            sum(durations, d, Durations.AVG_MONTHLY_CLIENTS, dataMonths, month, rows, FlowMonth.CLIENTS, false);
            sum(durations, d, Durations.MONTHLY_INFLOW, knownInflowMonths, month, rows, FlowMonth.INFLOW, true);
            sum(durations, d, Durations.TRAJECTORIES, 1, month, rows, FlowMonth.INFLOW, true);
        });
    }

    private void curvesToDurations() {
        int km = cells.table(KmSurvival.SCHEMA.name()), durations = cells.table(Durations.SCHEMA.name());
        if (km < 0 || durations < 0) return;
        for (List<Integer> curve : cells.curves(km)) {
            List<String> k = DisclosureCells.keyOf(cells.table(km).rows().get(curve.get(0)),
                    AREA_UNIT.stream().mapToInt(cells.table(km)::columnIndex).toArray());
            int d = rowAt(durations, AREA_UNIT, k);
            sum(durations, d, Durations.TRAJECTORIES, 1, km, curve.subList(0, 1), KmSurvival.AT_RISK, false);
            sum(durations, d, Durations.CLOSED, 1, km, curve, KmSurvival.EVENTS, false);
        }
    }

    private void groupsToLocalShare(Reference reference) {
        int year = cells.table(FlowYear.SCHEMA.name()), share = cells.table(LocalShareYear.SCHEMA.name());
        int month = cells.table(FlowMonth.SCHEMA.name());
        if (year < 0 || share < 0 || month < 0) return;
        Map<String, Long> months = monthsPerYear(month);
        List<String> key = List.of(AREA.name(), AREA_LEVEL.name(), YEAR.name());
        groups(year, key, false).forEach((k, rows) -> {
            int s = rowAt(share, key, k);
            if (s < 0) return;
            List<Integer> local = new ArrayList<>(), market = new ArrayList<>();
            for (int r : rows) {
                Reference.Product group = reference.groups().get(String.valueOf(cells.value(year, r, PRODUCT_GROUP.name())));
                if (group == null) continue;
                (group.provision() == Reference.Provision.LOCAL ? local : market).add(r);
            }
            long n = months.getOrDefault(k.get(2), 12L);
            List<Integer> all = new ArrayList<>(local);
            all.addAll(market);
            weightedSum(share, s, LocalShareYear.LOCAL_CLIENT_MONTHS, year, local, FlowYear.AVG_MONTHLY_CLIENTS, n);
            weightedSum(share, s, LocalShareYear.TOTAL_CLIENT_MONTHS, year, all, FlowYear.AVG_MONTHLY_CLIENTS, n);
            if (cells.value(share, s, LocalShareYear.LOCAL_COST_SHARE.name()) instanceof Number costShare) {
                // s = local / (local + market), published to 4 decimals: local·(10⁴ − k) − market·k = 0 with k = 10⁴·s.
                long k4 = Math.round(costShare.doubleValue() * 10_000);
                Relation rel = begin();
                for (int r : local) term(rel, year, r, FlowYear.COST_EUR.name(), 10_000 - k4, false);
                for (int r : market) term(rel, year, r, FlowYear.COST_EUR.name(), -k4, false);
                end(rel);
            }
        });
    }

    /** The per-client tables repeat flow_year's unique clients: each copy equals its original. */
    private void copiesOfUniqueClients() {
        int year = cells.table(FlowYear.SCHEMA.name());
        if (year < 0) return;
        List<String> key = new ArrayList<>(AREA_UNIT);
        key.add(YEAR.name());
        // A copy has its original's name.
        String clients = FlowYear.UNIQUE_CLIENTS.name();
        for (Schema copies : List.of(CompositeYear.SCHEMA, ProviderChangesYear.SCHEMA)) {
            int t = cells.table(copies.name());
            if (t < 0) continue;
            groups(t, key, false).forEach((k, rows) -> sum(year, rowAt(year, key, k), clients, 1, t, rows, clients, false));
        }
    }

    /** An area's placements in a base year are the inflow of its out-of-home groups in that year. */
    private void groupsToPlacements(Reference reference) {
        int year = cells.table(FlowYear.SCHEMA.name()), placements = cells.table(Placements.SCHEMA.name());
        if (year < 0 || placements < 0) return;
        List<String> placementKey = List.of(AREA.name(), AREA_LEVEL.name(), Placements.BASE_YEAR.name());
        groups(year, List.of(AREA.name(), AREA_LEVEL.name(), YEAR.name()), false).forEach((k, rows) -> {
            int p = rowAt(placements, placementKey, k);
            if (p < 0) return;
            List<Integer> outOfHome = new ArrayList<>();
            for (int r : rows) {
                Reference.Product group = reference.groups().get(String.valueOf(cells.value(year, r, PRODUCT_GROUP.name())));
                if (group != null && group.outOfHome()) outOfHome.add(r);
            }
            sum(placements, p, Placements.PLACEMENTS, 1, year, outOfHome, FlowYear.INFLOW, false);
        });
    }

    /** The total = weight × the sum of the parts (client-months from monthly averages). */
    private void weightedSum(int total, int totalRow, Column totalColumn, int parts, List<Integer> partRows,
                             Column partColumn, long weight) {
        Relation rel = begin();
        term(rel, total, totalRow, totalColumn.name(), 1, true);
        for (int r : partRows) term(rel, parts, r, partColumn.name(), -weight, false);
        end(rel);
    }
}
