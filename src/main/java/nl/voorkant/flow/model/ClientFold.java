package nl.voorkant.flow.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.voorkant.flow.model.Contributions.CombinedClients;
import nl.voorkant.flow.model.Contributions.CompositeClients;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Contributions.ProviderCost;
import nl.voorkant.flow.model.Contributions.ProviderSpread;
import nl.voorkant.flow.model.Contributions.TrajectoryCost;
import nl.voorkant.flow.model.Contributions.TrajectorySpan;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.AreaLevel;

/**
 * Everything the flow tables need from one client, computed from that client's claim lines alone:
 * month activity, trajectories and their cost, yearly presence, provider costs, composite packages and
 * the number of providers, per municipality and care unit (product group and product code).
 *
 * <p>Counts are placed in municipalities. A client active in k municipalities of one subregion (or
 * region) in a month or year is counted k times there when municipalities roll up, so the fold adds
 * a correction of −(k − 1) at that area: negative clients and client-months in a month, negative
 * unique clients in a year.
 */
public final class ClientFold {
    private final Areas areas;
    private final Censoring censoring;
    private final CareGroups groups;

    /** @param censoring the chaining rule (its bounds are not needed) */
    public ClientFold(Areas areas, Censoring censoring, CareGroups groups) {
        this.areas = areas;
        this.censoring = censoring;
        this.groups = groups;
    }

    private record ProviderYear(Place place, int year, String provider) {}

    /** A higher area and a month or a year. */
    private record AreaPeriod(Place place, int period) {}

    private static final MonthActivity.MonthPart NOWHERE = (m, v, c) -> {};
    /** The provider of a line without one: its cost still counts, under a code no provider has. */
    private static final String UNKNOWN_PROVIDER = "?";

    /** Adds the contributions of one client's lines. */
    public void add(List<MonthActivity.Line> lines, Contributions out) {
        boolean moved = lines.stream().map(MonthActivity.Line::municipality).distinct().count() > 1;
        for (UnitType unitType : UnitType.values()) {
            boolean groups = unitType == UnitType.PRODUCT_GROUP;
            Map<Place, MonthActivity> cells = new LinkedHashMap<>();
            // Provider costs per product group and year: summed per line, then per client, before they reach out.
            Map<ProviderYear, long[]> providerCents = new HashMap<>();
            for (MonthActivity.Line line : lines) {
                Place place = Place.municipality(unitType, line.municipality(), groups ? line.group() : line.product());
                MonthActivity activity = cells.computeIfAbsent(place, c -> new MonthActivity());
                if (!groups) {
                    activity.add(line, NOWHERE);
                    continue;
                }
                int firstYear = Months.yearOf(Months.ofDay(line.startDay()));
                long[] perYear = new long[Months.yearOf(Months.ofDay(line.endDay())) - firstYear + 1];
                activity.add(line, (m, v, c) -> perYear[Months.yearOf(m) - firstYear] += c);
                String provider = line.provider() == null ? UNKNOWN_PROVIDER : line.provider();
                for (int i = 0; i < perYear.length; i++) {
                    providerCents.computeIfAbsent(new ProviderYear(place, firstYear + i, provider), k -> new long[1])[0]
                            += perYear[i];
                }
            }
            providerCents.forEach((k, cents) -> out.add(k.place(), new ProviderCost(k.year(), k.provider(), cents[0])));
            cells.forEach((place, activity) -> addCell(place, groups, activity, out));
            if (moved) correctForMoves(groups, cells, out);
            if (groups) addCareFacts(lines, cells, moved, out);
        }
    }

    private void addCell(Place place, boolean monthly, MonthActivity activity, Contributions out) {
        int year = Integer.MIN_VALUE;
        long activeMonths = 0, cents = 0;
        for (int month = activity.firstMonth(); month <= activity.lastMonth(); month++) {
            MonthActivity.Month m = activity.month(month);
            if (m == null) continue;
            if (monthly) out.add(place, new MonthCount(month, m.active() ? 1 : 0, m.cents));
            if (Months.yearOf(month) != year) {
                if (year != Integer.MIN_VALUE) addYear(place, year, activeMonths, cents, out);
                year = Months.yearOf(month);
                activeMonths = 0;
                cents = 0;
            }
            if (m.active()) activeMonths++;
            cents += m.cents;
        }
        if (year != Integer.MIN_VALUE) addYear(place, year, activeMonths, cents, out);
        for (Trajectories.Trajectory t : Trajectories.of(activity, censoring)) {
            out.add(place, new TrajectorySpan(t.startMonth(), t.endMonth(), 1, t.viaLocalTeam() ? 1 : 0,
                    t.referrerUnknown() ? 1 : 0));
            if (monthly && groups.outOfHome().contains(place.unit())) {
                out.add(place, new TrajectoryCost(t.startMonth(), 1, activity.centsBetween(t.startMonth(), t.endMonth())));
            }
        }
    }

