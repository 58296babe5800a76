package nl.voorkant.flow.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Contributions.ProviderCost;
import nl.voorkant.flow.model.Contributions.TrajectorySpan;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.AreaLevel;

/**
 * Everything the flow tables need from one client, computed from that client's claim lines alone:
 * month activity, trajectories, yearly presence and provider costs, per municipality and care unit
 * (product group and product code).
 *
 * <p>Counts are placed in municipalities. A client active in k municipalities of one subregion (or
 * region) in a month or year is counted k times there when municipalities roll up, so the fold adds
 * a correction of −(k − 1) at that area: negative clients and client-months in a month, negative
 * unique clients in a year.
 */
public final class ClientFold {
    private final Areas areas;
    private final Censoring censoring;

    /** @param censoring the chaining rule (its bounds are not needed) */
    public ClientFold(Areas areas, Censoring censoring) {
        this.areas = areas;
        this.censoring = censoring;
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
        }
    }

    private static void addYear(Place place, int year, long activeMonths, long cents, Contributions out) {
        out.add(place, new YearCount(year, activeMonths > 0 ? 1 : 0, activeMonths, cents));
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
