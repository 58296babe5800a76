package nl.voorkant.flow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.flow.tables.Durations;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.flow.tables.ProvidersYear;
import nl.voorkant.ingest.Reference;

/**
 * The flow tables of DOMAIN.md, built on the driver from the pass's summed partial counts: those
 * are small (per area, unit and month, not per client), so plain Java does in milliseconds what
 * some eighty small Spark jobs did in seconds each.
 *
 * <p>Municipality counts roll up to the subregion and region, and the pass's corrections keep a
 * subregion's clients distinct rather than summed. Flows the data cannot know stay empty: inflow
 * in the first {@code maxGap + 1} months, outflow in the last, and every year containing such a month.
 */
final class FlowTables {
    /** One summed partial count; see {@link Partials} for the kinds. */
    record Partial(String kind, String unitType, String area, String level, String unit, int a, int b, String s,
                   long n, long m, long cents) {}

    /** An area (at its level) and a care unit; tables list municipalities, then subregions, then the region. */
    record Key(String area, String level, String unit) {
        static final Comparator<Key> ORDER = Comparator.comparingInt((Key k) -> levelOrder(k.level()))
                .thenComparing(Key::area).thenComparing(Key::unit);

        static int levelOrder(String level) {
            return switch (level) {
                case ClientFlows.MUNICIPALITY -> 0;
                case "subregion" -> 1;
                default -> 2;
            };
        }
    }

    /** What one unit type (product group or product code) has per area and unit. */
    private static final class Unit {
        /** month → {clients, cents}; product groups only. */
        final Map<Key, TreeMap<Integer, long[]>> months = new HashMap<>();
        /** year → {unique clients, client-months, cents}. */
        final Map<Key, TreeMap<Integer, long[]>> years = new HashMap<>();
        /** start month → {trajectories, via the local team, referrer unknown} of trajectories whose start is known. */
        final Map<Key, TreeMap<Integer, long[]>> starts = new HashMap<>();
        /** end month → {trajectories, of which start known, their months} of trajectories whose end is known. */
        final Map<Key, TreeMap<Integer, long[]>> ends = new HashMap<>();
        /** start year → duration → {events, censored} of trajectories whose start is known. */
        final Map<Key, TreeMap<Integer, TreeMap<Integer, long[]>>> survival = new HashMap<>();
        /** year → provider → cents (product groups only). */
        final Map<Key, TreeMap<Integer, Map<String, Long>>> providers = new HashMap<>();
    }

    private final Map<String, List<String[]>> areas;
    private final Reference reference;
    private final int maxGap;
    private final Trajectories.DataMonths months;
    private final Map<String, Unit> units = new HashMap<>();

    /** @param areas per municipality code the areas it counts in, as from {@link FlowMetrics#areas} */
    FlowTables(List<Partial> partials, Map<String, List<String[]>> areas, Reference reference, int maxGap) {
        this.reference = reference;
        this.maxGap = maxGap;
        this.areas = areas;
        this.months = dataMonths(partials);
        Map<String, List<Partial>> byType = new HashMap<>();
        for (String t : ClientFlows.UNIT_TYPES) {
            units.put(t, new Unit());
            byType.put(t, new ArrayList<>());
        }
        for (Partial p : partials) byType.get(p.unitType()).add(p);
        // Each unit type fills only its own maps: product groups and products are built side by side.
        ClientFlows.UNIT_TYPES.parallelStream().forEach(t -> {
            List<Partial> trajectories = new ArrayList<>();
            for (Partial p : byType.get(t)) {
                if (p.kind().equals(Partials.TRAJECTORY)) trajectories.add(p);
                else add(p);
            }
            addTrajectories(trajectories);
        });
    }

    Trajectories.DataMonths months() {
        return months;
    }

    /** The months of the data: from the first to the last month in which any client is active. */
    static Trajectories.DataMonths dataMonths(List<Partial> partials) {
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (Partial p : partials) {
            if (p.kind().equals(Partials.MONTH) && p.level().equals(ClientFlows.MUNICIPALITY) && p.n() > 0) {
                first = Math.min(first, p.a());
                last = Math.max(last, p.a());
            }
        }
        return first > last ? new Trajectories.DataMonths(0, -1) : new Trajectories.DataMonths(first, last);
    }