    private static void addYear(Place place, int year, long activeMonths, long cents, Contributions out) {
        out.add(place, new YearCount(year, activeMonths > 0 ? 1 : 0, activeMonths, cents));
    }

    // ---- composite packages and provider spread (issue 18): facts of a client per municipality, group and year ----

    private enum FactKind { COMPOSITE, COMBINED, PROVIDERS }

    /** What a client has in a municipality's group in a year: a composite month, a month with {@code other}, providers. */
    private record Fact(FactKind kind, String group, int year, String other) {}

    /** A composite or combined month is a mark; providers are the provider codes. */
    private static final Set<String> MARK = Set.of("");

    private interface FactSink {
        void add(Fact fact, String municipality, Set<String> things);
    }

    /**
     * A client's composite months and providers per municipality. A subregion or region takes the union over its
     * municipalities (a client composite in two of them is one composite client there, one provider in both is one
     * provider), so a mover's facts are gathered first and the union's excess over the municipalities' sum corrected.
     */
    private void addCareFacts(List<MonthActivity.Line> lines, Map<Place, MonthActivity> cells, boolean moved,
                              Contributions out) {
        Map<Fact, Map<String, Set<String>>> gathered = moved ? new LinkedHashMap<>() : null;
        FactSink sink = moved
                ? (fact, m, things) -> gathered.computeIfAbsent(fact, k -> new LinkedHashMap<>())
                        .computeIfAbsent(m, k -> new HashSet<>()).addAll(things)
                : (fact, m, things) -> emit(fact, Place.municipality(UnitType.PRODUCT_GROUP, m, fact.group()), value(fact, things), out);
        compositeMonths(cells, sink);
        cells.forEach((place, activity) -> providers(lines, place, activity, sink));
        if (!moved) return;
        gathered.forEach((fact, perMunicipality) -> {
            Map<Area, Set<String>> union = new LinkedHashMap<>();
            Map<Area, long[]> sum = new HashMap<>();
            perMunicipality.forEach((m, things) -> {
                long[] v = value(fact, things);
                emit(fact, Place.municipality(UnitType.PRODUCT_GROUP, m, fact.group()), v, out);
                for (Area area : areas.of(m)) {
                    if (area.level() == AreaLevel.MUNICIPALITY) continue;
                    union.computeIfAbsent(area, k -> new HashSet<>()).addAll(things);
                    long[] s = sum.computeIfAbsent(area, k -> new long[2]);
                    s[0] += v[0];
                    s[1] += v[1];
                }
            });
            union.forEach((area, things) -> {
                long[] v = value(fact, things), s = sum.get(area);
                if (v[0] != s[0] || v[1] != s[1]) {
                    emit(fact, new Place(UnitType.PRODUCT_GROUP, area.code(), area.level(), fact.group()),
                            new long[] {v[0] - s[0], v[1] - s[1]}, out);
                }
            });
        });
    }

    /** A fact's counts for one client: clients (or providers), and for providers the clients with two or more. */
    private static long[] value(Fact fact, Set<String> things) {
        return fact.kind() == FactKind.PROVIDERS ? new long[] {things.size(), things.size() >= 2 ? 1 : 0}
                : new long[] {things.isEmpty() ? 0 : 1, 0};
    }

    private static void emit(Fact fact, Place place, long[] v, Contributions out) {
        switch (fact.kind()) {
            case COMPOSITE -> out.add(place, new CompositeClients(fact.year(), v[0]));
            case COMBINED -> out.add(place, new CombinedClients(fact.year(), fact.other(), v[0]));
            case PROVIDERS -> out.add(place, new ProviderSpread(fact.year(), v[0], v[1]));
        }
    }

