package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.voorkant.ingest.Reference;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Additive partial counts of the flow tables, combined per key: what one partition of clients
 * contributes, so that only these small rows travel to the final aggregation.
 *
 * <ul>
 *   <li>{@code M} month: (area, unit, month) → n active clients, cents (product groups only);</li>
 *   <li>{@code Y} year: (area, unit, year) → n unique clients, m client-months, cents;</li>
 *   <li>{@code T} trajectory: (municipality, unit, a start month, b end month) → n trajectories, m of
 *       them entered via the local team;</li>
 *   <li>{@code P} provider: (municipality, product group, year, s provider) → cents.</li>
 * </ul>
 * Counts are per municipality; a client active in two municipalities of one subregion adds a
 * negative correction at the subregion, so that summing municipalities gives distinct clients.
 *
 * <p>A key travels as two numbers (and, for {@code P}, the provider code): {@code k} packs kind,
 * unit type, level, unit and area (the last two as their number in {@link Codes}, which follows
 * their names' order, so that keys sort as the names do), {@code ab} the two periods. A partition adds tens of millions of counts into a million keys, so the sums live
 * in flat arrays rather than a map of objects, and Spark aggregates fixed-width keys.
 */
final class Partials {
    static final String MONTH = "M", YEAR = "Y", TRAJECTORY = "T", PROVIDER = "P";
    private static final List<String> KINDS = List.of(MONTH, YEAR, TRAJECTORY, PROVIDER);
    private static final List<String> LEVELS = List.of(ClientFlows.MUNICIPALITY, "subregion", "region");
    /** The unit types in name order, like the areas and units in {@link Codes}: keys sort as the names do. */
    private static final List<String> UNIT_TYPES = ClientFlows.UNIT_TYPES.stream().sorted().toList();

    static final StructType SCHEMA = new StructType()
            .add("k", DataTypes.LongType, false)
            .add("ab", DataTypes.LongType, false)
            .add("s", DataTypes.StringType, true)
            .add("n", DataTypes.LongType, false)
            .add("m", DataTypes.LongType, false)
            .add("cents", DataTypes.LongType, false);

    /** The areas and units a run can meet, numbered: the reference's areas, groups and products. */
    record Codes(List<String> areas, List<String> units, Map<String, Integer> areaIndex, Map<String, Integer> unitIndex)
            implements java.io.Serializable {
        /** @param areas per municipality code the areas it counts in, as from {@link FlowMetrics#areas} */
        static Codes of(Map<String, List<String[]>> areas, Reference reference) {
            TreeSet<String> a = new TreeSet<>(), u = new TreeSet<>();
            areas.values().forEach(list -> list.forEach(area -> a.add(area[0])));
            reference.products().values().forEach(p -> {
                u.add(p.code());
                u.add(p.group());
            });
            return new Codes(List.copyOf(a), List.copyOf(u), indexOf(List.copyOf(a)), indexOf(List.copyOf(u)));
        }

        private static Map<String, Integer> indexOf(List<String> values) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < values.size(); i++) index.put(values.get(i), i);
            return index;
        }

        long key(String kind, String unitType, int area, String level, int unit) {
            return (long) KINDS.indexOf(kind) << 60 | (long) UNIT_TYPES.indexOf(unitType) << 58
                    | (long) LEVELS.indexOf(level) << 56 | (long) unit << 28 | area;
        }

        private static int index(Map<String, Integer> index, String value) {
            Integer i = index.get(value);
            if (i == null) throw new IllegalStateException("not in the reference: " + value);
            return i;
        }

        FlowTables.Partial partial(long k, long ab, String s, long n, long m, long cents) {
            return new FlowTables.Partial(KINDS.get((int) (k >>> 60)), UNIT_TYPES.get((int) (k >>> 58) & 3),
                    areas.get((int) k & 0xFFFFFFF), LEVELS.get((int) (k >>> 56) & 3),
                    units.get((int) (k >>> 28) & 0xFFFFFFF), (int) (ab >>> 32), (int) ab, s == null ? "" : s, n, m, cents);
        }
    }

    private record ProviderKey(long k, long ab, String provider) {
        /** The record's own hash combines the numbers' halves, and keys that differ only in their bits collide in bulk. */
        @Override
        public int hashCode() {
            long h = (k * 0x9E3779B97F4A7C15L + ab) * 0xBF58476D1CE4E5B9L;
            return (int) (h ^ h >>> 32) * 31 + provider.hashCode();
        }
    }

    private final Codes codes;
    private final PairSums sums = new PairSums();
    private final Map<ProviderKey, long[]> providers = new HashMap<>();
    /** The last area and unit looked up, with their numbers: one client's adds repeat them. */
    private String area = "", unit = "";
    private int areaIndex = -1, unitIndex = -1;

    Partials(Codes codes) {
        this.codes = codes;
    }

    void add(String kind, String unitType, String area, String level, String unit, int a, int b, String s,
             long n, long m, long cents) {
        if (!area.equals(this.area)) {
            areaIndex = Codes.index(codes.areaIndex(), area);
            this.area = area;
        }
        if (!unit.equals(this.unit)) {
            unitIndex = Codes.index(codes.unitIndex(), unit);
            this.unit = unit;
        }
        long k = codes.key(kind, unitType, areaIndex, level, unitIndex);
        long ab = (long) a << 32 | (b & 0xFFFFFFFFL);
        if (kind.equals(PROVIDER)) {
            long[] v = providers.computeIfAbsent(new ProviderKey(k, ab, s), x -> new long[3]);
            v[0] += n;
            v[1] += m;
            v[2] += cents;
        } else {
            sums.add(k, ab, n, m, cents);
        }
    }

    int size() {
        return sums.size() + providers.size();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>(size());
        sums.forEach((k, ab, v, at) -> rows.add(RowFactory.create(k, ab, null, v[at], v[at + 1], v[at + 2])));
        providers.forEach((p, v) -> rows.add(RowFactory.create(p.k(), p.ab(), p.provider(), v[0], v[1], v[2])));
        return rows;
    }

    /** Three sums per key of two non-negative longs: open addressing with linear probing, no object per key. */
    static final class PairSums {
        private static final long EMPTY = -1;
        private long[] keys = emptyKeys(1 << 12);
        private long[] values = new long[3 << 12];
        private int size;

        private static long[] emptyKeys(int slots) {
            long[] k = new long[slots * 2];
            java.util.Arrays.fill(k, EMPTY);
            return k;
        }

        void add(long k, long ab, long n, long m, long cents) {
            if (k < 0 || ab < 0) throw new IllegalArgumentException("keys are non-negative");
            if (size * 4 >= slots() * 3) grow();
            int at = slot(keys, k, ab);
            if (keys[at * 2] == EMPTY) {
                keys[at * 2] = k;
                keys[at * 2 + 1] = ab;
                size++;
            }
            values[at * 3] += n;
            values[at * 3 + 1] += m;
            values[at * 3 + 2] += cents;
        }

        int size() {
            return size;
        }

        interface Entry {
            void accept(long k, long ab, long[] values, int at);
        }

        void forEach(Entry to) {
            for (int i = 0; i < slots(); i++) if (keys[i * 2] != EMPTY) to.accept(keys[i * 2], keys[i * 2 + 1], values, i * 3);
        }

        private int slots() {
            return keys.length / 2;
        }

        /** The slot holding (k, ab), or the empty slot where it belongs. */
        private static int slot(long[] keys, long k, long ab) {
            int mask = keys.length / 2 - 1;
            long h = k * 0x9E3779B97F4A7C15L + ab; // then SplitMix64's finaliser: linear probing needs well-mixed bits
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            int at = (int) (h ^ (h >>> 31)) & mask;
            while (keys[at * 2] != EMPTY && (keys[at * 2] != k || keys[at * 2 + 1] != ab)) at = (at + 1) & mask;
            return at;
        }

        private void grow() {
            long[] oldKeys = keys, oldValues = values;
            keys = emptyKeys(slots() * 2);
            values = new long[slots() * 3];
            for (int i = 0; i < oldKeys.length / 2; i++) {
                if (oldKeys[i * 2] == EMPTY) continue;
                int at = slot(keys, oldKeys[i * 2], oldKeys[i * 2 + 1]);
                keys[at * 2] = oldKeys[i * 2];
                keys[at * 2 + 1] = oldKeys[i * 2 + 1];
                System.arraycopy(oldValues, i * 3, values, at * 3, 3);
            }
        }
    }
}
