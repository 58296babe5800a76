package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import nl.voorkant.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The textbook example: Freireich's 6-MP remission times (Kleinbaum & Klein, ch. 2; R's survfit with
 * conf.type = "log-log" prints the same): 21 patients, events at 6 (3), 7, 10, 13, 16, 22, 23.
 */
class KaplanMeierTest {
    static final int[][] SIX_MP = { // duration, events, censored
        {6, 3, 1}, {7, 1, 0}, {9, 0, 1}, {10, 1, 1}, {11, 0, 1}, {13, 1, 0}, {16, 1, 0}, {17, 0, 1}, {19, 0, 1},
        {20, 0, 1}, {22, 1, 0}, {23, 1, 0}, {25, 0, 1}, {32, 0, 2}, {34, 0, 1}, {35, 0, 1}};

    Dataset<Row> counts() {
        List<Row> rows = new ArrayList<>();
        for (int[] r : SIX_MP) rows.add(RowFactory.create("6-MP", r[0], (long) r[1], (long) r[2]));
        StructType schema = new StructType().add("arm", DataTypes.StringType).add("duration_months", DataTypes.IntegerType)
                .add("events", DataTypes.LongType).add("censored", DataTypes.LongType);
        return SharedSpark.session().createDataFrame(rows, schema);
    }

    @Test
    void survivalAndLogLogBandsMatchTheTextbook() {
        List<Row> curve = KaplanMeier.curves(counts(), "arm").orderBy("duration_months").collectAsList();
        Row t6 = curve.get(0);
        assertEquals(21L, t6.<Long>getAs("at_risk"));
        assertEquals(18.0 / 21, t6.<Double>getAs("survival"), 1e-12);
        assertEquals(0.6197, t6.<Double>getAs("lower95"), 1e-4);
        assertEquals(0.9516, t6.<Double>getAs("upper95"), 1e-4);
        Row t23 = curve.stream().filter(r -> r.<Integer>getAs("duration_months") == 23).findFirst().orElseThrow();
        assertEquals(6L, t23.<Long>getAs("at_risk"));
        assertEquals(0.448179, t23.<Double>getAs("survival"), 1e-6);
        assertEquals(0.1881, t23.<Double>getAs("lower95"), 1e-4);
        assertEquals(0.6801, t23.<Double>getAs("upper95"), 1e-4);
    }

    @Test
    void medianRestrictedMeanAndNaiveMean() {
        Row s = KaplanMeier.summaries(KaplanMeier.curves(counts(), "arm"), "arm").first();
        assertEquals(23, s.<Integer>getAs("km_median_months"));
        // area under the curve to 35: 6 + .857 + 3(.807) + 3(.753) + 3(.690) + 6(.627) + .538 + 12(.448)
        assertEquals(23.2874, s.<Double>getAs("km_restricted_mean_months"), 1e-4);
        assertEquals(35, s.<Integer>getAs("restricted_to_months"));
        assertEquals(21L, s.<Long>getAs("trajectories"));
        assertEquals(9L, s.<Long>getAs("closed"));
        // the naive mean of the 9 closed ones ignores the 12 still in remission: far too short
        assertEquals((6 * 3 + 7 + 10 + 13 + 16 + 22 + 23) / 9.0, s.<Double>getAs("naive_mean_closed_months"), 1e-9);
    }

    @Test
    void aCurveWhereNobodyFallsHasNoMedian() {
        List<Row> rows = List.of(RowFactory.create("x", 3, 0L, 4L));
        StructType schema = new StructType().add("arm", DataTypes.StringType).add("duration_months", DataTypes.IntegerType)
                .add("events", DataTypes.LongType).add("censored", DataTypes.LongType);
        Row s = KaplanMeier.summaries(KaplanMeier.curves(SharedSpark.session().createDataFrame(rows, schema), "arm"), "arm")
                .first();
        assertNull(s.getAs("km_median_months"));
        assertNull(s.getAs("naive_mean_closed_months"));
        assertEquals(3.0, s.<Double>getAs("km_restricted_mean_months"), 1e-12);
    }
}