    /** The areas a partial counts in: a municipality's own three, or the one area of a correction. */
    private List<String[]> areasOf(Partial p) {
        return p.level().equals(ClientFlows.MUNICIPALITY) ? areas.getOrDefault(p.area(), List.of())
                : List.<String[]>of(new String[] {p.area(), p.level()});
    }

    private static long[] cell(Map<Key, TreeMap<Integer, long[]>> map, Key key, int period, int size) {
        return map.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(period, k -> new long[size]);
    }

    private void add(Partial p) {
        Unit u = units.get(p.unitType());
        for (String[] area : areasOf(p)) {
            Key key = new Key(area[0], area[1], p.unit());
            switch (p.kind()) {
                case Partials.MONTH -> {
                    long[] c = cell(u.months, key, p.a(), 2);
                    c[0] += p.n();
                    c[1] += p.cents();
                }
                case Partials.YEAR -> {
                    long[] c = cell(u.years, key, p.a(), 3);
                    c[0] += p.n();
                    c[1] += p.m();
                    c[2] += p.cents();
                }
                case Partials.PROVIDER -> u.providers.computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(p.a(), k -> new HashMap<>()).merge(p.s(), p.cents(), Long::sum);
                default -> throw new IllegalStateException("unknown partial kind " + p.kind());
            }
        }
    }

    /**
     * Trajectory partials are most of all partials (one per municipality, unit, start and end
     * month), so they skip the maps: those of one unit type, sorted by unit and municipality, each unit's are
     * summed in arrays over the months per municipality and per subregion and region, and only
     * those sums become cells.
     */
    private void addTrajectories(List<Partial> trajectories) {
        if (trajectories.isEmpty()) return;
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (Partial p : trajectories) {
            first = Math.min(first, p.a());
            last = Math.max(last, p.b());
        }
        TrajectorySums.Span span = new TrajectorySums.Span(first, last, months.lastLeftCensored(maxGap),
                months.firstRightCensored(maxGap));
        trajectories.sort(Comparator.comparing(Partial::unit).thenComparing(Partial::area));
        Map<Key, TrajectorySums> sums = new java.util.LinkedHashMap<>();
        for (int i = 0; i < trajectories.size(); i++) {
            Partial p = trajectories.get(i);
            for (String[] area : areasOf(p)) {
                sums.computeIfAbsent(new Key(area[0], area[1], p.unit()), k -> new TrajectorySums(span)).add(p);
            }
            Partial next = i + 1 < trajectories.size() ? trajectories.get(i + 1) : null;
            boolean unitEnds = next == null || !next.unit().equals(p.unit());
            if (unitEnds || !next.area().equals(p.area())) {
                // A municipality is complete when its run ends, a subregion and region when the unit's does.
                Unit u = units.get(p.unitType());
                Key muni = new Key(p.area(), ClientFlows.MUNICIPALITY, p.unit());
                TrajectorySums own = sums.remove(muni);
                if (own != null) own.addTo(u, muni);
                if (unitEnds) {
                    sums.forEach((key, t) -> t.addTo(u, key));
                    sums.clear();
                }
            }
        }
    }

    /** The trajectory counts of one area and unit, dense over the months of the trajectories. */
    private static final class TrajectorySums {
        record Span(int first, int last, int lastLeftCensored, int firstRightCensored) {
            int months() {
                return last - first + 1;
            }

            int years() {
                return MonthActivity.yearOf(last) - MonthActivity.yearOf(first) + 1;
            }
        }

        final Span span;
        /** per start month: trajectories, via the local team, referrer unknown (start known only). */
        final long[] starts;
        /** per end month: trajectories, of which start known, their months (end known only). */
        final long[] ends;
        /** per start year and duration: events, censored (start known only). */
        final long[] survival;

        TrajectorySums(Span span) {
            this.span = span;
            starts = new long[span.months() * 3];
            ends = new long[span.months() * 3];
            survival = new long[span.years() * (span.months() + 1) * 2];
        }

