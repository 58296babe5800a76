package nl.voorkant.flow;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_CODE;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.flow.tables.ProvidersYear;
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

    static List<Object> row(Schema table, String area, String group, Object period, Column... columns) {
        Table t = result.tables().get(table.name());
        Column periodColumn = table.columns().contains(MONTH) ? MONTH : YEAR;
        Table inArea = t.where(AREA, area).where(periodColumn, period);
        Table hit = group == null ? inArea : inArea.where(PRODUCT_GROUP, group);
        assertEquals(1, hit.size(), table.name() + " " + area + " " + group + " " + period);
        return java.util.Arrays.stream(columns).map(c -> hit.value(0, c)).toList();
    }

    @Test
    void uniqueClientsOfASubregionAreDistinctNotSummed() {
        assertEquals(3L, row(FlowYear.SCHEMA, "GM0482", "begeleiding", 2019, FlowYear.UNIQUE_CLIENTS).get(0), "A B F");
        assertEquals(4L, row(FlowYear.SCHEMA, "GM0590", "begeleiding", 2019, FlowYear.UNIQUE_CLIENTS).get(0), "B C D E");
        assertEquals(6L, row(FlowYear.SCHEMA, "Noord", "begeleiding", 2019, FlowYear.UNIQUE_CLIENTS).get(0), "B once");
        assertEquals(1L, row(FlowYear.SCHEMA, "Noord", "begeleiding", 2018, FlowYear.UNIQUE_CLIENTS).get(0), "A");
        assertEquals(2L, row(FlowMonth.SCHEMA, "Noord", "begeleiding", "2019-01", FlowMonth.CLIENTS).get(0), "A and B once");
    }

    @Test
    void yearlyFlowsDurationsCostAndReferralShare() {
        List<Object> y = row(FlowYear.SCHEMA, "Noord", "begeleiding", 2019, FlowYear.INFLOW, FlowYear.OUTFLOW,
                FlowYear.MEAN_DURATION_MONTHS, FlowYear.KM_MEDIAN_DURATION_MONTHS, FlowYear.COST_EUR,
                FlowYear.AVG_MONTHLY_CLIENTS, FlowYear.COST_PER_CLIENT_MONTH_EUR, FlowYear.LOCAL_REFERRAL_INFLOW,
                FlowYear.LOCAL_REFERRAL_SHARE);
        assertEquals(7L, y.get(0), "inflow: B, B, C, D, E, E, F");
        assertEquals(8L, y.get(1), "outflow: those seven and A");
        assertEquals(2.0, y.get(2), "mean duration: (4+1+1+4+3+1+1+1) / 8");
        assertEquals(1, y.get(3), "Kaplan-Meier median: five of the seven starters last one month");
        assertEquals(new BigDecimal("1180.00"), y.get(4), "cost");
        assertEquals(1.0, y.get(5), "12 client-months over 12 months: A2 B1 C4 D2 E2 F1");
        assertEquals(98.33, y.get(6), "EUR 1,180 over 12 client-months");
        assertEquals(4L, y.get(7), "local referrals: C, E, E, F");
        assertEquals(0.5714, y.get(8), "4 of 7");
    }

    @Test
    void flowsTheDataCannotKnowAreEmptyNotZero() {
        assertNull(row(FlowYear.SCHEMA, "Noord", "begeleiding", 2018, FlowYear.INFLOW).get(0), "2018 begins left-censored");
        assertNull(row(FlowMonth.SCHEMA, "Zuid", "begeleiding", "2018-01", FlowMonth.INFLOW).get(0), "the first month's starts");
        assertNull(row(FlowMonth.SCHEMA, "Zuid", "begeleiding", "2020-12", FlowMonth.OUTFLOW).get(0), "the last month's ends");
        assertEquals(1L, row(FlowMonth.SCHEMA, "Zuid", "begeleiding", "2018-01", FlowMonth.OUTFLOW).get(0),
                "a left-censored trajectory has no known start, but its end is known: outflow");
        assertEquals(List.of(2L, 2L), row(FlowMonth.SCHEMA, "Noord", "begeleiding", "2019-01", FlowMonth.INFLOW,
                FlowMonth.OUTFLOW), "B's two one-month trajectories start and end in January");
        assertEquals(List.of(1L, 0L), row(FlowMonth.SCHEMA, "Noord", "begeleiding", "2018-11", FlowMonth.INFLOW,
                FlowMonth.OUTFLOW), "A starts in November 2018");
    }

    @Test
    void aYearBoundaryDoesNotCutATrajectory() {
        assertEquals(List.of(1L, 0L), row(FlowYear.SCHEMA, "GM0482", "begeleiding", 2018, FlowYear.UNIQUE_CLIENTS,
                FlowYear.OUTFLOW), "A is there in 2018 and does not leave");
        List<Object> y2019 = row(FlowYear.SCHEMA, "GM0482", "begeleiding", 2019, FlowYear.OUTFLOW, FlowYear.MEAN_DURATION_MONTHS);
        assertEquals(3L, y2019.get(0), "A (4 months, begun in 2018), B and F (1 month each)");
        assertEquals(2.0, y2019.get(1), "(4 + 1 + 1) / 3");
    }

    @Test
    void localShareByClientMonthsAndCost() {
        List<Object> s = row(LocalShareYear.SCHEMA, "Noord", null, 2019, LocalShareYear.LOCAL_CLIENT_MONTHS,
                LocalShareYear.TOTAL_CLIENT_MONTHS, LocalShareYear.LOCAL_SHARE, LocalShareYear.LOCAL_COST_SHARE);
        assertEquals(List.of(3L, 15L, 0.2, 0.1324), s, "Noord 2019: 3 local client-months of 15; EUR 180 of 1,360");
    }

    @Test
    void publishedTablesLeaveCountsFromOneToFourEmpty() {
        Disclosure.Published all = Disclosure.publish(result.tables(), Disclosure.Mode.PUBLISH, TestReference.small());
        Table published = all.tables().get(FlowYear.SCHEMA.name());
        Table noord = published.where(AREA, "Noord").where(YEAR, 2019).where(PRODUCT_GROUP, "begeleiding");
        // Noord's 6 and H300's 6 would give away its H153 product's 1 client (6 = H300's 6 + H153's 1, products taken
        // as additive), so one of them goes; which one depends on every relation the two cells are in.
        Object h300 = all.tables().get(FlowYear.PRODUCT_SCHEMA.name()).where(AREA, "Noord").where(YEAR, 2019)
                .where(PRODUCT_CODE, "H300").value(0, FlowYear.UNIQUE_CLIENTS);
        assertTrue(noord.value(0, FlowYear.UNIQUE_CLIENTS) == null || h300 == null,
                "complementary: the group total or its larger product beside the suppressed product");
        assertNull(noord.value(0, FlowYear.LOCAL_REFERRAL_INFLOW), "4 local referrals are suppressed");
        assertNull(noord.value(0, FlowYear.LOCAL_REFERRAL_SHARE), "and so is the share that would reveal them");
        Table gm0482 = published.where(AREA, "GM0482").where(YEAR, 2019).where(PRODUCT_GROUP, "begeleiding");
        assertNull(gm0482.value(0, FlowYear.UNIQUE_CLIENTS), "3 clients");
        assertNull(gm0482.value(0, FlowYear.COST_PER_CLIENT_MONTH_EUR), "a figure of a suppressed count");
        assertEquals(0L, published.where(AREA, "GM0482").where(YEAR, 2018).where(PRODUCT_GROUP, "begeleiding")
                .value(0, FlowYear.OUTFLOW), "zero reveals no one");
        assertEquals(List.of(), Disclosure.recoverable(result.tables(), all.tables(), TestReference.small()),
                "no suppressed cell follows from the published ones");
        assertSame(result.tables(), Disclosure.publish(result.tables(), Disclosure.Mode.INTERNAL, TestReference.small()).tables(),
                "internal mode publishes the tables as they are");
    }

    @Test
    void providersAndConcentration() {
        // Noord 2019 begeleiding: providers PH300 (A 200, B 100, C 200, D 200, E 200, F 80 = 980) and PH153 (C 200)
        List<Object> p = row(ProvidersYear.SCHEMA, "Noord", "begeleiding", 2019, ProvidersYear.PROVIDERS, ProvidersYear.HHI);
        assertEquals(2L, p.get(0), "PH300 and PH153");
        double a = 980.0 / 1180, b = 200.0 / 1180;
        assertEquals(Math.round((a * a + b * b) * 10000) / 10000.0, p.get(1), "the sum of the squared cost shares");
    }

    @Test
    void theProductTableFollowsOneProduct() {
        // C switches from H300 to H153 in 2019-05: one begeleiding trajectory, but an H300 one (03-04, ending:
        // outflow) and an H153 one (05-06, starting: inflow) in the product table.
        Table products = result.tables().get(FlowYear.PRODUCT_SCHEMA.name());
        Table h153 = products.where(AREA, "Noord").where(YEAR, 2019).where(PRODUCT_CODE, "H153");
        assertEquals(List.of(1L, 1L, 1L, "begeleiding"), List.of(h153.value(0, FlowYear.UNIQUE_CLIENTS),
                h153.value(0, FlowYear.INFLOW), h153.value(0, FlowYear.OUTFLOW), h153.value(0, PRODUCT_GROUP)),
                "C's H153 part starts and ends in 2019, listed under its group");
        Table h300 = products.where(AREA, "Noord").where(YEAR, 2019).where(PRODUCT_CODE, "H300");
        assertEquals(6L, h300.value(0, FlowYear.UNIQUE_CLIENTS), "A B C D E F");
        assertEquals(8L, h300.value(0, FlowYear.OUTFLOW), "as for the group: C's H300 part ends in April instead");
    }

    @Test
    void theDataMonthsAreThoseWithAnActiveClient() {
        assertEquals(List.of("2018-01", "2020-12", 1), List.of(Months.label(result.censoring().first()),
                Months.label(result.censoring().last()), result.censoring().maxGap()), "client 9 pins the data; max_gap 1");
    }
}
