package nl.voorkant.flow.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.voorkant.flow.model.Areas;
import nl.voorkant.flow.model.Contributions.CombinedClients;
import nl.voorkant.flow.model.Contributions.CompositeClients;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Contributions.ProviderCost;
import nl.voorkant.flow.model.Contributions.ProviderSpread;
import nl.voorkant.flow.model.Contributions.TrajectoryCost;
import nl.voorkant.flow.model.Contributions.TrajectorySpan;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.Contributions;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.ingest.Reference;

/**
 * The only place where contributions become numbers and numbers contributions again. A partition
 * adds tens of millions of counts into a million keys, so its sums live in flat arrays
 * ({@link PairSums}) rather than a map of objects, and travel as arrays of longs ({@link Partial}).
 *
 * <p>A contribution's sums are kept under two longs and three sums: the {@code key} packs its kind and its
 * place (unit type, level, and unit and area as their number here, which follows their names' order, so
 * that keys sort as the names do), the {@code periods} its one or two periods (or a period and the number
 * of a combined client's other group, or of a provider cost's provider), and the three sums' meaning per
 * kind is what {@link Encoder} and {@link Decoder} share.
 */
final class PackedCodec implements Serializable {
    /** At most eight: the kind takes a key's top four bits, and keys are non-negative ({@link PairSums}). */
    private enum Kind { MONTH, YEAR, TRAJECTORY, PROVIDER, TRAJECTORY_COST, COMPOSITE, COMBINED, PROVIDER_SPREAD }

    private static final Kind[] KINDS = Kind.values();
    private static final AreaLevel[] LEVELS = AreaLevel.values();
    private static final List<UnitType> UNIT_TYPES = List.of(UnitType.values());
    private static final int KIND_SHIFT = 60, UNIT_TYPE_SHIFT = 58, LEVEL_SHIFT = 56, UNIT_SHIFT = 28;
    private static final long TWO_BITS = 3, CODE_BITS = 0xFFFFFFF;

    /** The areas and units a run can meet, numbered: the reference's areas, groups and products. */
    private final List<String> areas, units;
    private final HashMap<String, Integer> areaIndex, unitIndex;

    private PackedCodec(List<String> areas, List<String> units) {
        this.areas = areas;
        this.units = units;
        this.areaIndex = indexOf(areas);
        this.unitIndex = indexOf(units);
    }

    static PackedCodec of(Areas areas, Reference reference) {
        TreeSet<String> u = new TreeSet<>();
        reference.products().values().forEach(p -> {
            u.add(p.code());
            u.add(p.group());
        });
        return new PackedCodec(List.copyOf(areas.codes()), List.copyOf(u));
    }