        void add(Partial p) {
            boolean startKnown = p.a() > span.lastLeftCensored(), endKnown = p.b() < span.firstRightCensored();
            int duration = p.b() - p.a() + 1;
            if (startKnown) {
                int s = (p.a() - span.first()) * 3;
                starts[s] += p.n();
                starts[s + 1] += p.m();
                starts[s + 2] += p.cents();
                int year = MonthActivity.yearOf(p.a()) - MonthActivity.yearOf(span.first());
                survival[(year * (span.months() + 1) + duration) * 2 + (endKnown ? 0 : 1)] += p.n();
            }
            if (endKnown) {
                int e = (p.b() - span.first()) * 3;
                ends[e] += p.n();
                if (startKnown) {
                    ends[e + 1] += p.n();
                    ends[e + 2] += p.n() * duration;
                }
            }
        }

        /** The non-empty sums as the unit's cells; every trajectory counts one, so a cell is empty only when zero. */
        void addTo(Unit u, Key key) {
            for (int i = 0; i < span.months(); i++) {
                int month = span.first() + i;
                if (starts[i * 3] != 0) {
                    long[] c = cell(u.starts, key, month, 3);
                    for (int k = 0; k < 3; k++) c[k] += starts[i * 3 + k];
                }
                if (ends[i * 3] != 0) {
                    long[] c = cell(u.ends, key, month, 3);
                    for (int k = 0; k < 3; k++) c[k] += ends[i * 3 + k];
                }
            }
            int firstYear = MonthActivity.yearOf(span.first());
            for (int y = 0; y < span.years(); y++) {
                for (int d = 1; d <= span.months(); d++) {
                    int at = (y * (span.months() + 1) + d) * 2;
                    if (survival[at] == 0 && survival[at + 1] == 0) continue;
                    long[] c = u.survival.computeIfAbsent(key, x -> new TreeMap<>())
                            .computeIfAbsent(firstYear + y, x -> new TreeMap<>()).computeIfAbsent(d, x -> new long[2]);
                    c[0] += survival[at];
                    c[1] += survival[at + 1];
                }
            }
        }
    }

    /** Every flow table, keyed by name, in the order the README lists them. */
    Map<String, Table> tables() {
        Map<String, Table> out = new java.util.LinkedHashMap<>();
        if (months.isEmpty()) return out;
        Unit groups = units.get(FlowMetrics.UNIT);
        Map<String, String> groupOf = new HashMap<>();
        reference.products().values().forEach(p -> groupOf.put(p.code(), p.group()));
        List<java.util.function.Supplier<Table>> tables = List.of(
                () -> flowMonth(groups),
                () -> {
                    TreeMap<Key, TreeMap<Integer, long[]>> groupYears = new TreeMap<>(Key.ORDER);
                    groupYears.putAll(groups.years);
                    return yearly(groups, groupYears, FlowYear.SCHEMA, key -> List.of(key.unit()));
                },
                () -> kmSurvival(groups),
                () -> durations(groups),
                () -> localShare(groups),
                () -> providersYear(groups),
                () -> {
                    Unit products = units.get("product_code");
                    // A product table lists products under their group: order by group, then product.
                    Map<Key, TreeMap<Integer, long[]>> byGroup = new TreeMap<>(
                            Comparator.comparingInt((Key k) -> Key.levelOrder(k.level())).thenComparing(Key::area)
                                    .thenComparing(k -> groupOf.get(k.unit())).thenComparing(Key::unit));
                    products.years.forEach((k, v) -> { if (groupOf.containsKey(k.unit())) byGroup.put(k, v); });
                    return yearly(products, byGroup, FlowYear.PRODUCT_SCHEMA, key -> List.of(groupOf.get(key.unit()), key.unit()));
                });
        // The tables only read the maps, so they are built side by side; a national run has millions of cells.
        for (Table t : tables.parallelStream().map(java.util.function.Supplier::get).toList()) out.put(t.name(), t);
        return out;
    }

