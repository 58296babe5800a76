package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
final class Partials {
    static final String MONTH = "M", YEAR = "Y", TRAJECTORY = "T", PROVIDER = "P";

    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("unit_type", DataTypes.StringType, false)
            .add("area", DataTypes.StringType, false)
            .add("area_level", DataTypes.StringType, false)
            .add("unit", DataTypes.StringType, false)
            .add("a", DataTypes.IntegerType, false)
            .add("b", DataTypes.IntegerType, false)
            .add("s", DataTypes.StringType, false)
            .add("n", DataTypes.LongType, false)
            .add("m", DataTypes.LongType, false)
            .add("cents", DataTypes.LongType, false);

    record Key(String kind, String unitType, String area, String level, String unit, int a, int b, String s) {
        /**
         * The record's own hash adds fields times 31, so (month, end month) pairs one apart in the
         * first and 31 apart in the second collide; a trajectory partition has thousands of those.
         */
        @Override
        public int hashCode() {
            long h = ((long) kind.hashCode() * 31 + unitType.hashCode()) * 31 + area.hashCode();
            h = (h * 31 + level.hashCode()) * 31 + unit.hashCode();
            h = h * 0x9E3779B97F4A7C15L + a;
            h = h * 0x9E3779B97F4A7C15L + b;
            h = h * 0x9E3779B97F4A7C15L + s.hashCode();
            return (int) (h ^ (h >>> 32));
        }
    }

    private final Map<Key, long[]> sums = new HashMap<>();

    void add(String kind, String unitType, String area, String level, String unit, int a, int b, String s,
             long n, long m, long cents) {
        long[] v = sums.computeIfAbsent(new Key(kind, unitType, area, level, unit, a, b, s), k -> new long[3]);
        v[0] += n;
        v[1] += m;
        v[2] += cents;
    }

    int size() {
        return sums.size();
    }


    List<Row> rows() {
        List<Row> rows = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> rows.add(RowFactory.create(k.kind(), k.unitType(), k.area(), k.level(), k.unit(), k.a(),
                k.b(), k.s(), v[0], v[1], v[2])));
        return rows;
    }
}