    private static HashMap<String, Integer> indexOf(List<String> values) {
        HashMap<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) index.put(values.get(i), i);
        return index;
    }

    private static int index(Map<String, Integer> index, String value) {
        Integer i = index.get(value);
        if (i == null) throw new IllegalStateException("an area or unit that is not in the reference");
        return i;
    }

    /** A place's bits of a key, from its unit's and area's numbers. */
    private static long pack(Place p, int unit, int area) {
        return (long) UNIT_TYPES.indexOf(p.unitType()) << UNIT_TYPE_SHIFT | (long) p.level().ordinal() << LEVEL_SHIFT
                | (long) unit << UNIT_SHIFT | area;
    }

    private static long key(Kind kind, long place) {
        return (long) kind.ordinal() << KIND_SHIFT | place;
    }

    private static long periods(int first, int second) {
        return (long) first << 32 | (second & 0xFFFFFFFFL);
    }

    private Place unpack(long key) {
        return new Place(UNIT_TYPES.get((int) (key >>> UNIT_TYPE_SHIFT & TWO_BITS)), areas.get((int) (key & CODE_BITS)),
                LEVELS[(int) (key >>> LEVEL_SHIFT & TWO_BITS)], units.get((int) (key >>> UNIT_SHIFT & CODE_BITS)));
    }

    private static Kind kindOf(long key) {
        return KINDS[(int) (key >>> KIND_SHIFT)];
    }

    Encoder encoder() {
        return new Encoder(this);
    }

    /**
     * Summed contributions of some keys, as they travel from a partition's fold to the merge of all
     * partitions' sums and from there to the driver: five longs an entry (key, periods, three sums), in
     * key order, and the names of the providers that the periods of provider costs number.
     */
    static final class Partial implements Serializable {
        private static final int WIDTH = 5;
        final long[] entries;
        final String[] providers;

        Partial(long[] entries, String[] providers) {
            this.entries = entries;
            this.providers = providers;
        }

        int size() {
            return entries.length / WIDTH;
        }
    }

    /**
     * Contributions, or other partials, summed per key. Each kind's fields take the three sums in the
     * order {@link Decoder} reads them back.
     */
    static final class Encoder implements Contributions {
        private final PackedCodec codec;
        private final PairSums sums = new PairSums();
        /**
         * A provider cost's periods hold the year and the provider's number here: flat arrays too, not a
         * record per cost in a map (measured: a tenth of the fold).
         */
        private final Map<String, Integer> providerNumbers = new HashMap<>();
        private final List<String> providerNames = new ArrayList<>();
        /**
         * Units' and areas' numbers by their strings' identity: a partition has one String per code
         * ({@link CodeInterner}, {@link Areas}), and looking codes up by their text per contribution cost
         * more (measured: a twentieth of the fold, in colliding hash bins of codes that differ in a digit).
         */
        private final IdentityHashMap<String, Integer> unitNumbers = new IdentityHashMap<>(),
                areaNumbers = new IdentityHashMap<>();
        /** The last place packed: one cell's contributions come one after another. */
        private Place place;
        private long placeBits;

        private Encoder(PackedCodec codec) {
            this.codec = codec;
        }

        private long key(Kind kind, Place p) {
            if (p != place) {
                placeBits = pack(p, number(unitNumbers, codec.unitIndex, p.unit()),
                        number(areaNumbers, codec.areaIndex, p.area()));
                place = p;
            }
            return PackedCodec.key(kind, placeBits);
        }

        private static int number(IdentityHashMap<String, Integer> known, Map<String, Integer> index, String code) {
            Integer n = known.get(code);
            if (n == null) known.put(code, n = index(index, code));
            return n;
        }

        private int providerNumber(String provider) {
            return providerNumbers.computeIfAbsent(provider, name -> {
                providerNames.add(name);
                return providerNames.size() - 1;
            });
        }

        @Override
        public void add(Place p, MonthCount c) {
            sums.add(key(Kind.MONTH, p), periods(c.month(), 0), c.clients(), 0, c.cents());
        }

        @Override
        public void add(Place p, YearCount c) {
            sums.add(key(Kind.YEAR, p), periods(c.year(), 0), c.uniqueClients(), c.clientMonths(), c.cents());
        }

        @Override
        public void add(Place p, TrajectorySpan t) {
            sums.add(key(Kind.TRAJECTORY, p), periods(t.startMonth(), t.endMonth()), t.trajectories(), t.viaLocalTeam(),
                    t.referrerUnknown());
        }

        @Override
        public void add(Place p, ProviderCost c) {
            sums.add(key(Kind.PROVIDER, p), periods(c.year(), providerNumber(c.provider())), 0, 0, c.cents());
        }

        @Override
        public void add(Place p, TrajectoryCost c) {
            sums.add(key(Kind.TRAJECTORY_COST, p), periods(c.startMonth(), 0), c.trajectories(), 0, c.cents());
        }

        @Override
        public void add(Place p, CompositeClients c) {
            sums.add(key(Kind.COMPOSITE, p), periods(c.year(), 0), c.clients(), 0, 0);
        }

        @Override
        public void add(Place p, CombinedClients c) {
            sums.add(key(Kind.COMBINED, p), periods(c.year(), number(unitNumbers, codec.unitIndex, c.otherGroup())), c.clients(), 0, 0);
        }

        @Override
        public void add(Place p, ProviderSpread s) {
            sums.add(key(Kind.PROVIDER_SPREAD, p), periods(s.year(), 0), s.providers(), s.changeClients(), 0);
        }

        /** Adds another partition's sums; its providers are numbered here as they come. */
        void add(Partial p) {
            long[] e = p.entries;
            for (int i = 0; i < e.length; i += Partial.WIDTH) {
                long periods = e[i + 1];
                if (kindOf(e[i]) == Kind.PROVIDER) {
                    periods = periods((int) (periods >>> 32), providerNumber(p.providers[(int) periods]));
                }
                sums.add(e[i], periods, e[i + 2], e[i + 3], e[i + 4]);
            }
        }

        int size() {
            return sums.size();
        }

        /**
         * The sums in {@code buckets} partials, a key's in bucket {@link #bucket}: all of a place's keys in
         * one, so that a merge of the partitions' sums needs only one bucket of each.
         */
        List<Partial> partials(int buckets) {
            int[] counts = new int[buckets];
            sums.forEach((k, ab, first, second, third) -> counts[bucket(k, buckets)]++);
            long[][] entries = new long[buckets][];
            for (int b = 0; b < buckets; b++) entries[b] = new long[counts[b] * Partial.WIDTH];
            int[] filled = new int[buckets];
            sums.forEach((k, ab, first, second, third) -> {
                int b = bucket(k, buckets), at = filled[b]++ * Partial.WIDTH;
                long[] e = entries[b];
                e[at] = k;
                e[at + 1] = ab;
                e[at + 2] = first;
                e[at + 3] = second;
                e[at + 4] = third;
            });
            String[] providers = providerNames.toArray(new String[0]);
            List<Partial> out = new ArrayList<>(buckets);
            for (long[] e : entries) out.add(new Partial(e, providers));
            return out;
        }

        /** All the sums in one partial, in key order: keys sort as the names do, so the driver's sort of trajectory sums merges a few runs. */
        Partial sorted() {
            return new Partial(sortedByKey(partials(1).get(0).entries), providerNames.toArray(new String[0]));
        }

        /** A bucket of keys; all of one place in the same. */
        static int bucket(long key, int buckets) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 33) % buckets;
        }

        /**
         * Entries ordered by key (and in slot order within one): ranked among the distinct keys, a few
         * per place, then placed by a counting sort. Sorting boxed indices by their key cost as much as
         * the merge itself.
         */
        private static long[] sortedByKey(long[] entries) {
            int n = entries.length / Partial.WIDTH;
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = entries[i * Partial.WIDTH];
            Arrays.sort(keys);
            int distinct = 0;
            for (int i = 0; i < n; i++) if (i == 0 || keys[i] != keys[distinct - 1]) keys[distinct++] = keys[i];
            int[] rank = new int[n], next = new int[distinct + 1];
            for (int i = 0; i < n; i++) next[(rank[i] = Arrays.binarySearch(keys, 0, distinct, entries[i * Partial.WIDTH])) + 1]++;
            for (int r = 0; r < distinct; r++) next[r + 1] += next[r];
            long[] sorted = new long[entries.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(entries, i * Partial.WIDTH, sorted, next[rank[i]]++ * Partial.WIDTH, Partial.WIDTH);
            }
            return sorted;
        }
    }

    Decoder decoder() {
        return new Decoder(this);
    }

    /** Partials, summed over partitions, back as the contributions they sum. */
    static final class Decoder {
        private static final long PLACE_BITS = (1L << KIND_SHIFT) - 1;

        private final PackedCodec codec;
        /** The last place unpacked: entries come sorted by key, and a place's one after another. */
        private long placeBits = -1;
        private Place place;

        private Decoder(PackedCodec codec) {
            this.codec = codec;
        }

        void decode(Partial p, Contributions to) {
            long[] e = p.entries;
            for (int i = 0; i < e.length; i += Partial.WIDTH) decode(e[i], e[i + 1], e[i + 2], e[i + 3], e[i + 4], p.providers, to);
        }

        private void decode(long key, long periods, long s1, long s2, long s3, String[] providers, Contributions to) {
            int first = (int) (periods >>> 32), second = (int) periods;
            if ((key & PLACE_BITS) != placeBits) {
                placeBits = key & PLACE_BITS;
                place = codec.unpack(placeBits);
            }
            switch (kindOf(key)) {
                case MONTH -> to.add(place, new MonthCount(first, s1, s3));
                case YEAR -> to.add(place, new YearCount(first, s1, s2, s3));
                case TRAJECTORY -> to.add(place, new TrajectorySpan(first, second, s1, s2, s3));
                case PROVIDER -> to.add(place, new ProviderCost(first, providers[second], s3));
                case TRAJECTORY_COST -> to.add(place, new TrajectoryCost(first, s1, s3));
                case COMPOSITE -> to.add(place, new CompositeClients(first, s1));
                case COMBINED -> to.add(place, new CombinedClients(first, codec.units.get(second), s1));
                case PROVIDER_SPREAD -> to.add(place, new ProviderSpread(first, s1, s2));
            }
        }
    }
}
