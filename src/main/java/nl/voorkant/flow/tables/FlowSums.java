package nl.voorkant.flow.tables;

import nl.voorkant.flow.model.AreaLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.flow.model.Area;
import nl.voorkant.flow.model.Areas;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.Contributions;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/**
 * The flow tables' cells: the pass's summed contributions, rolled up from municipalities to their
 * subregion and region (a correction placed in a higher area counts there alone), per care unit type.
 * They are small (per area, unit and month, not per client), so plain Java does on the driver in
 * milliseconds what some eighty small Spark jobs did in seconds each.
 */
public final class FlowSums {
    /** Tables list municipalities, then subregions, then the region; each by area, then unit. */
    static final Comparator<Place> ORDER = Comparator.comparingInt((Place p) -> p.level().ordinal())
            .thenComparing(Place::area).thenComparing(Place::unit);

    private final Censoring censoring;
    private final Map<UnitType, UnitSums> units;

    private FlowSums(Censoring censoring, Map<UnitType, UnitSums> units) {
        this.censoring = censoring;
        this.units = units;
    }

    /** The data's months and what they leave unknown. */
    public Censoring censoring() {
        return censoring;
    }

    UnitSums of(UnitType unitType) {
        return units.get(unitType);
    }

    /** A contribution and where it counts. */
    private record Placed<T>(Place place, T value) {}

    /** The pass's contributions as they arrive on the driver, kept until the data's months are known. */
    public static final class Collector implements Contributions {
        private static final class Kept {
            final List<Placed<MonthCount>> months = new ArrayList<>();
            final List<Placed<YearCount>> years = new ArrayList<>();
            final List<Placed<TrajectorySpan>> trajectories = new ArrayList<>();
            final List<Placed<ProviderCost>> providers = new ArrayList<>();
            final List<Placed<TrajectoryCost>> trajectoryCosts = new ArrayList<>();
            final List<Placed<CompositeClients>> composite = new ArrayList<>();
            final List<Placed<CombinedClients>> combined = new ArrayList<>();
            final List<Placed<ProviderSpread>> spread = new ArrayList<>();
        }

        private final Map<UnitType, Kept> kept = new EnumMap<>(UnitType.class);
        private int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;

        public Collector() {
            for (UnitType t : UnitType.values()) kept.put(t, new Kept());
        }

        @Override
        public void add(Place place, MonthCount count) {
            // The data's months: from the first to the last in which any client is active.
            if (place.level() == AreaLevel.MUNICIPALITY && count.clients() > 0) {
                first = Math.min(first, count.month());
                last = Math.max(last, count.month());
            }
            kept.get(place.unitType()).months.add(new Placed<>(place, count));
        }

        @Override
        public void add(Place place, YearCount count) {
            kept.get(place.unitType()).years.add(new Placed<>(place, count));
        }

        @Override
        public void add(Place place, TrajectorySpan span) {
            kept.get(place.unitType()).trajectories.add(new Placed<>(place, span));
        }

        @Override
        public void add(Place place, ProviderCost cost) {
            kept.get(place.unitType()).providers.add(new Placed<>(place, cost));
        }

        @Override
        public void add(Place place, TrajectoryCost cost) {
            kept.get(place.unitType()).trajectoryCosts.add(new Placed<>(place, cost));
        }

        @Override
        public void add(Place place, CompositeClients count) {
            kept.get(place.unitType()).composite.add(new Placed<>(place, count));
        }

        @Override
        public void add(Place place, CombinedClients count) {
            kept.get(place.unitType()).combined.add(new Placed<>(place, count));
        }

        @Override
        public void add(Place place, ProviderSpread spread) {
            kept.get(place.unitType()).spread.add(new Placed<>(place, spread));
        }

        /** The cells of every unit type, each rolled up on its own core. */
        public FlowSums sum(Areas areas, Censoring rule) {
            Censoring censoring = first > last ? rule : rule.over(first, last);
            Map<UnitType, UnitSums> units = new EnumMap<>(UnitType.class);
            List<UnitType> types = List.of(UnitType.values());
            List<UnitSums> sums = types.parallelStream().map(t -> new UnitSums(kept.get(t), areas, censoring)).toList();
            for (int i = 0; i < types.size(); i++) units.put(types.get(i), sums.get(i));
            return new FlowSums(censoring, units);
        }
    }

    /** Known starts of a month: trajectories, of which via the local team, of which by an unknown referrer. */
    record Starts(long trajectories, long viaLocalTeam, long referrerUnknown) {
        static final Starts NONE = new Starts(0, 0, 0);

