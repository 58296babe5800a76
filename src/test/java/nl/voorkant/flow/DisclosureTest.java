package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.*;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control on tables worked out by hand: primary suppression, the complementary cells that
 * keep a suppressed cell from being recovered by adding and subtracting published ones, and the
 * checker that proves it. Reference: Noord = GM0482 + GM0590, Zuid = GM0505, Regio = Noord + Zuid.
 */
class DisclosureTest {
    static final Reference REF = TestReference.small();

    /** A row of a flow table: the given columns' values, every other column empty. */
    static List<Object> row(Schema s, Object... columnsAndValues) {
        List<Object> row = new ArrayList<>(Arrays.asList(new Object[s.columns().size()]));
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set(s.columnNames().indexOf((String) columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return row;
    }

    static Table table(Schema s, List<List<Object>> rows) {
        return new Table(s.name(), s, rows, null);
    }

    static List<Object> month(String area, String level, String month, long clients) {
        return row(FlowMonth.SCHEMA, "area", area, "area_level", level, "product_group", "begeleiding",
                "month", month, "clients", clients);
    }

    static Object cell(Table t, int row, String column) {
        return t.rows().get(row).get(t.columnIndex(column));
    }

    static Map<String, Table> tables(Table... tables) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (Table t : tables) out.put(t.name(), t);
        return out;
    }

    @Test
    void aSuppressedMunicipalityTakesItsNeighbourAlongWhenTheSubregionIsPublished() {
        Map<String, Table> in = tables(table(FlowMonth.SCHEMA, List.of(
                month("GM0482", "municipality", "2019-03", 3), month("GM0590", "municipality", "2019-03", 20),
                month("GM0505", "municipality", "2019-03", 30), month("Noord", "subregion", "2019-03", 23),
                month("Zuid", "subregion", "2019-03", 30), month("Regio", "region", "2019-03", 53))));
        Disclosure.Published out = Disclosure.publish(in, Disclosure.Mode.PUBLISH, REF);
        Table t = out.tables().get("flow_month");
        assertNull(cell(t, 0, "clients"), "3 clients: primary");
        assertNull(cell(t, 1, "clients"), "else Noord 23 − GM0590 20 gives GM0482's 3");
        assertEquals(23L, cell(t, 3, "clients"), "the part goes, not the total");
        assertEquals(53L, cell(t, 5, "clients"));
        assertEquals(1L, out.summary().get("primary_cells"));
        assertEquals(1L, out.summary().get("secondary_cells"));
        assertEquals(List.of(), Disclosure.recoverable(in, out.tables(), REF));
        // What the old, per-row suppression published gives the small cell away; the checker says so.
        List<List<Object>> perRowOnly = new ArrayList<>(in.get("flow_month").rows());
        perRowOnly.set(0, month("GM0482", "municipality", "2019-03", 0));
        perRowOnly.get(0).set(FlowMonth.SCHEMA.columnNames().indexOf("clients"), null);
        assertEquals(List.of("flow_month[area=GM0482,area_level=municipality,product_group=begeleiding,month=2019-03].clients"),
                Disclosure.recoverable(in, tables(in.get("flow_month").withRows(perRowOnly)), REF));
    }

    static final Reference THREE = new Reference(REF.products(), Map.of(
            "GM0001", new Reference.Municipality("GM0001", "Een", "S", "R", 1),
            "GM0002", new Reference.Municipality("GM0002", "Twee", "S", "R", 1),
            "GM0003", new Reference.Municipality("GM0003", "Drie", "S", "R", 1)));

    static List<Object> product(String area, String level, String product, long clients) {
        return row(FlowYear.PRODUCT_SCHEMA, "area", area, "area_level", level, "product_group", "begeleiding",
                "product_code", product, "year", 2019, "unique_clients", clients);
    }

    static List<Object> group(String area, String level, long clients) {
        return row(FlowYear.SCHEMA, "area", area, "area_level", level, "product_group", "begeleiding",
                "year", 2019, "unique_clients", clients);
    }

    @Test
    void aThreeByThreeTableWithMarginsLosesARectangle() {
        //        P1  P2  P3 | group
        // GM0001  2  10  12 |  24
        // GM0002  9  11  13 |  33
        // GM0003 14  15  16 |  45
        // S      25  36  41 | 102
        long[][] v = {{2, 10, 12}, {9, 11, 13}, {14, 15, 16}};
        String[] areas = {"GM0001", "GM0002", "GM0003"}, products = {"P1", "P2", "P3"};
        List<List<Object>> productRows = new ArrayList<>(), groupRows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long sum = 0;
            for (int j = 0; j < 3; j++) {
                productRows.add(product(areas[i], "municipality", products[j], v[i][j]));
                sum += v[i][j];
            }
            groupRows.add(group(areas[i], "municipality", sum));
        }
        for (int j = 0; j < 3; j++) productRows.add(product("S", "subregion", products[j], v[0][j] + v[1][j] + v[2][j]));
        groupRows.add(group("S", "subregion", 102));
        Map<String, Table> in = tables(table(FlowYear.SCHEMA, groupRows), table(FlowYear.PRODUCT_SCHEMA, productRows));
        Disclosure.Published out = Disclosure.publish(in, Disclosure.Mode.PUBLISH, THREE);
        List<String> empty = new ArrayList<>();
        Table t = out.tables().get("flow_product_year");
        for (int r = 0; r < t.size(); r++) {
            if (cell(t, r, "unique_clients") == null) empty.add(cell(t, r, "area") + "/" + cell(t, r, "product_code"));
        }
        assertEquals(List.of("GM0001/P1", "GM0001/P2", "GM0002/P1", "GM0002/P2"), empty,
                "the 2, the smallest of its row (10) and column (9), and the corner (11) that closes the rectangle");
        Table groups = out.tables().get("flow_year");
        for (int r = 0; r < groups.size(); r++) assertNotNull(cell(groups, r, "unique_clients"), "the margins stay");
        assertEquals(List.of(), Disclosure.recoverable(in, out.tables(), THREE));
    }

