package nl.voorkant.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the flow tables need from one client, computed from that client's claim lines alone:
 * month activity, trajectories, yearly presence and provider costs, per municipality and care unit
 * (product group and product code), added to {@link Partials}.
 */
final class ClientFlows {
    static final String MUNICIPALITY = "municipality";
    /** The care units a trajectory can follow: a product group, or a single product. */
    static final List<String> UNIT_TYPES = List.of(FlowMetrics.UNIT, "product_code");

    private final Map<String, List<String[]>> areas;
    private final int maxGap;

    /** @param areas per municipality code the areas it counts in, as from {@link FlowMetrics#areas} */
    ClientFlows(Map<String, List<String[]>> areas, int maxGap) {
        this.areas = areas;
        this.maxGap = maxGap;
    }

    private record Cell(String municipality, String unit) {}

    private record ProviderYear(Cell cell, int year, String provider) {}

    private static final MonthActivity.MonthPart NOWHERE = (m, v, c) -> {};

    void add(List<MonthActivity.Line> lines, Partials out) {
        boolean moved = lines.stream().map(MonthActivity.Line::municipality).distinct().count() > 1;
        for (String unitType : UNIT_TYPES) {
            boolean groups = unitType.equals(FlowMetrics.UNIT);
            Map<Cell, MonthActivity> cells = new LinkedHashMap<>();
            // Provider costs per product group and year: summed per line, then per client, before they reach out.
            Map<ProviderYear, long[]> providerCents = new HashMap<>();
            for (MonthActivity.Line line : lines) {
                Cell cell = new Cell(line.municipality(), groups ? line.group() : line.product());
                MonthActivity activity = cells.computeIfAbsent(cell, c -> new MonthActivity());
                if (!groups) {
                    activity.add(line, NOWHERE);
                    continue;
                }
                int firstYear = MonthActivity.yearOf(MonthActivity.monthOfDay(line.startDay()));
                long[] perYear = new long[MonthActivity.yearOf(MonthActivity.monthOfDay(line.endDay())) - firstYear + 1];
                activity.add(line, (m, v, c) -> perYear[MonthActivity.yearOf(m) - firstYear] += c);
                String provider = line.provider() == null ? "?" : line.provider();
                for (int i = 0; i < perYear.length; i++) {
                    providerCents.computeIfAbsent(new ProviderYear(cell, firstYear + i, provider), k -> new long[1])[0]
                            += perYear[i];
                }
            }
            providerCents.forEach((k, cents) -> out.add(Partials.PROVIDER, unitType, k.cell().municipality(), MUNICIPALITY,
                    k.cell().unit(), k.year(), 0, k.provider(), 0, 0, cents[0]));
            cells.forEach((cell, activity) -> addCell(unitType, groups, cell, activity, out));
            if (moved) correctForMoves(unitType, groups, cells, out);
        }
    }

    private void addCell(String unitType, boolean monthly, Cell cell, MonthActivity activity, Partials out) {
        String muni = cell.municipality();
        int year = Integer.MIN_VALUE;
        long activeMonths = 0, cents = 0;
        for (int month = activity.firstMonth(); month <= activity.lastMonth(); month++) {
            MonthActivity.Month m = activity.month(month);
            if (m == null) continue;
            if (monthly) out.add(Partials.MONTH, unitType, muni, MUNICIPALITY, cell.unit(), month, 0, "",
                    m.active() ? 1 : 0, 0, m.cents);
            if (MonthActivity.yearOf(month) != year) {
                if (year != Integer.MIN_VALUE) addYear(unitType, cell, year, activeMonths, cents, out);
                year = MonthActivity.yearOf(month);
                activeMonths = 0;
                cents = 0;
            }
            if (m.active()) activeMonths++;
            cents += m.cents;
        }
        if (year != Integer.MIN_VALUE) addYear(unitType, cell, year, activeMonths, cents, out);
        // A trajectory partial's third number (cents elsewhere) counts the starts whose referrer is unknown.
        for (Trajectories.Trajectory t : Trajectories.of(activity, maxGap)) {
            out.add(Partials.TRAJECTORY, unitType, muni, MUNICIPALITY, cell.unit(), t.startMonth(), t.endMonth(), "",
                    1, t.viaLocalTeam() ? 1 : 0, t.referrerUnknown() ? 1 : 0);
        }
    }

    private static void addYear(String unitType, Cell cell, int year, long activeMonths, long cents, Partials out) {
        out.add(Partials.YEAR, unitType, cell.municipality(), MUNICIPALITY, cell.unit(), year, 0, "",
                activeMonths > 0 ? 1 : 0, activeMonths, cents);
    }

    /**
     * A client active in k municipalities of one higher area in a month (or year) was counted k
     * times there: subtract k − 1 so that the area counts the client once.
     */
    private void correctForMoves(String unitType, boolean monthly, Map<Cell, MonthActivity> cells, Partials out) {
        // (area, level, unit, month) → municipalities active; the same per year.
        Map<List<Object>, Set<String>> perMonth = new HashMap<>();
        Map<List<Object>, Set<String>> perYear = new HashMap<>();
        cells.forEach((cell, activity) -> {
            for (int month = activity.firstMonth(); month <= activity.lastMonth(); month++) {
                MonthActivity.Month m = activity.month(month);
                if (m == null || !m.active()) continue;
                for (String[] area : areas.getOrDefault(cell.municipality(), List.of())) {
                    if (area[1].equals(MUNICIPALITY)) continue;
                    perMonth.computeIfAbsent(List.of(area[0], area[1], cell.unit(), month), k -> new HashSet<>())
                            .add(cell.municipality());
                    perYear.computeIfAbsent(List.of(area[0], area[1], cell.unit(), MonthActivity.yearOf(month)),
                            k -> new HashSet<>()).add(cell.municipality());
                }
            }
        });
        perMonth.forEach((k, munis) -> {
            if (munis.size() < 2) return;
            long extra = munis.size() - 1L;
            int month = (Integer) k.get(3);
            if (monthly) out.add(Partials.MONTH, unitType, (String) k.get(0), (String) k.get(1), (String) k.get(2),
                    month, 0, "", -extra, 0, 0);
            out.add(Partials.YEAR, unitType, (String) k.get(0), (String) k.get(1), (String) k.get(2),
                    MonthActivity.yearOf(month), 0, "", 0, -extra, 0);
        });
        perYear.forEach((k, munis) -> {
            if (munis.size() < 2) return;
            out.add(Partials.YEAR, unitType, (String) k.get(0), (String) k.get(1), (String) k.get(2),
                    (Integer) k.get(3), 0, "", -(munis.size() - 1L), 0, 0);
        });
    }
}
