package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import nl.voorkant.core.Table;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small region worked out by hand. Subregion Noord = GM0482 + GM0590; client 9 in Zuid pins the
 * data to 2018-01 .. 2020-12, so with max_gap 1 flows are unknown in 2018-01/02 (inflow) and
 * 2020-11/12 (outflow), and 2019 is fully known. Begeleiding in 2019:
 * A (1): GM0482 2018-11 .. 2019-02, referred by 01         one trajectory of 4 months
 * B (2): GM0482 and GM0590 both in 2019-01, referred by 02 two trajectories of 1 month, one client
 * C (3): GM0590 H300 2019-03/04 then H153 2019-05/06, 01  one trajectory of 4 months
 * D (4): GM0590 2019-03 and 2019-05, 02                    gap of one month: one trajectory of 3
 * E (5): GM0590 2019-03 and 2019-06, 01                    gap of two months: two trajectories of 1
 * F (6): GM0482 2019-04 debit and credit, 2019-05 debit, 01  April cancelled: one trajectory of 1
 * G (7): GM0482 lokaal team 2019-01 .. 2019-03, EUR 60 a month (the local share)
 */
class FlowMetricsTest {
    static FlowMetrics.Result result;

    @BeforeAll
    static void compute() {
        ClaimsBuilder c = new ClaimsBuilder()
                .month(9, "GM0505", "H300", "2018-01", 10000, "02").month(9, "GM0505", "H300", "2020-12", 10000, "02")
                .month(1, "GM0482", "H300", "2018-11", 10000, "01").month(1, "GM0482", "H300", "2018-12", 10000, "01")
                .month(1, "GM0482", "H300", "2019-01", 10000, "01").month(1, "GM0482", "H300", "2019-02", 10000, "01")
                .month(2, "GM0482", "H300", "2019-01", 5000, "02").month(2, "GM0590", "H300", "2019-01", 5000, "02")
                .month(3, "GM0590", "H300", "2019-03", 10000, "01").month(3, "GM0590", "H300", "2019-04", 10000, "01")
                .month(3, "GM0590", "H153", "2019-05", 10000, "02").month(3, "GM0590", "H153", "2019-06", 10000, "02")
                .month(4, "GM0590", "H300", "2019-03", 10000, "02").month(4, "GM0590", "H300", "2019-05", 10000, "02")
                .month(5, "GM0590", "H300", "2019-03", 10000, "01").month(5, "GM0590", "H300", "2019-06", 10000, "01")
                .month(6, "GM0482", "H300", "2019-04", 8000, "01")
                .line(6, "GM0482", "H300", "2019-04-01", "2019-04-30", 4, 8000, "C", "01")
                .month(6, "GM0482", "H300", "2019-05", 8000, "01")
                .month(7, "GM0482", "LT001", "2019-01", 6000, "01").month(7, "GM0482", "LT001", "2019-02", 6000, "01")
                .month(7, "GM0482", "LT001", "2019-03", 6000, "01");
        result = FlowMetrics.compute(c.build(), TestReference.small(), 1);
    }

    static List<Object> row(String table, String area, String group, Object period, String... columns) {
        Table t = result.tables().get(table);
        String periodColumn = t.columns().contains("month") ? "month" : "year";
        Table inArea = t.where("area", area).where(periodColumn, period);
        Table hit = group == null ? inArea : inArea.where("product_group", group);
        assertEquals(1, hit.size(), table + " " + area + " " + group + " " + period);
        return java.util.Arrays.stream(columns).map(c -> hit.value(0, c)).toList();
    }

    @Test
    void uniqueClientsOfASubregionAreDistinctNotSummed() {
        assertEquals(3L, row("flow_year", "GM0482", "begeleiding", 2019, "unique_clients").get(0)); // A B F
        assertEquals(4L, row("flow_year", "GM0590", "begeleiding", 2019, "unique_clients").get(0)); // B C D E
        assertEquals(6L, row("flow_year", "Noord", "begeleiding", 2019, "unique_clients").get(0));
        assertEquals(1L, row("flow_year", "Noord", "begeleiding", 2018, "unique_clients").get(0));
        assertEquals(2L, row("flow_month", "Noord", "begeleiding", "2019-01", "clients").get(0)); // A and B once
    }

    @Test
    void yearlyFlowsDurationsCostAndReferralShare() {
        List<Object> y = row("flow_year", "Noord", "begeleiding", 2019, "inflow", "outflow", "mean_duration_months",
                "km_median_duration_months", "cost_eur", "avg_monthly_clients", "cost_per_client_month_eur",
                "local_referral_inflow", "local_referral_share");
        assertEquals(7L, y.get(0));          // B, B, C, D, E, E, F
        assertEquals(8L, y.get(1));          // those seven and A
        assertEquals(2.0, y.get(2));         // (4+1+1+4+3+1+1+1) / 8
        assertEquals(1, y.get(3));           // five of the seven starters last one month
        assertEquals(new BigDecimal("1180.00"), y.get(4));
        assertEquals(1.0, y.get(5));         // 12 client-months: A2 B1 C4 D2 E2 F1
        assertEquals(98.33, y.get(6));
        assertEquals(4L, y.get(7));          // C, E, E, F
        assertEquals(0.5714, y.get(8));
    }

