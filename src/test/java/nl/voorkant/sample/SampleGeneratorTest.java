package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import nl.voorkant.ingest.ClaimColumns;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.IngestSummary;
import nl.voorkant.ingest.Reference;
import nl.voorkant.testing.Ingested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
    /** One municipality (Alblasserdam), one year: small enough for a fast test, large enough for every defect. */
    private static final SampleGenerator.Options SMALL = SampleGenerator.Options.defaults().withScale(0.25)
            .withYears(2018, 2018).withSeed(7);

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        SampleGenerator.generate(SMALL, tmp.resolve("a"));
        SampleGenerator.generate(SMALL, tmp.resolve("b"));
        SampleGenerator.generate(SMALL.withSeed(8), tmp.resolve("c"));
        byte[] a = Files.readAllBytes(tmp.resolve("a/claims/claims_2018.csv.gz"));
        assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b/claims/claims_2018.csv.gz")));
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(tmp.resolve("c/claims/claims_2018.csv.gz"))));
    }

    @Test
    void everyDefectIsWrittenAndIngestionRejectsItForItsReason() throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SMALL, tmp);
        IngestSummary ingested = Ingested.use(tmp, tmp.resolve("work"), (reference, r) -> r.summary());
        assertEquals(Set.copyOf(ClaimEmitter.DEFECTS), s.defects().keySet(), "the reasons the generator writes");
        long total = 0;
        for (Map.Entry<ClaimParser.Reason, Long> e : s.defects().entrySet()) {
            assertTrue(e.getValue() > 0, "no rows of " + e.getKey().code());
            assertEquals(e.getValue(), ingested.rejectsByReason().get(e.getKey().code()), e.getKey().code() + " rows rejected");
            total += e.getValue();
        }
        assertEquals(total, ingested.rowsRejected(), "rows rejected: the defective ones and no other");
        assertEquals(s.rows(), ingested.rowsRead(), "rows read");
        assertTrue(total > 0.005 * s.rows() && total < 0.02 * s.rows(), "about one row in a hundred is defective: "
                + total + " of " + s.rows());
    }

    @Test
    void clientIdsPassTheElevenProof() throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SMALL.withDefects(false), tmp);
        List<String> ids = column(s.claimsDir().resolve("claims_2018.csv.gz"), ClaimColumns.CLIENT_ID);
        assertTrue(ids.size() > 1000, "lines: " + ids.size());
        for (String id : ids) {
            assertTrue(Bsn.isValid(id), "a client id fails the eleven-proof");
        }
    }

    /** One canonical column of every line of a generated claims file (the generator quotes nothing). */
    private static List<String> column(Path file, int column) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertEquals(ClaimWriter.HEADER, r.readLine(), "the header of " + file.getFileName());
            return r.lines().map(line -> line.split(",", -1)[column]).toList();
        }
    }

    @Test
    void scaleAddsSyntheticMunicipalitiesAndLeavesTheRealOnesAlone() throws IOException {
        SampleGenerator.Summary one = SampleGenerator.generate(SMALL.withGzip(false), tmp.resolve("one"));
        SampleGenerator.Summary two = SampleGenerator.generate(SMALL.withGzip(false).withScale(3), tmp.resolve("three"));
        assertEquals(1, one.municipalities());
        assertEquals(12, two.municipalities());
        List<Reference.Municipality> municipalities = List.copyOf(Reference.load(two.referenceDir()).municipalities().values());
        Set<String> codes = new HashSet<>();
        for (Reference.Municipality m : municipalities) {
            assertTrue(m.code().matches("GM\\d{4}"), m.code() + " is a GM code");
            assertTrue(codes.add(m.code()), m.code() + " once");
            assertTrue(m.youthPopulation() >= 400, m.code() + " youth population");
        }
        assertTrue(codes.containsAll(Set.of("GM0482", "GM0523", "GM0590", "GM0610", "GM2001", "GM2008")), "codes " + codes);
        assertEquals("Drechtsteden-Noord", municipalities.get(0).subregion());
        assertFalse(municipalities.get(4).subregion().equals(municipalities.get(9).subregion()), "synthetic subregions");
        Set<String> claimed = new HashSet<>(column(two.claimsDir().resolve("claims_2018.csv"), ClaimColumns.MUNICIPALITY_CODE));
        assertTrue(claimed.containsAll(codes), "every municipality has claims");
        // Alblasserdam comes first and has its own random streams, so its lines do not change with scale.
        String small = Files.readString(one.claimsDir().resolve("claims_2018.csv"));
        assertTrue(Files.readString(two.claimsDir().resolve("claims_2018.csv")).startsWith(small));
    }

    @Test
    void yearsBeyond2020AreSimulatedWithTheirOwnNewClients() throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SMALL.withYears(2016, 2025).withDefects(false).withGzip(false),
                tmp);
        for (int y = 2021; y <= 2025; y++) {
            List<String> starts = column(s.claimsDir().resolve("claims_" + y + ".csv"), ClaimColumns.PERIOD_START);
            assertTrue(starts.size() > 1000, y + ": lines " + starts.size());
            int year = y;
            assertTrue(starts.stream().allMatch(d -> d.startsWith(year + "-")), y + ": every line's period starts in " + y);
        }
        // Inflow keeps growing after the last seeded year: the newest year has more lines than 2021.
        assertTrue(s.rowsPerYear().get(2025) > s.rowsPerYear().get(2021), "rows per year " + s.rowsPerYear());
        // Care starting in 2025 belongs to clients never claimed before: the simulation went on, not a copy.
        Set<String> before = new HashSet<>(column(s.claimsDir().resolve("claims_2024.csv"), ClaimColumns.CLIENT_ID));
        List<String> in2025 = column(s.claimsDir().resolve("claims_2025.csv"), ClaimColumns.CLIENT_ID);
        long newcomers = in2025.stream().distinct().filter(id -> !before.contains(id)).count();
        assertTrue(newcomers > 50, "clients first claimed in 2025: " + newcomers);
    }

    @Test
    void aSingleFileHoldsTheLinesOfEveryYearFile() throws IOException {
        SampleGenerator.Options years = SMALL.withYears(2019, 2022).withGzip(false);
        SampleGenerator.Summary yearly = SampleGenerator.generate(years, tmp.resolve("yearly"));
        SampleGenerator.Summary one = SampleGenerator.generate(years.withSingleFile(true), tmp.resolve("one"));
        try (java.util.stream.Stream<Path> files = Files.list(one.claimsDir())) {
            assertEquals(List.of("claims_2019-2022.csv"), files.map(f -> f.getFileName().toString()).toList(),
                    "the files written");
        }
        List<String> all = new java.util.ArrayList<>();
        for (int y = 2019; y <= 2022; y++) {
            all.addAll(Files.readAllLines(yearly.claimsDir().resolve("claims_" + y + ".csv")).subList(1, (int) (1
                    + yearly.rowsPerYear().get(y))));
        }
        List<String> single = Files.readAllLines(one.claimsDir().resolve("claims_2019-2022.csv"));
        assertEquals(ClaimWriter.HEADER, single.get(0), "one header");
        assertEquals(all.stream().sorted().toList(), single.subList(1, single.size()).stream().sorted().toList(),
                "the same lines as the four yearly files");
        assertEquals(yearly.rowsPerYear(), one.rowsPerYear(), "rows per year");
        assertThrows(IllegalArgumentException.class, () -> years.withFormat(Format.XLSX).withSingleFile(true),
                "a single file is csv");
    }

    @Test
    void optionsRejectNonsense() {
        SampleGenerator.Options d = SampleGenerator.Options.defaults();
        assertEquals(2017, d.withYears("2017-2019").firstYear());
        assertEquals(2018, d.withYears("2018").lastYear());
        assertThrows(IllegalArgumentException.class, () -> d.withYears("2016-20x0"));
        assertThrows(IllegalArgumentException.class, () -> d.withYears("2020-2016"));
        assertThrows(IllegalArgumentException.class, () -> d.withYears("1990-2000"));
        assertThrows(IllegalArgumentException.class, () -> d.withScale(0));
    }

    @Test
    void gzipFilesAreRealGzip() throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SMALL, tmp);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(s.claimsDir().resolve("claims_2018.csv.gz")))) {
            String head = new String(in.readNBytes(ClaimWriter.HEADER.length()));
            assertEquals(ClaimWriter.HEADER, head);
        }
    }
}
