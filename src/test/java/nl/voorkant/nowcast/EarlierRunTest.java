package nl.voorkant.nowcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.Revisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlierRunTest {
    /** An earlier run as voorkant leaves it: its flow_month (without the nowcast columns, as before them) and manifest. */
    private static Path earlierRun(Path reports, String disclosure) throws IOException {
        Path run = reports.resolve("20210101-120000");
        Files.createDirectories(run.resolve("tables"));
        Files.writeString(run.resolve("tables").resolve("flow_month.csv"), """
                area,area_level,product_group,month,clients,inflow,outflow,cost_eur
                R,region,g,2020-11,10,2,1,1000.00
                R,region,g,2020-12,6,,,500.50
                """);
        Files.writeString(run.resolve("manifest.json"), "{\"parameters\": {\"disclosure\": \"" + disclosure + "\"}}");
        Files.createSymbolicLink(reports.resolve("latest"), run.getFileName());
        return run;
    }

    /** This run: November unchanged, December grown by late claims, January new. */
    private static Map<String, Table> current() {
        Table.Builder m = FlowMonth.SCHEMA.builder();
        m.row("R", "region", "g", "2020-11", 10L, 2L, 1L, new BigDecimal("1000.00"));
        m.row("R", "region", "g", "2020-12", 8L, null, null, new BigDecimal("650.75"));
        m.row("R", "region", "g", "2021-01", 3L, null, null, new BigDecimal("90.00"));
        return Map.of("flow_month", m.build());
    }

    @Test
    void theCellsThatChangedSinceTheLatestRunAreListedWithTheirDifference(@TempDir Path reports) throws IOException {
        earlierRun(reports, "publish");
        EarlierRun.Found found = EarlierRun.find(reports.resolve("20210201-120000"), true);
        assertNull(found.notCompared(), "the run latest points at is compared");
        Table r = EarlierRun.revisions(found.tables(), current());
        assertEquals(Revisions.SCHEMA, r.schema(), "the revisions table's schema");
        assertEquals(List.of(
                List.of("flow_month", "R", "region", "g", "2020-12", "clients", 6L, 8L, 2L, 0.3333),
                List.of("flow_month", "R", "region", "g", "2020-12", "cost_eur", new BigDecimal("500.50"),
                        new BigDecimal("650.75"), new BigDecimal("150.25"), 0.3002)),
                r.rows(), "December's clients and cost, read back by type; November did not change, January is new");
    }

    @Test
    void aReportReplacedInPlaceIsTheEarlierRun(@TempDir Path reports) throws IOException {
        Path run = earlierRun(reports, "publish");
        assertEquals(run, EarlierRun.find(run, true).folder(), "--out onto an earlier report compares with it");
    }

    @Test
    void nothingIsComparedWithoutAnEarlierRunOrAgainstAnUnprotectedOne(@TempDir Path empty, @TempDir Path reports)
            throws IOException {
        EarlierRun.Found none = EarlierRun.find(empty.resolve("20210201-120000"), true);
        assertTrue(none.tables().isEmpty() && none.notCompared() != null, "no earlier run: nothing compared");
        assertFalse(Nowcast.withRevisions(current(), none).containsKey("revisions"), "and no revisions table");
        earlierRun(reports, "internal");
        EarlierRun.Found internal = EarlierRun.find(reports.resolve("20210201-120000"), true);
        assertTrue(internal.tables().isEmpty(), "an internal run's small counts are not compared into a published one");
        assertNull(EarlierRun.find(reports.resolve("20210201-120000"), false).notCompared(),
                "an internal run compares with an internal one");
    }
}
