package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.TableRows;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A credit that takes back the whole volume but only part of the amount: the month's net volume is
 * zero, so the client is not active there (not a client, no trajectory), but the net cost stays.
 * Data 2019-01 .. 2019-12 (Z, JH-2A in GM0505, EUR 1.00 twice), max_gap 1, begeleiding (H300):
 * <pre>
 * C (1) GM0482: April debit 123.45; May debit 100.00 and a credit of the full volume for 33.33 → May: 66.67, inactive
 * D (2) GM0482: May debit 10.00                                                         → May's one client
 * C (1) GM0590: May debit 50.00 and a credit of the full volume for 20.00              → 30.00, no client at all
 * </pre>
 * Every amount: 123.45 + 100.00 − 33.33 + 10.00 + 50.00 − 20.00 + 2 × 1.00 = 232.12.
 */
class PartialCreditTest {
    static Map<String, Table> tables;

    @BeforeAll
    static void compute() {
        ClaimsBuilder c = new ClaimsBuilder()
                .month(9, "GM0505", "JH-2A", "2019-01", 100, "02").month(9, "GM0505", "JH-2A", "2019-12", 100, "02")
                .month(1, "GM0482", "H300", "2019-04", 12345, "01")
                .month(1, "GM0482", "H300", "2019-05", 10000, "01")
                .line(1, "GM0482", "H300", "2019-05-01", "2019-05-31", 4, 3333, "C", "01")
                .month(2, "GM0482", "H300", "2019-05", 1000, "01")
                .month(1, "GM0590", "H300", "2019-05", 5000, "01")
                .line(1, "GM0590", "H300", "2019-05-01", "2019-05-31", 4, 2000, "C", "01");
        tables = FlowMetrics.compute(c.build(), TestReference.small(), 1).tables();
    }

    static TableRows.KeyedRow month(String area, String month) {
        return TableRows.one(tables, "flow_month", "area", area, "product_group", "begeleiding", "month", month);
    }

    static TableRows.KeyedRow year(String area) {
        return TableRows.one(tables, "flow_year", "area", area, "product_group", "begeleiding", "year", 2019);
    }

    @Test
    void aMonthWithNetVolumeZeroHasNoClientButKeepsItsCost() {
        assertEquals(1L, month("GM0482", "2019-05").get("clients"), "May: D only; C's volume is all taken back");
        assertEquals(new BigDecimal("76.67"), month("GM0482", "2019-05").get("cost_eur"), "C's 66.67 and D's 10.00");
        assertEquals(0L, month("GM0590", "2019-05").get("clients"), "GM0590 has cost but no client");
        assertEquals(new BigDecimal("30.00"), month("GM0590", "2019-05").get("cost_eur"), "50.00 − 20.00 stays");
        assertEquals(1L, month("Noord", "2019-05").get("clients"), "Noord in May: D; C counts nowhere");
        assertEquals(new BigDecimal("106.67"), month("Noord", "2019-05").get("cost_eur"), "76.67 + 30.00");
    }

    @Test
    void theInactiveMonthNeitherExtendsNorStartsATrajectory() {
        assertEquals(1L, month("GM0482", "2019-04").get("outflow"), "C's trajectory ends in April, not May");
        assertEquals(1L, month("GM0482", "2019-05").get("inflow"), "May's one start is D's");
        assertEquals(0L, month("GM0590", "2019-05").get("inflow"), "nothing starts in GM0590");
    }

    @Test
    void theYearKeepsTheCostOfTheInactiveMonth() {
        assertEquals(2L, year("GM0482").get("unique_clients"), "C (April) and D");
        assertEquals(new BigDecimal("200.12"), year("GM0482").get("cost_eur"), "123.45 + 66.67 + 10.00");
        assertEquals(100.06, year("GM0482").get("cost_per_client_month_eur"), "200.12 over 2 client-months");
        assertEquals(0L, year("GM0590").get("unique_clients"), "no client in GM0590");
        assertEquals(new BigDecimal("30.00"), year("GM0590").get("cost_eur"), "but its cost");
        assertNull(year("GM0590").get("cost_per_client_month_eur"), "no client-months: no cost per client-month");
        assertEquals(new BigDecimal("230.12"), year("Regio").get("cost_eur"), "200.12 + 30.00");
    }

    @Test
    void amountsReconcileToTheCent() {
        assertEquals(new BigDecimal("232.12"), municipalityTotal("flow_month"), "every month of every municipality and group");
        assertEquals(new BigDecimal("232.12"), municipalityTotal("flow_year"), "every year of every municipality and group");
        assertEquals(new BigDecimal("232.12"), municipalityTotal("flow_product_year"), "every product");
    }

    static BigDecimal municipalityTotal(String table) {
        Table t = tables.get(table).where("area_level", "municipality");
        BigDecimal sum = BigDecimal.ZERO;
        for (int r = 0; r < t.size(); r++) sum = sum.add((BigDecimal) t.value(r, "cost_eur"));
        return sum;
    }
}
