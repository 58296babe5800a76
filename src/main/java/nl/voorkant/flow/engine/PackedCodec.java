package nl.voorkant.flow.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The only place where contributions become numbers and numbers contributions again. A partition
 * adds tens of millions of counts into a million keys, so its sums live in flat arrays
 * ({@link PairSums}) rather than a map of objects, and Spark aggregates fixed-width keys.
 *
 * <p>A contribution travels as a row of {@link #SCHEMA}: {@code key} packs its kind and its place
 * (unit type, level, and unit and area as their number here, which follows their names' order, so
 * that keys sort as the names do), {@code periods} its one or two periods (or a period and the number of
 * a combined client's other group), {@code provider} a provider cost's provider, and three sums whose
 * meaning per kind {@link Encoder} and {@link Decoder} share.
 */
final class PackedCodec implements Serializable {
    /** At most eight: the kind takes a key's top four bits, and keys are non-negative ({@link PairSums}). */
    private enum Kind { MONTH, YEAR, TRAJECTORY, PROVIDER, TRAJECTORY_COST, COMPOSITE, COMBINED, PROVIDER_SPREAD }

    private static final Kind[] KINDS = Kind.values();
    private static final AreaLevel[] LEVELS = AreaLevel.values();
    private static final List<UnitType> UNIT_TYPES = List.of(UnitType.values());
    private static final int KIND_SHIFT = 60, UNIT_TYPE_SHIFT = 58, LEVEL_SHIFT = 56, UNIT_SHIFT = 28;
    private static final long TWO_BITS = 3, CODE_BITS = 0xFFFFFFF;

    static final String KEY = "key", PERIODS = "periods", PROVIDER = "provider";
    static final String[] SUMS = {"first", "second", "third"};

    static final StructType SCHEMA = new StructType()
            .add(KEY, DataTypes.LongType, false)
            .add(PERIODS, DataTypes.LongType, false)
            .add(PROVIDER, DataTypes.StringType, true)
            .add(SUMS[0], DataTypes.LongType, false)
            .add(SUMS[1], DataTypes.LongType, false)
            .add(SUMS[2], DataTypes.LongType, false);

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

    /** A place's bits of a key. */
    private long pack(Place p) {
        return (long) UNIT_TYPES.indexOf(p.unitType()) << UNIT_TYPE_SHIFT | (long) p.level().ordinal() << LEVEL_SHIFT
                | (long) index(unitIndex, p.unit()) << UNIT_SHIFT | index(areaIndex, p.area());
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

    Encoder encoder() {
        return new Encoder(this);
    }

    /**
     * One partition's contributions, summed per key. Each kind's fields take the three sums in the
     * order {@link Decoder} reads them back.
     */
    static final class Encoder implements Contributions {
        private final PackedCodec codec;
        private final PairSums sums = new PairSums();
        /**
         * Provider costs, keyed by the period's second half holding the provider's number in this
         * partition: flat arrays too, not a record per cost in a map (measured: a tenth of the fold).
         */
        private final PairSums providerSums = new PairSums();
        private final Map<String, Integer> providerNumbers = new HashMap<>();
        private final List<String> providerNames = new ArrayList<>();
        /** The last place packed: one cell's contributions come one after another. */
        private Place place;
        private long placeBits;

        private Encoder(PackedCodec codec) {
            this.codec = codec;
        }

        private long key(Kind kind, Place p) {
            if (p != place) {
                placeBits = codec.pack(p);
                place = p;
            }
            return PackedCodec.key(kind, placeBits);
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
            int provider = providerNumbers.computeIfAbsent(c.provider(), name -> {
                providerNames.add(name);
                return providerNames.size() - 1;
            });
            providerSums.add(key(Kind.PROVIDER, p), periods(c.year(), provider), 0, 0, c.cents());
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
            sums.add(key(Kind.COMBINED, p), periods(c.year(), index(codec.unitIndex, c.otherGroup())), c.clients(), 0, 0);
        }

        @Override
        public void add(Place p, ProviderSpread s) {
            sums.add(key(Kind.PROVIDER_SPREAD, p), periods(s.year(), 0), s.providers(), s.changeClients(), 0);
        }

        int size() {
            return sums.size() + providerSums.size();
        }

        /** The sums as rows of {@link #SCHEMA}. */
        List<Row> rows() {
            List<Row> rows = new ArrayList<>(size());
            sums.forEach((k, ab, first, second, third) -> rows.add(RowFactory.create(k, ab, null, first, second, third)));
            providerSums.forEach((k, ab, first, second, cents) -> rows.add(RowFactory.create(k, periods((int) (ab >>> 32), 0),
                    providerNames.get((int) ab), 0L, 0L, cents)));
            return rows;
        }
    }

    Decoder decoder() {
        return new Decoder(this);
    }

    /** Rows of {@link #SCHEMA}, summed over partitions, back as the contributions they sum. */
    static final class Decoder {
        private static final long PLACE_BITS = (1L << KIND_SHIFT) - 1;

        private final PackedCodec codec;
        /** The last place unpacked: rows come sorted by key, and a place's rows one after another. */
        private long placeBits = -1;
        private Place place;

        private Decoder(PackedCodec codec) {
            this.codec = codec;
        }

        void decode(Row r, Contributions to) {
            long key = r.getLong(0), periods = r.getLong(1);
            int first = (int) (periods >>> 32), second = (int) periods;
            if ((key & PLACE_BITS) != placeBits) {
                placeBits = key & PLACE_BITS;
                place = codec.unpack(placeBits);
            }
            switch (KINDS[(int) (key >>> KIND_SHIFT)]) {
                case MONTH -> to.add(place, new MonthCount(first, r.getLong(3), r.getLong(5)));
                case YEAR -> to.add(place, new YearCount(first, r.getLong(3), r.getLong(4), r.getLong(5)));
                case TRAJECTORY -> to.add(place, new TrajectorySpan(first, second, r.getLong(3), r.getLong(4), r.getLong(5)));
                case PROVIDER -> to.add(place, new ProviderCost(first, r.getString(2), r.getLong(5)));
                case TRAJECTORY_COST -> to.add(place, new TrajectoryCost(first, r.getLong(3), r.getLong(5)));
                case COMPOSITE -> to.add(place, new CompositeClients(first, r.getLong(3)));
                case COMBINED -> to.add(place, new CombinedClients(first, codec.units.get(second), r.getLong(3)));
                case PROVIDER_SPREAD -> to.add(place, new ProviderSpread(first, r.getLong(3), r.getLong(4)));
            }
        }
    }
}
