package nl.voorkant.sample;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.InputFiles;
import nl.voorkant.ingest.ParsedCache;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.ingest.Pseudonymiser;
import nl.voorkant.ingest.Reference;
import nl.voorkant.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample written as iJw messages gives the flow tables of the same sample written as CSV. */
class IjwSampleTest {
    static final Pseudonymiser KEY = Pseudonymiser.withKey("ijw-sample-test-key-0123456789");

    private static Map<String, Table> tables(Path out, Format format) throws IOException {
        SampleGenerator.Options o = SampleGenerator.Options.defaults().withScale(0.25).withYears(2020, 2020)
                .withDefects(false).withGzip(false).withFormat(format);
        SampleGenerator.generate(o, out);
        Reference reference = Reference.load(out.resolve("reference"));
        ClaimParser parser = new ClaimParser(reference, LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31), KEY);
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(out))) {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(out.resolve("claims"))),
                    parser, cache);
            assertEquals(0, r.summary().rowsRejected(), format + ": every line accepted");
            if (format == Format.IJW) {
                Map<String, Object> ijw = InputFiles.ijwSummary(r.entries()).orElseThrow();
                assertEquals(0L, ijw.get("lines_without_referrer"), "every line finds its allocation");
                assertTrue(((java.util.List<?>) ijw.get("total_mismatches")).isEmpty(), "every total matches its lines");
            }
            return FlowMetrics.compute(r.accepted(), reference, 1).tables();
        }
    }

    private static String csv(Table t) throws IOException {
        StringWriter w = new StringWriter();
        t.writeCsv(w);
        return w.toString();
    }

    @Test
    void theSampleAsIjwMessagesGivesTheCsvSamplesFlowTables(@TempDir Path csvDir, @TempDir Path ijwDir) throws IOException {
        Map<String, Table> fromCsv = tables(csvDir, Format.CSV);
        Map<String, Table> fromIjw = tables(ijwDir, Format.IJW);
        try (Stream<Path> xml = Files.walk(ijwDir.resolve("claims"))) {
            List<Path> messages = xml.filter(p -> p.toString().endsWith(".xml")).toList();
            assertTrue(messages.size() > 1000, "many small messages: " + messages.size());
            // File names reach the manifest: no BSN (nine digits) in them.
            assertTrue(messages.stream().noneMatch(p -> p.getFileName().toString().matches(".*\\d{9}.*")),
                    "a BSN in a message's file name");
        }
        assertEquals(fromCsv.keySet(), fromIjw.keySet());
        for (String name : fromCsv.keySet()) {
            // Placements count in base years whose every start is known, and one year of data has none.
            if (!name.equals(Placements.SCHEMA.name())) assertTrue(fromCsv.get(name).size() > 0, name + " has rows");
            assertEquals(csv(fromCsv.get(name)), csv(fromIjw.get(name)), name);
        }
    }
}