        Starts plus(Starts o) {
            return new Starts(trajectories + o.trajectories, viaLocalTeam + o.viaLocalTeam, referrerUnknown + o.referrerUnknown);
        }
    }

    /** Known ends of a month: trajectories, of which with a known start, and those trajectories' months. */
    record Ends(long trajectories, long startKnown, long startKnownMonths) {
        static final Ends NONE = new Ends(0, 0, 0);

        Ends plus(Ends o) {
            return new Ends(trajectories + o.trajectories, startKnown + o.startKnown, startKnownMonths + o.startKnownMonths);
        }
    }

    /** What one unit type (product group or product) has per place. */
    static final class UnitSums {
        private final Censoring censoring;
        private final Areas areas;
        /** month → clients and cents; product groups only. */
        final Map<Place, TreeMap<Integer, Contributions.MonthCount>> months = new HashMap<>();
        /** year → unique clients, client-months and cents. */
        final Map<Place, TreeMap<Integer, Contributions.YearCount>> years = new HashMap<>();
        /** start month → the trajectories whose start is known. */
        final Map<Place, TreeMap<Integer, Starts>> starts = new HashMap<>();
        /** end month → the trajectories whose end is known. */
        final Map<Place, TreeMap<Integer, Ends>> ends = new HashMap<>();
        /** start year → duration → events and censored, of the trajectories whose start is known. */
        final Map<Place, TreeMap<Integer, TreeMap<Integer, KaplanMeier.Counts>>> survival = new HashMap<>();
        /** year → provider → cents (product groups only). */
        final Map<Place, TreeMap<Integer, Map<String, Long>>> providers = new HashMap<>();
        /** start month → trajectories and their cost (product groups only). */
        final Map<Place, TreeMap<Integer, Contributions.TrajectoryCost>> trajectoryCosts = new HashMap<>();
        /** year → clients in a composite package (market groups only). */
        final Map<Place, TreeMap<Integer, Long>> composite = new HashMap<>();
        /** year → other market group → clients combined with it. */
        final Map<Place, TreeMap<Integer, Map<String, Long>>> combined = new HashMap<>();
        /** year → providers summed over clients, and clients with two or more (product groups only). */
        final Map<Place, TreeMap<Integer, Contributions.ProviderSpread>> spread = new HashMap<>();

        private UnitSums(Collector.Kept kept, Areas areas, Censoring censoring) {
            this.censoring = censoring;
            this.areas = areas;
            for (Placed<Contributions.MonthCount> c : kept.months) {
                for (Place p : placesOf(c.place())) {
                    months.computeIfAbsent(p, x -> new TreeMap<>()).merge(c.value().month(), c.value(), FlowSums::plus);
                }
            }
            for (Placed<Contributions.YearCount> c : kept.years) {
                for (Place p : placesOf(c.place())) {
                    years.computeIfAbsent(p, x -> new TreeMap<>()).merge(c.value().year(), c.value(), FlowSums::plus);
                }
            }
            for (Placed<Contributions.ProviderCost> c : kept.providers) {
                for (Place p : placesOf(c.place())) {
                    providers.computeIfAbsent(p, x -> new TreeMap<>()).computeIfAbsent(c.value().year(), x -> new HashMap<>())
                            .merge(c.value().provider(), c.value().cents(), Long::sum);
                }
            }
            for (Placed<Contributions.TrajectoryCost> c : kept.trajectoryCosts) {
                for (Place p : placesOf(c.place())) {
                    trajectoryCosts.computeIfAbsent(p, x -> new TreeMap<>()).merge(c.value().startMonth(), c.value(),
                            (a, b) -> new Contributions.TrajectoryCost(a.startMonth(), a.trajectories() + b.trajectories(),
                                    a.cents() + b.cents()));
                }
            }
            for (Placed<Contributions.CompositeClients> c : kept.composite) {
                for (Place p : placesOf(c.place())) {
                    composite.computeIfAbsent(p, x -> new TreeMap<>()).merge(c.value().year(), c.value().clients(), Long::sum);
                }
            }
            for (Placed<Contributions.CombinedClients> c : kept.combined) {
                for (Place p : placesOf(c.place())) {
                    combined.computeIfAbsent(p, x -> new TreeMap<>()).computeIfAbsent(c.value().year(), x -> new HashMap<>())
                            .merge(c.value().otherGroup(), c.value().clients(), Long::sum);
                }
            }
            for (Placed<Contributions.ProviderSpread> c : kept.spread) {
                for (Place p : placesOf(c.place())) {
                    spread.computeIfAbsent(p, x -> new TreeMap<>()).merge(c.value().year(), c.value(),
                            (a, b) -> new Contributions.ProviderSpread(a.year(), a.providers() + b.providers(),
                                    a.changeClients() + b.changeClients()));
                }
            }
            addTrajectories(kept.trajectories);
        }

