package nl.voorkant.flow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.Reference;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.Ingested;
import nl.voorkant.testing.TestReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast pass ({@link FlowMetrics}) and the plain Spark plan of the same definitions
 * ({@link ReferencePass}) give the same tables: same names in the same order, same columns, same
 * rows in the same order, same values of the same types.
 */
class ReferencePassTest {
    /**
     * Small cases of every rule, one client each (TestReference: Noord = GM0482 + GM0590, Zuid = GM0505).
     * Client 9 pins the data to 2018-01 .. 2020-12, so that the edges are censored.
     */
    static Dataset<Row> cases() {
        return new ClaimsBuilder()
                .month(9, "GM0505", "H300", "2018-01", 10000, "02").month(9, "GM0505", "H300", "2020-12", 10000, "02")
                // left- and right-censored trajectories
                .month(1, "GM0482", "H300", "2018-01", 9000, "01").month(1, "GM0482", "H300", "2018-02", 9000, "01")
                .month(1, "GM0590", "JH-2A", "2020-11", 9000, "02").month(1, "GM0590", "JH-2A", "2020-12", 9000, "02")
                // a mover between the municipalities of one subregion, active in both in March
                .month(2, "GM0482", "H300", "2019-01", 5000, "02").month(2, "GM0482", "H300", "2019-03", 5000, "02")
                .month(2, "GM0590", "H300", "2019-03", 5000, "02").month(2, "GM0590", "H300", "2019-04", 5000, "02")
                // a mover between subregions: distinct in the region, once in each subregion
                .month(3, "GM0590", "JH-2A", "2019-02", 7000, "01").month(3, "GM0590", "JH-2A", "2019-04", 7000, "01")
                .month(3, "GM0505", "JH-2A", "2019-04", 7000, "05").month(3, "GM0505", "JH-2A", "2019-08", 7000, "05")
                // a month cancelled by its credit
                .month(4, "GM0482", "H300", "2019-05", 8000, "01")
                .line(4, "GM0482", "H300", "2019-05-01", "2019-05-31", 4, 8000, "C", "01")
                .month(4, "GM0482", "H300", "2019-07", 8000, "01")
                // a partial credit: April loses more volume than it had (inactive) but keeps a cost
                .line(5, "GM0590", "H153", "2019-03-01", "2019-04-30", 8, 12001, "D", "03")
                .line(5, "GM0590", "H153", "2019-04-01", "2019-04-30", 4, 5000, "C", "03")
                // gaps of 1, 2 and 3 months: one, two or four trajectories depending on max_gap
                .month(6, "GM0482", "H300", "2019-01", 6000, "01").month(6, "GM0482", "H300", "2019-03", 6000, "01")
                .month(6, "GM0482", "H300", "2019-06", 6000, "01").month(6, "GM0482", "H300", "2019-10", 6000, "01")
                // unknown referrers: alone it starts inflow outside the share; a known one starting the same day wins
                .month(7, "GM0505", "H300", "2019-07", 4000, null)
                .line(8, "GM0505", "H300", "2019-09-03", "2019-09-30", 3, 4000, "D", null)
                .line(8, "GM0505", "H153", "2019-09-03", "2019-09-20", 2, 3000, "D", "02")
                // ties on the start day go to the lower code; an earlier start wins over a lower code
                .line(10, "GM0590", "H300", "2019-05-10", "2019-05-31", 3, 3000, "D", "02")
                .line(10, "GM0590", "H153", "2019-05-10", "2019-05-31", 3, 3000, "D", "01")
                .line(11, "GM0590", "H300", "2019-05-02", "2019-05-31", 3, 3000, "D", "04")
                .line(11, "GM0590", "H153", "2019-05-01", "2019-05-31", 3, 3000, "D", "05")
                // one line across a year boundary, odd cents spread by days
                .line(12, "GM0482", "H300", "2018-11-15", "2019-02-10", 12, 100001, "D", "01")
                // a product switch within a group, and the local team
                .month(13, "GM0482", "H300", "2019-02", 6000, "01").month(13, "GM0482", "H153", "2019-03", 6000, "01")
                .month(13, "GM0482", "LT001", "2019-02", 6000, "01").month(13, "GM0482", "LT001", "2019-04", 6000, "01")
                // a year with cost but no activity, before the data's months
                .month(14, "GM0590", "H300", "2016-05", 7000, "01")
                .line(14, "GM0590", "H300", "2016-05-01", "2016-05-31", 4, 7000, "C", "01")
                // a composite package of two months in one municipality (and the local team beside it), not in the next
                .month(15, "GM0482", "H300", "2019-06", 5000, "01").month(15, "GM0482", "JH-2A", "2019-06", 5000, "01")
                .month(15, "GM0482", "H300", "2019-07", 5000, "01").month(15, "GM0482", "JH-2A", "2019-07", 5000, "01")
                .month(15, "GM0482", "LT001", "2019-06", 5000, "01").month(15, "GM0590", "H300", "2019-08", 5000, "01")
                .month(15, "GM0590", "JH-2A", "2019-09", 5000, "01")
                // a second provider whose only month a credit removes
                .month(16, "GM0590", "H300", "2019-03", 5000, "02").month(16, "GM0590", "H300", "2019-04", 5000, "02")
                .month(16, "GM0590", "H153", "2019-04", 5000, "02")
                .line(16, "GM0590", "H153", "2019-04-01", "2019-04-30", 4, 5000, "C", "02")
                // out-of-home placements: one before the data, one in 2019 with a gap month's cost, one still running
                .month(17, "GM0505", "VB01", "2018-01", 30000, "04").month(17, "GM0505", "VB01", "2018-03", 30000, "04")
                .month(18, "GM0505", "VB01", "2019-02", 30000, "04").month(18, "GM0505", "VB01", "2019-04", 30001, "04")
                .line(18, "GM0505", "VB01", "2019-03-01", "2019-03-31", 1, 500, "C", "04")
                .month(19, "GM0482", "VB01", "2020-11", 30000, "08").month(19, "GM0482", "VB01", "2020-12", 30000, "08")
                // a mover composite in both municipalities of Noord, with the same provider in each
                .month(24, "GM0482", "H300", "2019-02", 5000, "01").month(24, "GM0482", "JH-2A", "2019-02", 5000, "01")
                .month(24, "GM0590", "H300", "2019-09", 5000, "01").month(24, "GM0590", "JH-2A", "2019-09", 5000, "01")
                .build();
    }

