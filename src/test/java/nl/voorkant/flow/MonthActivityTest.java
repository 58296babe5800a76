package nl.voorkant.flow;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import nl.voorkant.testing.ClaimsBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MonthActivityTest {
    static final int JAN_2019 = 2019 * 12;

    @Test
    void aLineSpanningAQuarterIsSpreadByDaysToTheCent() {
        // 90 days: 31 + 28 + 31. EUR 100.00 = 10000 cents: floor(10000·31/90) = 3444,
        // floor(10000·59/90) − 3444 = 3111, and the rest 10000 − 6555 = 3445.
        Dataset<Row> claims = new ClaimsBuilder().line(1, "GM0482", "H300", "2019-01-01", "2019-03-31", 90, 10000, "D", "01").build();
        List<Row> months = MonthActivity.lineMonths(claims).orderBy("month").collectAsList();
        assertEquals(3, months.size());
        assertEquals(List.of(JAN_2019, JAN_2019 + 1, JAN_2019 + 2), months.stream().map(r -> r.<Integer>getAs("month")).toList());
        assertEquals(List.of(3444L, 3111L, 3445L), months.stream().map(r -> r.<Long>getAs("cents_part")).toList());
        assertEquals(31.0, months.get(0).<Double>getAs("volume_part"), 1e-9);
        assertEquals(28.0, months.get(1).<Double>getAs("volume_part"), 1e-9);
    }

    @Test
    void aCreditThatCancelsAMonthLeavesTheClientInactiveThere() {
        Dataset<Row> claims = new ClaimsBuilder()
                .month(1, "GM0482", "H300", "2019-01", 5000, "01")
                .month(1, "GM0482", "H300", "2019-02", 5000, "01")
                .line(1, "GM0482", "H300", "2019-02-01", "2019-02-28", 4, 5000, "C", "01")
                .build();
        List<Row> activity = MonthActivity.activity(MonthActivity.lineMonths(claims), "product_group")
                .orderBy("month").collectAsList();
        assertTrue(activity.get(0).<Boolean>getAs("active"));
        assertFalse(activity.get(1).<Boolean>getAs("active"));
        assertEquals(0L, activity.get(1).<Long>getAs("net_cents"));
    }

    @Test
    void theFirstReferrerIsThatOfTheEarliestStartingDebitLine() {
        Dataset<Row> claims = new ClaimsBuilder()
                .line(1, "GM0482", "H300", "2019-03-10", "2019-03-31", 2, 100, "D", "02")
                .line(1, "GM0482", "H153", "2019-03-01", "2019-03-31", 2, 100, "D", "01")
                .line(1, "GM0482", "H153", "2019-02-20", "2019-03-31", 2, 100, "C", "04")
                .build();
        Row march = MonthActivity.activity(MonthActivity.lineMonths(claims), "product_group")
                .filter(col("month").equalTo(JAN_2019 + 2)).first();
        assertEquals("01", march.getAs("first_referrer"));
    }
}