    @Test
    void aMonthFollowsFromItsYearUnlessASecondMonthGoes() {
        Schema m = FlowMonth.SCHEMA;
        List<List<Object>> months = new ArrayList<>();
        long[] inflow = {10, 3, 12};
        for (int i = 0; i < 3; i++) {
            months.add(row(m, "area", "GM0482", "area_level", "municipality", "product_group", "begeleiding",
                    "month", "2019-0" + (i + 1), "clients", 20L, "inflow", inflow[i]));
        }
        Table year = table(FlowYear.SCHEMA, List.of(row(FlowYear.SCHEMA, "area", "GM0482",
                "area_level", "municipality", "product_group", "begeleiding", "year", 2019, "unique_clients", 30L,
                "avg_monthly_clients", 20.0, "inflow", 25L)));
        Map<String, Table> in = tables(table(m, months), year);
        Disclosure.Published out = Disclosure.publish(in, Disclosure.Mode.PUBLISH, REF);
        Table t = out.tables().get("flow_month");
        assertNull(cell(t, 1, "inflow"), "3 starts: primary");
        assertNull(cell(t, 0, "inflow"), "else 25 − 10 − 12 = 3: the smaller other month goes too");
        assertEquals(12L, cell(t, 2, "inflow"));
        assertEquals(25L, cell(out.tables().get("flow_year"), 0, "inflow"), "the year stays");
        assertEquals(List.of(), Disclosure.recoverable(in, out.tables(), REF));
    }

    static List<Object> km(int duration, long atRisk, long events, long censored, double survival) {
        return row(KmSurvival.SCHEMA, "area", "GM0482", "area_level", "municipality", "product_group", "begeleiding",
                "duration_months", duration, "at_risk", atRisk, "events", events, "censored", censored,
                "survival", survival, "lower95", survival / 2, "upper95", Math.min(1, survival * 1.5));
    }

