package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

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
    void everyDefectKindIsWrittenAndRejectedForItsOwnReason() throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SMALL, tmp);
        ClaimsMetrics m = ClaimsMetrics.of(s.claimsDir(), s.referenceDir());
        long total = 0;
        for (Map.Entry<DefectKind, Long> e : s.defects().entrySet()) {
            assertTrue(e.getValue() > 0, "no rows of " + e.getKey());
            String reason = e.getKey().name().toLowerCase(Locale.ROOT);
            assertEquals(e.getValue(), m.rejects.get(reason), reason);
            total += e.getValue();
        }
        assertEquals(total, m.rejects.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(s.rows(), m.rowsRead);
        // About one row in a hundred is defective.
        assertTrue(total > 0.005 * s.rows() && total < 0.02 * s.rows(), total + " of " + s.rows());
    }

    @Test
    void clientIdsPassTheElevenProof() throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SMALL.withDefects(false), tmp);
        List<Map<String, String>> rows = ClaimsMetrics.readCsv(s.claimsDir().resolve("claims_2018.csv.gz"));
        assertTrue(rows.size() > 1000);
        for (Map<String, String> r : rows) {
            assertTrue(Bsn.isValid(r.get("client_id")), r.get("client_id"));
        }
    }

    @Test
    void scaleAddsSyntheticMunicipalitiesAndLeavesTheRealOnesAlone() throws IOException {
        SampleGenerator.Summary one = SampleGenerator.generate(SMALL.withGzip(false), tmp.resolve("one"));
        SampleGenerator.Summary two = SampleGenerator.generate(SMALL.withGzip(false).withScale(3), tmp.resolve("three"));
        assertEquals(1, one.municipalities());
        assertEquals(12, two.municipalities());
        List<Map<String, String>> municipalities = ClaimsMetrics.readCsv(two.referenceDir().resolve("municipalities.csv"));
        Set<String> codes = new HashSet<>();
        for (Map<String, String> r : municipalities) {
            assertTrue(r.get("municipality_code").matches("GM\\d{4}"));
            assertTrue(codes.add(r.get("municipality_code")));
            assertTrue(Integer.parseInt(r.get("youth_population")) >= 400);
        }
        assertTrue(codes.containsAll(Set.of("GM0482", "GM0523", "GM0590", "GM0610", "GM2001", "GM2008")));
        assertEquals("Drechtsteden-Noord", municipalities.get(0).get("subregion"));
        assertFalse(municipalities.get(4).get("subregion").equals(municipalities.get(9).get("subregion")));
        Set<String> claimed = new HashSet<>();
        for (Map<String, String> r : ClaimsMetrics.readCsv(two.claimsDir().resolve("claims_2018.csv"))) {
            claimed.add(r.get("municipality_code"));
        }
        assertTrue(claimed.containsAll(codes));
        // Alblasserdam comes first and has its own random streams, so its lines do not change with scale.
        String small = Files.readString(one.claimsDir().resolve("claims_2018.csv"));
        assertTrue(Files.readString(two.claimsDir().resolve("claims_2018.csv")).startsWith(small));
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
