package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.TableRows;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client who moves between subregions counts once at the region: distinct clients, never the sum
 * of the subregions. Region Regio = Noord (GM0482, GM0590) + Zuid (GM0505); begeleiding, EUR 100 a
 * line, max_gap 1:
 * <pre>
 * M (1): GM0482 (Noord) 2019-03 .. 2019-04, then GM0505 (Zuid) 2019-04 .. 2019-06: both in April
 * S (2): GM0590 (Noord) 2019-03 .. 2019-04
 * Z (9): JH-2A in GM0505 in 2019-01 and 2019-12: the data's months are 2019 (another group)
 * </pre>
 */
class RegionFlowsTest {
    static Map<String, Table> tables;

    @BeforeAll
    static void compute() {
        ClaimsBuilder c = new ClaimsBuilder()
                .month(9, "GM0505", "JH-2A", "2019-01", 10000, "02").month(9, "GM0505", "JH-2A", "2019-12", 10000, "02")
                .month(1, "GM0482", "H300", "2019-03", 10000, "01").month(1, "GM0482", "H300", "2019-04", 10000, "01")
                .month(1, "GM0505", "H300", "2019-04", 10000, "01").month(1, "GM0505", "H300", "2019-05", 10000, "01")
                .month(1, "GM0505", "H300", "2019-06", 10000, "01")
                .month(2, "GM0590", "H300", "2019-03", 10000, "02").month(2, "GM0590", "H300", "2019-04", 10000, "02");
        tables = FlowMetrics.compute(c.build(), TestReference.small(), 1).tables();
    }

    static TableRows.KeyedRow year(String area) {
        return TableRows.one(tables, "flow_year", "area", area, "product_group", "begeleiding", "year", 2019);
    }

    static TableRows.KeyedRow month(String area, String month) {
        return TableRows.one(tables, "flow_month", "area", area, "product_group", "begeleiding", "month", month);
    }

    @Test
    void theRegionCountsAMoverBetweenSubregionsOnce() {
        assertEquals(2L, year("Noord").get("unique_clients"), "Noord: M and S");
        assertEquals(1L, year("Zuid").get("unique_clients"), "Zuid: M, once");
        assertEquals(2L, year("Regio").get("unique_clients"), "Regio: M and S, distinct, not Noord 2 + Zuid 1");
        assertEquals(1L, year("GM0482").get("unique_clients"), "each municipality counts the mover");
        assertEquals(1L, year("GM0505").get("unique_clients"), "each municipality counts the mover");
        assertEquals(2L, TableRows.one(tables, "flow_product_year", "area", "Regio", "product_code", "H300", "year", 2019)
                .get("unique_clients"), "and so does the product table");
    }

    @Test
    void inTheMonthOfTheMoveTheRegionHasTheMoverOnce() {
        assertEquals(2L, month("Noord", "2019-04").get("clients"), "Noord in April: M (GM0482) and S");
        assertEquals(1L, month("Zuid", "2019-04").get("clients"), "Zuid in April: M (GM0505)");
        assertEquals(2L, month("Regio", "2019-04").get("clients"), "Regio in April: M and S, not 3");
        assertEquals(1L, month("Regio", "2019-05").get("clients"), "Regio in May: M");
    }

    @Test
    void clientMonthsAreDistinctAtTheRegionButTrajectoriesAndCostAddUp() {
        assertEquals(0.5, year("Regio").get("avg_monthly_clients"),
                "6 client-months / 12: M in 03, 04, 05, 06 (April once) and S in 03, 04; summed it would be 7");
        assertEquals(0.33, year("Noord").get("avg_monthly_clients"), "4 / 12: M 03, 04 and S 03, 04");
        assertEquals(0.25, year("Zuid").get("avg_monthly_clients"), "3 / 12: M 04, 05, 06");
        assertEquals(8L, TableRows.one(tables, "local_share_year", "area", "Regio", "year", 2019).get("total_client_months"),
                "Regio's client-months of all groups: begeleiding 6 and Z's 2, not Noord 4 + Zuid 5");
        // A trajectory is per client, municipality and group: the mover starts one in each municipality.
        assertEquals(1L, month("Regio", "2019-04").get("inflow"), "M's trajectory in GM0505 starts in April");
        assertEquals(2L, month("Regio", "2019-04").get("outflow"), "M's trajectory in GM0482 and S's end in April");
        assertEquals(2L, month("Regio", "2019-03").get("inflow"), "M (GM0482) and S start in March");
        assertEquals(new BigDecimal("700.00"), year("Regio").get("cost_eur"), "seven lines of EUR 100");
    }
}