        /** The areas a contribution counts in: a municipality's own three, or the one area of a correction. */
        private List<Place> placesOf(Place p) {
            if (p.level() != AreaLevel.MUNICIPALITY) return List.of(p);
            List<Place> out = new ArrayList<>(3);
            for (Area a : areas.of(p.area())) out.add(p.in(a));
            return out;
        }

        /** A month's inflow: its known starts, or null when starts cannot be known in it. */
        Long inflow(Place p, int month) {
            if (!censoring.startKnown(month)) return null;
            TreeMap<Integer, Starts> cells = starts.get(p);
            Starts s = cells == null ? null : cells.get(month);
            return s == null ? 0L : s.trajectories();
        }

        /** A month's outflow: its known ends, or null when ends cannot be known in it. */
        Long outflow(Place p, int month) {
            if (!censoring.endKnown(month)) return null;
            TreeMap<Integer, Ends> cells = ends.get(p);
            Ends e = cells == null ? null : cells.get(month);
            return e == null ? 0L : e.trajectories();
        }

        /** The known starts of the months of a year. */
        Starts startsIn(Place p, int year) {
            Starts sum = Starts.NONE;
            TreeMap<Integer, Starts> cells = starts.get(p);
            if (cells != null) for (Starts s : year(cells, year).values()) sum = sum.plus(s);
            return sum;
        }

        /** The known ends of the months of a year. */
        Ends endsIn(Place p, int year) {
            Ends sum = Ends.NONE;
            TreeMap<Integer, Ends> cells = ends.get(p);
            if (cells != null) for (Ends e : year(cells, year).values()) sum = sum.plus(e);
            return sum;
        }

        private static <V> Map<Integer, V> year(TreeMap<Integer, V> byMonth, int year) {
            return byMonth.subMap(Months.firstOf(year), true, Months.lastOf(year), true);
        }

        /**
         * Trajectory sums are most of all sums (one per municipality, unit, start and end month), so
         * they skip the maps: sorted by unit and municipality, each unit's are summed in arrays over the
         * months per municipality and per subregion and region, and only those sums become cells.
         */
        private void addTrajectories(List<Placed<Contributions.TrajectorySpan>> trajectories) {
            if (trajectories.isEmpty()) return;
            int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
            for (Placed<Contributions.TrajectorySpan> t : trajectories) {
                first = Math.min(first, t.value().startMonth());
                last = Math.max(last, t.value().endMonth());
            }
            TrajectorySums.Span span = new TrajectorySums.Span(first, last);
            trajectories.sort(Comparator.comparing((Placed<Contributions.TrajectorySpan> t) -> t.place().unit())
                    .thenComparing(t -> t.place().area()));
            Map<Place, TrajectorySums> sums = new LinkedHashMap<>();
            for (int i = 0; i < trajectories.size(); i++) {
                Placed<Contributions.TrajectorySpan> t = trajectories.get(i);
                for (Place p : placesOf(t.place())) {
                    sums.computeIfAbsent(p, k -> new TrajectorySums(span, censoring)).add(t.value());
                }
                Placed<Contributions.TrajectorySpan> next = i + 1 < trajectories.size() ? trajectories.get(i + 1) : null;
                boolean unitEnds = next == null || !next.place().unit().equals(t.place().unit());
                if (unitEnds || !next.place().area().equals(t.place().area())) {
                    // A municipality is complete when its run ends, a subregion and region when the unit's does.
                    TrajectorySums own = sums.remove(t.place());
                    if (own != null) own.addTo(this, t.place());
                    if (unitEnds) {
                        sums.forEach((p, s) -> s.addTo(this, p));
                        sums.clear();
                    }
                }
            }
        }
    }

    private static Contributions.MonthCount plus(Contributions.MonthCount a, Contributions.MonthCount b) {
        return new Contributions.MonthCount(a.month(), a.clients() + b.clients(), a.cents() + b.cents());
    }

    private static Contributions.YearCount plus(Contributions.YearCount a, Contributions.YearCount b) {
        return new Contributions.YearCount(a.year(), a.uniqueClients() + b.uniqueClients(),
                a.clientMonths() + b.clientMonths(), a.cents() + b.cents());
    }