    @Test
    void aKaplanMeierStepIsNotGivenAwayByTheRiskSetsOrTheSurvival() {
        // 20 at risk: 5 end at 1 month, 6 at 2, 3 at 3 (suppressed), the last 6 at 4.
        Map<String, Table> in = tables(table(KmSurvival.SCHEMA, List.of(km(1, 20, 5, 0, 0.75), km(2, 15, 6, 0, 0.45),
                km(3, 9, 3, 0, 0.3), km(4, 6, 6, 0, 0.0))));
        Disclosure.Published out = Disclosure.publish(in, Disclosure.Mode.PUBLISH, REF);
        Table t = out.tables().get("km_survival");
        assertNull(cell(t, 2, "events"), "3 events: primary");
        assertNull(cell(t, 3, "at_risk"), "else 9 − 6 − 0 gives them");
        assertNull(cell(t, 3, "events"), "and the last row's 6 = its risk set would give that");
        assertEquals(9L, cell(t, 2, "at_risk"));
        assertEquals(0.45, cell(t, 1, "survival"), "survival before the suppressed step stays");
        for (int r = 2; r < 4; r++) {
            for (String c : List.of("survival", "lower95", "upper95")) {
                assertNull(cell(t, r, c), "0.45·(1 − e/9) = 0.3 would give e: " + c + " from the step on");
            }
        }
        assertEquals(List.of(), Disclosure.recoverable(in, out.tables(), REF));
    }

    static final Reference TWO_BY_TWO = new Reference(REF.products(), Map.of(
            "GM0001", new Reference.Municipality("GM0001", "Een", "S", "R", 1),
            "GM0002", new Reference.Municipality("GM0002", "Twee", "S", "R", 1),
            "GM0003", new Reference.Municipality("GM0003", "Drie", "T", "R", 1),
            "GM0004", new Reference.Municipality("GM0004", "Vier", "T", "R", 1)));

    /**
     * Two years of months of two product groups in four municipalities, their subregions and region,
     * with their years and durations, that add up; a third of the counts small. Many relations, so
     * many components, that suppression keeps joining.
     */
    static Map<String, Table> twoYears(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        String[][] areas = {{"GM0001", "municipality"}, {"GM0002", "municipality"}, {"GM0003", "municipality"},
                {"GM0004", "municipality"}, {"S", "subregion"}, {"T", "subregion"}, {"R", "region"}};
        List<List<Object>> months = new ArrayList<>(), years = new ArrayList<>(), durations = new ArrayList<>();
        for (String group : List.of("begeleiding", "jo_netwerk")) {
            long[][] clients = new long[7][24], inflow = new long[7][24], cost = new long[7][24], unique = new long[7][2];
            for (int a = 0; a < 4; a++) {
                for (int m = 0; m < 24; m++) {
                    clients[a][m] = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : random.nextInt(20);
                    inflow[a][m] = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : random.nextInt(20);
                    cost[a][m] = clients[a][m] * (100 + random.nextInt(50));
                }
            }
            for (int a = 0; a < 4; a++) {
                for (int y = 0; y < 2; y++) unique[a][y] = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 5 + random.nextInt(20);
            }
            for (long[][] x : List.of(clients, inflow, cost, unique)) {
                for (int m = 0; m < x[0].length; m++) {
                    x[4][m] = x[0][m] + x[1][m];
                    x[5][m] = x[2][m] + x[3][m];
                    x[6][m] = x[4][m] + x[5][m];
                }
            }
            for (int a = 0; a < 7; a++) {
                long allClients = 0, allInflow = 0;
                for (int y = 0; y < 2; y++) {
                    long c = 0, i = 0, e = 0;
                    for (int m = 12 * y; m < 12 * y + 12; m++) {
                        months.add(row(FlowMonth.SCHEMA, "area", areas[a][0], "area_level", areas[a][1], "product_group", group,
                                "month", String.format("%d-%02d", 2018 + y, m % 12 + 1), "clients", clients[a][m],
                                "inflow", inflow[a][m], "cost_eur", java.math.BigDecimal.valueOf(cost[a][m])));
                        c += clients[a][m];
                        i += inflow[a][m];
                        e += cost[a][m];
                    }
                    allClients += c;
                    allInflow += i;
                    years.add(row(FlowYear.SCHEMA, "area", areas[a][0], "area_level", areas[a][1], "product_group", group,
                            "year", 2018 + y, "unique_clients", unique[a][y], "avg_monthly_clients", c / 12.0, "inflow", i,
                            "cost_eur", java.math.BigDecimal.valueOf(e)));
                }
                durations.add(row(Durations.SCHEMA, "area", areas[a][0], "area_level", areas[a][1], "product_group", group,
                        "trajectories", allInflow, "avg_monthly_clients", allClients / 24.0, "monthly_inflow", allInflow / 24.0));
            }
        }
        return tables(table(FlowMonth.SCHEMA, months), table(FlowYear.SCHEMA, years), table(Durations.SCHEMA, durations));
    }

