package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;
import static nl.voorkant.testing.IjwMessagesBuilder.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iJw messages through the whole ingestion (cache, duplicates, quarantine, manifest notes) and into the flow tables. */
class IjwIngestTest {
    static final String P = IjwFilesTest.PROVIDER;
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
            ClaimParserTest.KEY);

    static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A CSV line, two JW323 (3.0 and 3.2, the second resending a line of the first), a request, an allocation, a broken file. */
    static void mixedFolder(Path dir) throws IOException {
        Files.write(dir.resolve("export.csv"), List.of(
                "claim_id,client_id,municipality_code,product_code,referrer,period_start,period_end,volume,amount,debit_credit,declaratiedatum",
                "c1,111111110,GM0482,H300,02,2021-01-01,2021-01-31,1,10.00,D,2021-02-10"), StandardCharsets.UTF_8);
        write(dir, "jw315.xml", jw315("3.2", P, "0482", "123456782", "AANVRAAG-1", "03"));
        write(dir, "jw301.xml", jw301("3.2", "0482", P, "123456782", "T1", "AANVRAAG-1", "T2", ""));
        write(dir, "jan.xml", jw323("3.0", P, "0482", "2021-02-05", null, List.of(
                line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 10000, "D"),
                line("123456782", "R2", "T2", "H300", "2021-01-04", "2021-01-29", 2000, "D"),
                line("123456782", "R3", "", "ZZ999", "2021-01-04", "2021-01-29", 300, "D"))));
        write(dir, "resent.xml", jw323("3.2", P, "0482", "2021-02-06", 12345L, List.of(
                line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 10000, "D"),
                line("246813579", "R4", "T7", "H300", "2021-01-04", "2021-01-29", 500, "D"))));
        String whole = jw323("3.2", P, "0482", "2021-02-07", null, List.of(
                line("123456782", "R5", "", "H300", "2021-01-04", "2021-01-29", 100, "D")));
        write(dir, "broken.xml", whole.substring(0, whole.indexOf("</Prestatie>")));
    }

    @Test
    void csvAndIjwInOneFolderReconcileWithDuplicatesRejectsAndABrokenFileReported(@TempDir Path dir, @TempDir Path cacheDir)
            throws IOException {
        mixedFolder(dir);
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir));
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
            IngestSummary s = r.summary();
            assertEquals(6, s.rowsRead(), "1 CSV line + 3 + 2 Prestaties; the broken file's line is not read");
            assertEquals(4, s.rowsAccepted(), "c1, R1, R2, R4");
            assertEquals(1L, s.rejectsByReason().get("duplicate_claim_id"), "R1 resent in resent.xml");
            assertEquals(1L, s.rejectsByReason().get("unknown_product"), "R3");
            assertTrue(s.reconciles());
            assertEquals(1000 + 10000 + 2000 + 500, s.amountAcceptedCents());

            Map<String, Row> accepted = new java.util.HashMap<>();
            for (Row a : r.accepted().collectAsList()) accepted.put(a.getAs("claim_id"), a);
            assertEquals("03", accepted.get(P + "R1").getAs("referrer"), "T1 answers the JW315 with Verwijzer/Type 03");
            assertEquals("01", accepted.get(P + "R2").getAs("referrer"), "T2 answers no request");
            assertNull(accepted.get(P + "R4").getAs("referrer"), "T7 is no allocation: accepted, referrer unknown");
            assertEquals((int) LocalDate.of(2021, 2, 5).toEpochDay(), accepted.get(P + "R1").<Integer>getAs("declaration_day"));
            assertEquals((int) LocalDate.of(2021, 2, 10).toEpochDay(), accepted.get("c1").<Integer>getAs("declaration_day"),
                    "declaratiedatum read from a CSV export");

            List<Row> rejects = r.rejects().orderBy("source_file").collectAsList();
            assertEquals(2, rejects.size());
            Row dup = rejects.stream().filter(x -> "resent.xml".equals(x.getAs("source_file"))).findFirst().orElseThrow();
            assertEquals("duplicate_claim_id", dup.getAs("reason"));
            assertEquals(P + "R1", dup.getAs("claim_id"));
            assertEquals(1L, dup.<Long>getAs("line"), "the later copy, Prestatie 1 of resent.xml");
            Row bad = rejects.stream().filter(x -> "jan.xml".equals(x.getAs("source_file"))).findFirst().orElseThrow();
            assertEquals("unknown_product", bad.getAs("reason"));
            assertEquals(3L, bad.<Long>getAs("line"), "Prestatie 3 of jan.xml");
            assertTrue(bad.<String>getAs("detail").contains("ReferentieNummer 'R3'"), bad.<String>getAs("detail"));
            assertEquals("3.00", bad.getAs("amount"));
            assertEquals("ZZ999", bad.getAs("product_code"));
            assertEquals(List.of(ClaimColumns.REJECT_COLUMNS), List.of(List.of(r.rejects().columns()).subList(4, 18)),
                    "rejects.csv keeps its columns");

            Map<String, Object> ijw = InputFiles.ijwSummary(r.entries()).orElseThrow();
            assertEquals(Map.of("JW301 3.2", 1L, "JW315 3.2", 1L, "JW323 3.0", 1L, "JW323 3.2", 1L), ijw.get("messages_read"));
            assertEquals(1L, ijw.get("lines_without_referrer"), "R4 (the duplicate R1 had its referrer)");
            List<?> unreadable = (List<?>) ijw.get("files_unreadable");
            assertEquals(1, unreadable.size());
            assertEquals("broken.xml", ((Map<?, ?>) unreadable.get(0)).get("name"));
            assertEquals(1L, ijw.get("rows_unreadable"));
            List<?> mismatches = (List<?>) ijw.get("total_mismatches");
            assertEquals(1, mismatches.size(), "resent.xml declares 123.45 for lines of 105.00");
            assertEquals("resent.xml", ((Map<?, ?>) mismatches.get(0)).get("name"));
            assertEquals("105.00", ((Map<?, ?>) mismatches.get(0)).get("total_lines"));

            // Nothing personal leaves ingestion: not in the cache, the rejects or the notes.
            StringBuilder everything = new StringBuilder();
            everything.append(ijw).append(InputFiles.describe(r.entries()));
            for (Row x : r.rejects().collectAsList()) everything.append(x);
            for (Row x : ParsedCache.lines(SharedSpark.session(), r.entries()).collectAsList()) everything.append(x);
            try (Stream<Path> walk = Files.walk(cacheDir)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    everything.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            for (String secret : List.of("123456782", "246813579", "Jansen", "Geheim", "Pietje", "2010-05-17", "2951AA")) {
                assertFalse(everything.toString().contains(secret), secret + " left ingestion");
            }
        }
    }

    @Test
    void aSecondRunTakesTheMessagesFromTheCacheAndANewAllocationParsesTheDeclarationsAgain(@TempDir Path dir,
                                                                                           @TempDir Path cacheDir)
            throws IOException {
        write(dir, "jan.xml", jw323("3.2", P, "0482", "2021-02-05", null,
                List.of(line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 100, "D"))));
        String[] referrer = new String[3];
        for (int run = 0; run < 3; run++) {
            if (run == 2) write(dir, "jw301.xml", jw301("3.2", "0482", P, "123456782", "T1", ""));
            try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
                ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
                ParsedCache.Entry jan = r.entries().stream().filter(e -> e.file().name().equals("jan.xml")).findFirst().orElseThrow();
                assertEquals(run == 1, jan.reused(), "run " + run);
                referrer[run] = r.accepted().first().getAs("referrer");
            }
        }
        assertNull(referrer[1], "no allocation yet");
        assertEquals("01", referrer[2], "the new JW301 gives the line its referrer");
    }

    @Test
    void aLineWithoutReferrerCountsAsInflowButNotInTheLocalReferralShare(@TempDir Path dir) throws IOException {
        // Begeleiding in GM0482 starts for three clients in 2021-06: via the municipality (01), via a GP
        // (02, requested) and unknown. Client 4 in GM0505 pins the data to 2020-01 .. 2021-12.
        write(dir, "jw315.xml", jw315("3.2", P, "0482", "123456782", "A2", "02"));
        write(dir, "jw301.xml", jw301("3.2", "0482", P, "123456782", "T1", "", "T2", "A2"));
        write(dir, "jun.xml", jw323("3.2", P, "0482", "2021-07-05", null, List.of(
                line("111111110", "R1", "T1", "H300", "2021-06-01", "2021-06-30", 100, "D"),
                line("123456782", "R2", "T2", "H300", "2021-06-01", "2021-06-30", 100, "D"),
                line("246813579", "R3", "", "H300", "2021-06-01", "2021-06-30", 100, "D"))));
        write(dir, "anchor.xml", jw323("3.2", P, "0505", "2022-01-05", null, List.of(
                line("555555550", "R4", "T4", "H300", "2020-01-01", "2020-01-31", 100, "D"),
                line("555555550", "R5", "T4", "H300", "2021-12-01", "2021-12-31", 100, "D"))));
        ParsedCache cache = ParsedCache.temporary(StoragePath.of(dir.getParent()));
        try {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
            Table year = FlowMetrics.compute(r.accepted(), TestReference.small(), 1).tables().get("flow_year")
                    .where("area", "GM0482").where("year", 2021).where("product_group", "begeleiding");
            assertEquals(1, year.size());
            assertEquals(3L, year.value(0, "inflow"), "all three start");
            assertEquals(1L, year.value(0, "local_referral_inflow"));
            assertEquals(0.5, year.value(0, "local_referral_share"), "1 of the 2 whose referrer is known");
        } finally {
            cache.close();
        }
    }
}