    @ParameterizedTest(name = "max_gap {0}")
    @ValueSource(ints = {0, 1, 2})
    void handBuiltCasesGiveTheSameTables(int maxGap) {
        Dataset<Row> claims = cases();
        Map<String, Table> fast = FlowMetrics.compute(claims, TestReference.small(), maxGap).tables();
        assertEquals(10, fast.size(), "every flow table");
        assertSameTables(fast, ReferencePass.tables(claims, TestReference.small(), maxGap), "max_gap " + maxGap);
    }

    @Test
    void dataWithoutActivityGivesNoTables() {
        Dataset<Row> claims = new ClaimsBuilder().month(1, "GM0482", "H300", "2019-05", 8000, "01")
                .line(1, "GM0482", "H300", "2019-05-01", "2019-05-31", 4, 8000, "C", "01").build();
        assertEquals(Map.of(), FlowMetrics.compute(claims, TestReference.small(), 1).tables(), "fast pass");
        assertEquals(Map.of(), ReferencePass.tables(claims, TestReference.small(), 1), "reference pass");
    }

    @Test
    void theShippedSampleGivesTheSameTables(@TempDir Path work) throws java.io.IOException {
        Ingested.use(Path.of("data"), work, (Reference reference, ClaimIngest.Result r) -> {
            Dataset<Row> accepted = r.accepted().cache();
            // The default max_gap; the hand-built cases take every rule through 0, 1 and 2.
            Map<String, Table> fast = FlowMetrics.compute(accepted, reference, 1).tables();
            assertTrue(fast.get("flow_month").size() > 1000, "the sample has many months");
            assertSameTables(fast, ReferencePass.tables(accepted, reference, 1), "sample");
            accepted.unpersist();
            return null;
        });
    }

    @Test
    void linesTheIngestPartitionedByClientGiveTheSameTables(@TempDir Path tmp) throws java.io.IOException {
        // Without defects no claim id repeats: a run without a lasting cache hands over its parse's shuffle.
        nl.voorkant.sample.SampleGenerator.generate(nl.voorkant.sample.SampleGenerator.Options.defaults().withScale(0.25)
                .withYears(2018, 2019).withSeed(11).withDefects(false), tmp);
        Ingested.use(tmp, tmp.resolve("work"), (Reference reference, ClaimIngest.Result r) -> {
            assertTrue(r.byClient(), "partitioned by client in the ingest");
            Map<String, Table> fast = FlowMetrics.compute(r.accepted(), true, reference, 1,
                    nl.voorkant.flow.tables.Placements.Plan.MEMO).tables();
            assertTrue(fast.get("flow_month").size() > 100, "months of two years");
            assertSameTables(fast, ReferencePass.tables(r.accepted(), reference, 1), "partitioned by the ingest");
            return null;
        });
    }

    /** Fails at the first difference, naming the table, row and column. */
    static void assertSameTables(Map<String, Table> expected, Map<String, Table> actual, String what) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), what + ": the tables, in order");
        for (String name : expected.keySet()) {
            Table e = expected.get(name), a = actual.get(name);
            assertEquals(e.columns(), a.columns(), what + ": columns of " + name);
            for (int row = 0; row < Math.min(e.size(), a.size()); row++) {
                for (int c = 0; c < e.columns().size(); c++) {
                    Object x = e.rows().get(row).get(c), y = a.rows().get(row).get(c);
                    if (!Objects.equals(x, y)) {
                        fail(what + ": " + name + " row " + row + " column " + e.columns().get(c) + ": fast " + describe(x)
                                + ", reference " + describe(y) + "\n  fast row      " + e.rows().get(row)
                                + "\n  reference row " + a.rows().get(row));
                    }
                }
            }
            assertEquals(e.size(), a.size(), what + ": rows of " + name);
        }
    }

    private static String describe(Object v) {
        return v == null ? "empty" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