    /** The trajectory counts of one place, dense over the months of the unit type's trajectories. */
    private static final class TrajectorySums {
        record Span(int first, int last) {
            int months() {
                return last - first + 1;
            }

            int years() {
                return Months.yearOf(last) - Months.yearOf(first) + 1;
            }
        }

        private final Span span;
        private final Censoring censoring;
        /** Per start month, of the trajectories whose start is known. */
        private final long[] startTrajectories, startViaLocalTeam, startReferrerUnknown;
        /** Per end month, of the trajectories whose end is known. */
        private final long[] endTrajectories, endStartKnown, endStartKnownMonths;
        /** Per start year and duration ({@link #survivalSlot}), of the trajectories whose start is known. */
        private final long[] events, censored;

        TrajectorySums(Span span, Censoring censoring) {
            this.span = span;
            this.censoring = censoring;
            startTrajectories = new long[span.months()];
            startViaLocalTeam = new long[span.months()];
            startReferrerUnknown = new long[span.months()];
            endTrajectories = new long[span.months()];
            endStartKnown = new long[span.months()];
            endStartKnownMonths = new long[span.months()];
            events = new long[span.years() * (span.months() + 1)];
            censored = new long[span.years() * (span.months() + 1)];
        }

        private int survivalSlot(int yearIndex, int duration) {
            return yearIndex * (span.months() + 1) + duration;
        }

        void add(Contributions.TrajectorySpan t) {
            boolean startKnown = censoring.startKnown(t.startMonth()), endKnown = censoring.endKnown(t.endMonth());
            int duration = t.durationMonths();
            if (startKnown) {
                int s = t.startMonth() - span.first();
                startTrajectories[s] += t.trajectories();
                startViaLocalTeam[s] += t.viaLocalTeam();
                startReferrerUnknown[s] += t.referrerUnknown();
                int at = survivalSlot(Months.yearOf(t.startMonth()) - Months.yearOf(span.first()), duration);
                (endKnown ? events : censored)[at] += t.trajectories();
            }
            if (endKnown) {
                int e = t.endMonth() - span.first();
                endTrajectories[e] += t.trajectories();
                if (startKnown) {
                    endStartKnown[e] += t.trajectories();
                    endStartKnownMonths[e] += t.trajectories() * duration;
                }
            }
        }

        /** The non-empty sums as the unit's cells; every trajectory counts one, so a cell is empty only when zero. */
        void addTo(UnitSums u, Place p) {
            for (int i = 0; i < span.months(); i++) {
                int month = span.first() + i;
                if (startTrajectories[i] != 0) {
                    u.starts.computeIfAbsent(p, x -> new TreeMap<>()).merge(month,
                            new Starts(startTrajectories[i], startViaLocalTeam[i], startReferrerUnknown[i]), Starts::plus);
                }
                if (endTrajectories[i] != 0) {
                    u.ends.computeIfAbsent(p, x -> new TreeMap<>()).merge(month,
                            new Ends(endTrajectories[i], endStartKnown[i], endStartKnownMonths[i]), Ends::plus);
                }
            }
            int firstYear = Months.yearOf(span.first());
            for (int y = 0; y < span.years(); y++) {
                for (int d = 1; d <= span.months(); d++) {
                    int at = survivalSlot(y, d);
                    if (events[at] == 0 && censored[at] == 0) continue;
                    u.survival.computeIfAbsent(p, x -> new TreeMap<>()).computeIfAbsent(firstYear + y, x -> new TreeMap<>())
                            .merge(d, new KaplanMeier.Counts(events[at], censored[at]), KaplanMeier.Counts::plus);
                }
            }
        }
    }

    /** Entries by {@link #ORDER}. */
    static <V> List<Map.Entry<Place, V>> sorted(Map<Place, V> map) {
        List<Map.Entry<Place, V>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Map.Entry.comparingByKey(ORDER));
        return entries;
    }

    /** Start year → duration → counts, pooled over the start years. */
    static TreeMap<Integer, KaplanMeier.Counts> pooled(TreeMap<Integer, TreeMap<Integer, KaplanMeier.Counts>> byYear) {
        TreeMap<Integer, KaplanMeier.Counts> out = new TreeMap<>();
        byYear.values().forEach(durations -> durations.forEach((d, c) -> out.merge(d, c, KaplanMeier.Counts::plus)));
        return out;
    }
}