    /** Per municipality with two or more market groups, the months in which two or more of them are active. */
    private void compositeMonths(Map<Place, MonthActivity> cells, FactSink sink) {
        if (cells.size() < 2) return;
        Map<String, List<Place>> marketByMunicipality = new LinkedHashMap<>();
        cells.keySet().forEach(p -> {
            if (groups.market().contains(p.unit())) marketByMunicipality.computeIfAbsent(p.area(), k -> new ArrayList<>()).add(p);
        });
        List<Place> active = new ArrayList<>();
        marketByMunicipality.forEach((municipality, places) -> {
            if (places.size() < 2) return;
            // A client counts once per group and year, however many of its months are composite.
            Set<Fact> seen = new HashSet<>();
            int from = Integer.MAX_VALUE, to = Integer.MIN_VALUE;
            for (Place p : places) {
                from = Math.min(from, cells.get(p).firstMonth());
                to = Math.max(to, cells.get(p).lastMonth());
            }
            for (int month = from; month <= to; month++) {
                active.clear();
                for (Place p : places) if (cells.get(p).activeIn(month)) active.add(p);
                if (active.size() < 2) continue;
                int year = Months.yearOf(month);
                for (Place p : active) {
                    Fact composite = new Fact(FactKind.COMPOSITE, p.unit(), year, null);
                    if (seen.add(composite)) sink.add(composite, municipality, MARK);
                    for (Place other : active) {
                        Fact combined = new Fact(FactKind.COMBINED, p.unit(), year, other.unit());
                        if (other != p && seen.add(combined)) sink.add(combined, municipality, MARK);
                    }
                }
            }
        });
    }

    /**
     * The providers of one municipality's group per year: of a cell with one provider, that one in each year with an
     * active month; of a cell with several, each in the years in which its own lines leave a net volume above zero.
     */
    private static void providers(List<MonthActivity.Line> lines, Place place, MonthActivity activity, FactSink sink) {
        if (!activity.severalProviders()) {
            // Most cells: the one provider in each year with an active month, without a map.
            Set<String> provider = Set.of(activity.provider() == null ? UNKNOWN_PROVIDER : activity.provider());
            int year = Integer.MIN_VALUE;
            for (int month = activity.firstMonth(); month <= activity.lastMonth(); month++) {
                if (!activity.activeIn(month) || Months.yearOf(month) == year) continue;
                year = Months.yearOf(month);
                sink.add(new Fact(FactKind.PROVIDERS, place.unit(), year, null), place.area(), provider);
            }
            return;
        }
        Map<String, MonthActivity> perProvider = new LinkedHashMap<>();
        for (MonthActivity.Line line : lines) {
            if (line.municipality().equals(place.area()) && line.group().equals(place.unit())) {
                String provider = line.provider() == null ? UNKNOWN_PROVIDER : line.provider();
                perProvider.computeIfAbsent(provider, k -> new MonthActivity()).add(line, NOWHERE);
            }
        }
        Map<Integer, Set<String>> perYear = new TreeMap<>();
        perProvider.forEach((provider, own) -> {
            for (int month = own.firstMonth(); month <= own.lastMonth(); month++) {
                if (own.activeIn(month)) perYear.computeIfAbsent(Months.yearOf(month), k -> new HashSet<>()).add(provider);
            }
        });
        perYear.forEach((year, providers) -> sink.add(new Fact(FactKind.PROVIDERS, place.unit(), year, null), place.area(),
                providers));
    }

    /** The corrections of a client active in more than one municipality of a subregion or the region. */
    private void correctForMoves(boolean monthly, Map<Place, MonthActivity> cells, Contributions out) {
        Map<AreaPeriod, Set<String>> perMonth = new HashMap<>(), perYear = new HashMap<>();
        cells.forEach((place, activity) -> {
            for (int month = activity.firstMonth(); month <= activity.lastMonth(); month++) {
                MonthActivity.Month m = activity.month(month);
                if (m == null || !m.active()) continue;
                for (Area area : areas.of(place.area())) {
                    if (area.level() == AreaLevel.MUNICIPALITY) continue;
                    Place higher = place.in(area);
                    perMonth.computeIfAbsent(new AreaPeriod(higher, month), k -> new HashSet<>()).add(place.area());
                    perYear.computeIfAbsent(new AreaPeriod(higher, Months.yearOf(month)), k -> new HashSet<>())
                            .add(place.area());
                }
            }
        });
        perMonth.forEach((k, municipalities) -> {
            long extra = municipalities.size() - 1L;
            if (extra == 0) return;
            if (monthly) out.add(k.place(), new MonthCount(k.period(), -extra, 0));
            out.add(k.place(), new YearCount(Months.yearOf(k.period()), 0, -extra, 0));
        });
        perYear.forEach((k, municipalities) -> {
            long extra = municipalities.size() - 1L;
            if (extra != 0) out.add(k.place(), new YearCount(k.period(), -extra, 0, 0));
        });
    }
}