    private static <V> List<Map.Entry<Key, V>> sorted(Map<Key, V> map) {
        List<Map.Entry<Key, V>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Map.Entry.comparingByKey(Key.ORDER));
        return entries;
    }

    private Long inflow(Map<Key, TreeMap<Integer, long[]>> starts, Key key, int month, int column) {
        if (month <= months.lastLeftCensored(maxGap)) return null;
        long[] s = starts.getOrDefault(key, new TreeMap<>()).get(month);
        return s == null ? 0L : s[column];
    }

    private Long outflow(Map<Key, TreeMap<Integer, long[]>> ends, Key key, int month) {
        if (month >= months.firstRightCensored(maxGap)) return null;
        long[] e = ends.getOrDefault(key, new TreeMap<>()).get(month);
        return e == null ? 0L : e[0];
    }

    private Table flowMonth(Unit u) {
        Table.Builder t = FlowMonth.SCHEMA.builder();
        for (Map.Entry<Key, TreeMap<Integer, long[]>> e : sorted(u.months)) {
            Key k = e.getKey();
            e.getValue().forEach((month, c) -> t.row(k.area(), k.level(), k.unit(), MonthActivity.label(month), c[0],
                    inflow(u.starts, k, month, 0), outflow(u.ends, k, month), euros(c[1])));
        }
        return t.build();
    }

    /**
     * Yearly figures per area and unit, in the order of {@code ordered}; {@code unitValues} give the
     * values of the unit's own columns (those of the schema between area_level and year).
     */
    private Table yearly(Unit u, Map<Key, TreeMap<Integer, long[]>> ordered, Schema schema,
                         Function<Key, List<Object>> unitValues) {
        Table.Builder t = schema.builder();
        for (Map.Entry<Key, TreeMap<Integer, long[]>> e : ordered.entrySet()) {
            Key k = e.getKey();
            TreeMap<Integer, TreeMap<Integer, long[]>> survivalByYear = u.survival.getOrDefault(k, new TreeMap<>());
            e.getValue().forEach((year, c) -> {
                int firstMonth = year * 12, lastMonth = year * 12 + 11;
                long monthsInYear = Math.min(months.last(), lastMonth) - Math.max(months.first(), firstMonth) + 1L;
                Long inflow = null, localInflow = null, outflow = null;
                long referred = 0;
                if (firstMonth > months.lastLeftCensored(maxGap)) {
                    long[] s = sumOver(u.starts.get(k), firstMonth, lastMonth, 3);
                    inflow = s[0];
                    localInflow = s[1];
                    // A start whose referrer is unknown is inflow, but neither local nor not: the share leaves it out.
                    referred = s[0] - s[2];
                }
                if (lastMonth < months.firstRightCensored(maxGap)) outflow = sumOver(u.ends.get(k), firstMonth, lastMonth, 3)[0];
                long[] ends = sumOver(u.ends.get(k), firstMonth, lastMonth, 3);
                Double meanDuration = ends[1] == 0 ? null : round((double) ends[2] / ends[1], 2);
                TreeMap<Integer, long[]> survival = survivalByYear.get(year);
                Integer median = survival == null ? null : KaplanMeier.summary(KaplanMeier.curve(survival)).medianMonths();
                List<Object> row = new ArrayList<>(List.of(k.area(), k.level()));
                row.addAll(unitValues.apply(k));
                row.addAll(java.util.Arrays.asList(year, c[0], round((double) c[1] / monthsInYear, 2), inflow, outflow,
                        meanDuration, median, euros(c[2]), c[1] == 0 ? null : round((double) c[2] / c[1] / 100, 2),
                        referred == 0 ? null : round((double) localInflow / referred, 4), localInflow));
                t.row(row.toArray());
            });
        }
        return t.build();
    }

    /** The column sums of the cells of months {@code from..to}. */
    private static long[] sumOver(TreeMap<Integer, long[]> cells, int from, int to, int size) {
        long[] sum = new long[size];
        if (cells == null) return sum;
        for (long[] c : cells.subMap(from, true, to, true).values()) {
            for (int i = 0; i < size; i++) sum[i] += c[i];
        }
        return sum;
    }

    /** Start year → duration → counts, pooled over the start years. */
    private static TreeMap<Integer, long[]> pooled(TreeMap<Integer, TreeMap<Integer, long[]>> byYear) {
        TreeMap<Integer, long[]> out = new TreeMap<>();
        byYear.values().forEach(durations -> durations.forEach((d, c) -> {
            long[] p = out.computeIfAbsent(d, x -> new long[2]);
            p[0] += c[0];
            p[1] += c[1];
        }));
        return out;
    }

    private Table kmSurvival(Unit u) {
        Table.Builder t = KmSurvival.SCHEMA.builder();
        for (Map.Entry<Key, TreeMap<Integer, TreeMap<Integer, long[]>>> e : sorted(u.survival)) {
            Key k = e.getKey();
            for (KaplanMeier.Point p : KaplanMeier.curve(pooled(e.getValue()))) {
                t.row(k.area(), k.level(), k.unit(), p.durationMonths(), p.atRisk(), p.events(), p.censored(),
                        round(p.survival(), 4), round(p.lower95(), 4), round(p.upper95(), 4));
            }
        }
        return t.build();
    }

    /** Kaplan–Meier summaries beside the naive mean, and Little's law: clients ≈ inflow × mean duration. */
    private Table durations(Unit u) {
        Table.Builder t = Durations.SCHEMA.builder();
        // Months without any row for a group had no clients and no inflow: average over all data months.
        long dataMonths = months.last() - months.first() + 1L;
        long knownInflowMonths = Math.max(1, dataMonths - (maxGap + 1));
        for (Map.Entry<Key, TreeMap<Integer, TreeMap<Integer, long[]>>> e : sorted(u.survival)) {
            Key k = e.getKey();
            KaplanMeier.Summary s = KaplanMeier.summary(KaplanMeier.curve(pooled(e.getValue())));
            Double avgClients = null, monthlyInflow = null;
            TreeMap<Integer, long[]> monthCells = u.months.get(k);
            if (monthCells != null) {
                long clients = 0, inflow = 0;
                boolean anyInflow = false;
                for (Map.Entry<Integer, long[]> m : monthCells.entrySet()) {
                    clients += m.getValue()[0];
                    Long in = inflow(u.starts, k, m.getKey(), 0);
                    if (in != null) {
                        inflow += in;
                        anyInflow = true;
                    }
                }
                avgClients = (double) clients / dataMonths;
                monthlyInflow = anyInflow ? (double) inflow / knownInflowMonths : null;
            }
            Double little = avgClients == null || monthlyInflow == null || monthlyInflow * s.restrictedMeanMonths() == 0
                    ? null : avgClients / (monthlyInflow * s.restrictedMeanMonths());
            t.row(k.area(), k.level(), k.unit(), s.trajectories(), s.closed(), s.medianMonths(),
                    round(s.restrictedMeanMonths(), 2), s.restrictedToMonths(), round(s.naiveMeanClosedMonths(), 2),
                    round(avgClients, 2), round(monthlyInflow, 3), round(little, 3));
        }
        return t.build();
    }

    private Table localShare(Unit u) {
        // (area, level) → year → {local client-months, all client-months, local cents, all cents}
        TreeMap<Key, TreeMap<Integer, long[]>> perArea = new TreeMap<>(Key.ORDER);
        u.months.forEach((k, cells) -> {
            Reference.Product group = reference.groups().get(k.unit());
            if (group == null) return;
            boolean local = group.provision() == Reference.Provision.LOCAL;
            cells.forEach((month, c) -> {
                long[] a = cell(perArea, new Key(k.area(), k.level(), ""), MonthActivity.yearOf(month), 4);
                if (local) {
                    a[0] += c[0];
                    a[2] += c[1];
                }
                a[1] += c[0];
                a[3] += c[1];
            });
        });
        Table.Builder t = LocalShareYear.SCHEMA.builder();
        perArea.forEach((k, years) -> years.forEach((year, a) -> t.row(k.area(), k.level(), year, a[0], a[1],
                a[1] == 0 ? null : round((double) a[0] / a[1], 4), a[3] == 0 ? null : round((double) a[2] / a[3], 4))));
        return t.build();
    }

    /**
     * Distinct providers and the Herfindahl–Hirschman index of their cost shares (1 = one provider
     * has it all): the memo complains of fragmented guardianship, many providers per municipality.
     */
    private Table providersYear(Unit u) {
        Table.Builder t = ProvidersYear.SCHEMA.builder();
        for (Map.Entry<Key, TreeMap<Integer, Map<String, Long>>> e : sorted(u.providers)) {
            Key k = e.getKey();
            e.getValue().forEach((year, perProvider) -> {
                long count = 0;
                double total = 0, squares = 0;
                for (long cents : perProvider.values()) {
                    if (cents <= 0) continue;
                    count++;
                    total += cents;
                    squares += (double) cents * cents;
                }
                if (count > 0) t.row(k.area(), k.level(), k.unit(), year, count, round(squares / (total * total), 4));
            });
        }
        return t.build();
    }


    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Half-up on the decimal form, as Spark's round(): 2.675 → 2.68, not the binary 2.67. */
    static Double round(Double x, int decimals) {
        if (x == null || x.isNaN() || x.isInfinite()) return x;
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
