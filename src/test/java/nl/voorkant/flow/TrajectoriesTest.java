package nl.voorkant.flow;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import nl.voorkant.testing.ClaimsBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TrajectoriesTest {
    static final int JAN_2019 = 2019 * 12;

    static List<Row> trajectories(ClaimsBuilder claims, int maxGap) {
        Dataset<Row> activity = MonthActivity.activity(MonthActivity.lineMonths(claims.build()), "product_group");
        Trajectories.DataMonths months = Trajectories.dataMonths(activity);
        return Trajectories.of(activity, "product_group", maxGap, months).orderBy("client_key", "start_month").collectAsList();
    }

    /** Client 9 pins the data to 2019-01 .. 2019-12, so the others sit clear of both edges. */
    static ClaimsBuilder withEdges() {
        return new ClaimsBuilder().month(9, "GM0505", "H300", "2019-01", 100, "02").month(9, "GM0505", "H300", "2019-12", 100, "02");
    }

    @Test
    void aGapOfOneMonthContinuesATrajectoryAndAGapOfTwoEndsIt() {
        List<Row> t = trajectories(withEdges()
                .month(1, "GM0482", "H300", "2019-04", 100, "01").month(1, "GM0482", "H300", "2019-06", 100, "01")
                .month(2, "GM0482", "H300", "2019-04", 100, "01").month(2, "GM0482", "H300", "2019-07", 100, "01"), 1);
        List<Row> one = t.stream().filter(r -> r.<Long>getAs("client_key") == 1).toList();
        List<Row> two = t.stream().filter(r -> r.<Long>getAs("client_key") == 2).toList();
        assertEquals(1, one.size());
        assertEquals(3, one.get(0).<Integer>getAs("duration_months"));
        assertEquals(2, two.size());
        assertEquals(List.of(1, 1), two.stream().map(r -> r.<Integer>getAs("duration_months")).toList());
    }

    @Test
    void withMaxGapZeroEveryMissingMonthEndsATrajectory() {
        List<Row> t = trajectories(withEdges()
                .month(1, "GM0482", "H300", "2019-04", 100, "01").month(1, "GM0482", "H300", "2019-06", 100, "01"), 0);
        assertEquals(2, t.stream().filter(r -> r.<Long>getAs("client_key") == 1).count());
    }

    @Test
    void switchingBetweenTwoProductsOfOneGroupIsOneTrajectory() {
        List<Row> t = trajectories(withEdges()
                .month(1, "GM0482", "H300", "2019-03", 100, "01").month(1, "GM0482", "H300", "2019-04", 100, "01")
                .month(1, "GM0482", "H153", "2019-05", 100, "02").month(1, "GM0482", "H153", "2019-06", 100, "02"), 1);
        List<Row> one = t.stream().filter(r -> r.<Long>getAs("client_key") == 1).toList();
        assertEquals(1, one.size());
        assertEquals(JAN_2019 + 2, one.get(0).<Integer>getAs("start_month"));
        assertEquals(4, one.get(0).<Integer>getAs("duration_months"));
        assertEquals("01", one.get(0).getAs("first_referrer"));
    }

    @Test
    void trajectoriesAtTheEdgesAreCensored() {
        // max_gap 1: starts in 2019-01 or 2019-02 are left-censored, ends in 2019-11 or 2019-12 right-censored.
        List<Row> t = trajectories(withEdges()
                .month(1, "GM0482", "H300", "2019-02", 100, "01")
                .month(2, "GM0482", "H300", "2019-03", 100, "01")
                .month(3, "GM0482", "H300", "2019-10", 100, "01")
                .month(4, "GM0482", "H300", "2019-11", 100, "01"), 1);
        assertEquals(List.of(true, false, false, false), censored(t, "left_censored", 1, 2, 3, 4));
        assertEquals(List.of(false, false, false, true), censored(t, "right_censored", 1, 2, 3, 4));
    }

    private static List<Boolean> censored(List<Row> t, String column, long... clients) {
        return java.util.Arrays.stream(clients).mapToObj(c -> t.stream().filter(r -> r.<Long>getAs("client_key") == c)
                .findFirst().orElseThrow().<Boolean>getAs(column)).toList();
    }
}