    /** Where a table is empty, as row:column. */
    static List<String> empty(Table t) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            for (int c = 0; c < t.columns().size(); c++) if (t.rows().get(r).get(c) == null) out.add(r + ":" + t.columns().get(c));
        }
        return out;
    }

    @Test
    void theComponentsOfARoundSearchedInParallelLeaveTheCellsEmptyThatOneSearchAfterAnotherLeaves() {
        // With seed 56 a complement chosen in one component of a round empties a cell in the relations of a
        // component after it, which then gives a cell away that it did not give away before: searched only
        // beforehand, in parallel, that component would get its complement a round later, and another one.
        Map<String, Table> in = twoYears(56);
        Disclosure.Published oneThread = Disclosure.publish(in, Disclosure.Mode.PUBLISH, TWO_BY_TWO, 1, 0);
        assertEquals(List.of(), Disclosure.recoverable(in, oneThread.tables(), TWO_BY_TWO));
        for (int threads : new int[] {2, 3}) {
            Disclosure.Published parallel = Disclosure.publish(in, Disclosure.Mode.PUBLISH, TWO_BY_TWO, threads, 0); // every round shared
            for (String t : in.keySet()) {
                assertEquals(empty(oneThread.tables().get(t)), empty(parallel.tables().get(t)), t + " on " + threads + " threads");
            }
            for (String n : List.of("primary_cells", "secondary_cells", "dependent_cells")) {
                assertEquals(oneThread.summary().get(n), parallel.summary().get(n), n + " on " + threads + " threads");
            }
        }
    }

    @Test
    void aTableThatDeclaresNothingStopsTheRunInEitherMode() {
        Map<String, Table> in = tables(Table.builder("flow_month", "area", "clients").row("GM0482", 3L).build());
        for (Disclosure.Mode mode : Disclosure.Mode.values()) {
            DisclosureError e = assertThrows(DisclosureError.class, () -> Disclosure.publish(in, mode, REF));
            assertEquals("disclosure: table flow_month declares no disclosure role for its columns", e.toString());
        }
    }

    @Test
    void aColumnThatFollowsARenamedColumnStopsTheRun() {
        Schema s = Schema.of("shares", Column.dimension("area", Type.TEXT),
                Column.derived("share", Type.SHARE).alsoFrom("flow_month", Column.count("client_count")));
        Map<String, Table> in = tables(table(FlowMonth.SCHEMA, List.of(month("GM0482", "municipality", "2019-03", 30))),
                new Table("shares", s, List.of(Arrays.asList("GM0482", 0.5)), null));
        DisclosureError e = assertThrows(DisclosureError.class, () -> Disclosure.publish(in, Disclosure.Mode.PUBLISH, REF));
        assertEquals("table shares column share follows unknown column client_count of table flow_month", e.getMessage());
    }

    @Test
    void aModelledColumnWithoutBasesStopsTheRun() {
        Schema s = Schema.of("model", Column.dimension("month", Type.MONTH), Column.modelled("clients", Type.DOUBLE));
        Map<String, Table> in = tables(new Table("model", s, List.of(Arrays.asList("2020-01", 3.5)), null));
        DisclosureError e = assertThrows(DisclosureError.class, () -> Disclosure.publish(in, Disclosure.Mode.INTERNAL, REF));
        assertEquals("table model column clients is modelled but its rows name no basis", e.getMessage());
    }
}