    @Test
    void flowsTheDataCannotKnowAreEmptyNotZero() {
        assertNull(row("flow_year", "Noord", "begeleiding", 2018, "inflow").get(0));
        assertNull(row("flow_month", "Zuid", "begeleiding", "2018-01", "inflow").get(0));
        assertNull(row("flow_month", "Zuid", "begeleiding", "2020-12", "outflow").get(0));
        // a left-censored trajectory has no known start, but its end is known: outflow
        assertEquals(1L, row("flow_month", "Zuid", "begeleiding", "2018-01", "outflow").get(0));
        assertEquals(List.of(2L, 2L), row("flow_month", "Noord", "begeleiding", "2019-01", "inflow", "outflow"));
        assertEquals(List.of(1L, 0L), row("flow_month", "Noord", "begeleiding", "2018-11", "inflow", "outflow"));
    }

    @Test
    void aYearBoundaryDoesNotCutATrajectory() {
        assertEquals(List.of(1L, 0L), row("flow_year", "GM0482", "begeleiding", 2018, "unique_clients", "outflow"));
        List<Object> y2019 = row("flow_year", "GM0482", "begeleiding", 2019, "outflow", "mean_duration_months");
        assertEquals(3L, y2019.get(0));      // A (4 months, begun in 2018), B and F (1 month each)
        assertEquals(2.0, y2019.get(1));
    }

    @Test
    void localShareByClientMonthsAndCost() {
        // Noord 2019: 3 local client-months of 15; EUR 180 of 1,360
        List<Object> s = row("local_share_year", "Noord", null, 2019, "local_client_months", "total_client_months",
                "local_share", "local_cost_share");
        assertEquals(List.of(3L, 15L, 0.2, 0.1324), s);
    }

    @Test
    void publishedTablesLeaveCountsFromOneToFourEmpty() {
        Disclosure.Published all = Disclosure.publish(result.tables(), Disclosure.Mode.PUBLISH, TestReference.small());
        Table published = all.tables().get("flow_year");
        Table noord = published.where("area", "Noord").where("year", 2019).where("product_group", "begeleiding");
        // Noord's 6 would give away its H153 product's 1 client (6 = H300's 6 + H153's 1, products taken as additive).
        assertNull(noord.value(0, "unique_clients"), "complementary: the group total beside a suppressed product");
        assertEquals(6L, all.tables().get("flow_product_year").where("area", "Noord").where("year", 2019)
                .where("product_code", "H300").value(0, "unique_clients"), "the larger part stays");
        assertNull(noord.value(0, "local_referral_inflow"), "4 local referrals are suppressed");
        assertNull(noord.value(0, "local_referral_share"), "and so is the share that would reveal them");
        Table gm0482 = published.where("area", "GM0482").where("year", 2019).where("product_group", "begeleiding");
        assertNull(gm0482.value(0, "unique_clients"));
        assertNull(gm0482.value(0, "cost_per_client_month_eur"));
        assertEquals(0L, published.where("area", "GM0482").where("year", 2018).where("product_group", "begeleiding")
                .value(0, "outflow"), "zero reveals no one");
        assertEquals(List.of(), Disclosure.recoverable(result.tables(), all.tables(), TestReference.small()),
                "no suppressed cell follows from the published ones");
        assertSame(result.tables(), Disclosure.publish(result.tables(), Disclosure.Mode.INTERNAL, TestReference.small()).tables());
    }

    @Test
    void providersAndConcentration() {
        // Noord 2019 begeleiding: providers PH300 (A 200, B 100, C 200, D 200, E 200, F 80 = 980) and PH153 (C 200)
        List<Object> p = row("providers_year", "Noord", "begeleiding", 2019, "providers", "hhi");
        assertEquals(2L, p.get(0));
        double a = 980.0 / 1180, b = 200.0 / 1180;
        assertEquals(Math.round((a * a + b * b) * 10000) / 10000.0, p.get(1));
    }

    @Test
    void theProductTableFollowsOneProduct() {
        // C switches from H300 to H153 in 2019-05: one begeleiding trajectory, but an H300 one (03-04, ending:
        // outflow) and an H153 one (05-06, starting: inflow) in the product table.
        Table products = result.tables().get("flow_product_year");
        Table h153 = products.where("area", "Noord").where("year", 2019).where("product_code", "H153");
        assertEquals(List.of(1L, 1L, 1L, "begeleiding"), List.of(h153.value(0, "unique_clients"), h153.value(0, "inflow"),
                h153.value(0, "outflow"), h153.value(0, "product_group")));
        Table h300 = products.where("area", "Noord").where("year", 2019).where("product_code", "H300");
        assertEquals(6L, h300.value(0, "unique_clients")); // A B C D E F
        assertEquals(8L, h300.value(0, "outflow"));        // as for the group: C's H300 part ends in April instead
    }
}
