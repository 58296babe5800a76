package nl.voorkant.nowcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.ParsedCache;
import nl.voorkant.ingest.Pseudonymiser;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims without declaration dates learn their delays from an earlier extract of the same file in the
 * parsed-claims cache. The same claims twice, each run through the cache as an analyst's monthly re-run
 * would: the earlier extract ends in March 2020, today's in April.
 *
 * <p>Both hold client A's 100.00 in every month July 2019 – March 2020 and client B's 100.00 in January.
 * Today's adds B's February and March, C's 200.00 in March and A's April. The earlier extract (month
 * March) against today's (April), by the earlier extract's ages: July–January (ages 8–2) held all that
 * is in now, complete; February (age 1) held 100 of 200 and 1 of 2 clients: 0.5 of what is in now at
 * age 2, itself complete, so q(1) = 0.5; March (age 0) held 100 and 1 client of the 400 and 3 in now at
 * age 1, whose completeness is 0.5, so of a final 800 and 6: q(0) = 100 / 800 = 0.125 of the cost and
 * 1 / 6 of the clients. Today April is at age 0, March at age 1, February at age 2 (complete).
 */
class EarlierExtractsTest {
    static final Pseudonymiser KEY = Pseudonymiser.withKey("earlier-extracts-test-key-0123456789");
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31), KEY);

    private static String line(String id, String client, String month, String amount) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        return id + "," + client + ",,GM0482,45,H300,1,01," + m.atDay(1) + "," + m.atEndOfMonth() + ",1,04," + amount + ",D";
    }

    private static List<String> earlier() {
        List<String> lines = new ArrayList<>(List.of(DefectFile.HEADER));
        for (String m : List.of("2019-07", "2019-08", "2019-09", "2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03")) {
            lines.add(line("a" + m, "111111110", m, "100.00"));
        }
        lines.add(line("b2020-01", "222222220", "2020-01", "100.00"));
        return lines;
    }

    private static List<String> today() {
        List<String> lines = new ArrayList<>(earlier());
        lines.add(line("b2020-02", "222222220", "2020-02", "100.00"));
        lines.add(line("b2020-03", "222222220", "2020-03", "100.00"));
        lines.add(line("c2020-03", "333333330", "2020-03", "200.00"));
        lines.add(line("a2020-04", "111111110", "2020-04", "100.00"));
        return lines;
    }

    /** One analyse run's ingest, flow and nowcast on {@code files} (name → lines) with the cache in {@code cacheDir}. */
    private Nowcast.Result run(Path cacheDir, Path claimsDir, Map<String, List<String>> files) throws IOException {
        Files.createDirectories(claimsDir);
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            Files.write(claimsDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(claimsDir)),
                    parser, cache);
            Map<String, Table> flow = FlowMetrics.compute(r.accepted(), TestReference.small(), 1).tables();
            return Nowcast.complete(r.accepted(), r.dates(), null, flow, new EarlierExtracts.Store(SharedSpark.session(), cache.dir(),
                    r.entries()));
        }
    }

    /** The region's begeleiding row of {@code month}: cost and clients completeness and provisional. */
    private static Object[] region(Nowcast.Result result, String month) {
        Table t = result.tables().get(FlowMonth.SCHEMA.name()).where(Dimensions.AREA_LEVEL, AreaLevel.REGION.code())
                .where(Dimensions.MONTH, month);
        assertEquals(1, t.size(), "one region row of begeleiding in " + month);
        return new Object[] {t.value(0, FlowMonth.COMPLETENESS), t.value(0, FlowMonth.CLIENTS_COMPLETENESS),
                t.value(0, FlowMonth.PROVISIONAL)};
    }

    private static void assertLearnedFromTheMarchExtract(Nowcast.Result second) {
        Map<String, Object> s = second.summary();
        assertEquals(Nowcast.PROFILE_FROM_EARLIER, s.get("profile_source"), "the profile came from the earlier extract");
        Map<?, ?> earlier = (Map<?, ?>) s.get("earlier_extracts");
        assertEquals(1, earlier.get("count"), "one earlier extract");
        assertEquals(List.of("2020-03"), earlier.get("extract_months"), "of March");
        assertEquals(List.of("claims.csv"), earlier.get("files"), "of the same file only");
        Map<?, ?> profile = (Map<?, ?>) ((Map<?, ?>) s.get("learned_profile")).get("begeleiding");
        assertEquals(List.of(0.125, 0.5), profile.get("cost"), "cost: 100 of a final 800 at age 0, 100 of 200 at age 1");
        assertEquals(List.of(0.1667, 0.5), profile.get("clients"), "clients: 1 of a final 6 at age 0, 1 of 2 at age 1");
        assertEquals(List.of(0.125, 0.1667, true), java.util.Arrays.asList(region(second, "2020-04")), "April at age 0: provisional");
        assertEquals(List.of(0.5, 0.5, true), java.util.Arrays.asList(region(second, "2020-03")), "March at age 1: provisional");
        assertEquals(java.util.Arrays.asList(null, null, false), java.util.Arrays.asList(region(second, "2020-02")),
                "February at age 2: complete, as the earlier extract held all of January at age 2");
        assertEquals(Map.of("2020-03", 0.5, "2020-04", 0.125), s.get("provisional_months"), "the provisional months");
    }

    @Test
    void anEarlierExtractOfTheSameFileTeachesTheDelays(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Nowcast.Result first = run(cache, dir.resolve("march"), Map.of("claims.csv", earlier()));
        assertEquals("default assumption", first.summary().get("profile_source"), "the first run has nothing to learn from");
        Nowcast.Result second = run(cache, dir.resolve("april"), Map.of("claims.csv", today()));
        assertLearnedFromTheMarchExtract(second);
        try (Stream<Path> kept = Files.list(cache.resolve(EarlierExtracts.FOLDER))) {
            List<String> names = kept.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), "one record per extract, committed by its name: " + names);
            assertTrue(names.get(0).startsWith("extract-2020-03-") && names.get(1).startsWith("extract-2020-04-"),
                    "named by their extract months: " + names);
        }
        run(cache, dir.resolve("april"), Map.of("claims.csv", today()));
        try (Stream<Path> kept = Files.list(cache.resolve(EarlierExtracts.FOLDER))) {
            assertEquals(2, kept.count(), "the same extract again adds no record");
        }
    }

    @Test
    void withoutAnEarlierExtractTheDefaultProfileIsAssumedAndSaidSo(@TempDir Path dir) throws IOException {
        Nowcast.Result only = run(dir.resolve("cache"), dir.resolve("april"), Map.of("claims.csv", today()));
        Map<String, Object> s = only.summary();
        assertEquals("default assumption", s.get("profile_source"), "nothing earlier in the cache");
        assertEquals(Nowcast.ASSUMPTION + Nowcast.NO_EARLIER, s.get("assumption"), "the note says there was no earlier extract");
        assertNull(s.get("earlier_extracts"), "no earlier extract named");
        assertEquals(List.of(0.3, 0.3, true), java.util.Arrays.asList(region(only, "2020-04")), "April at the assumed 30%");
        assertEquals(List.of(0.75, 0.75, true), java.util.Arrays.asList(region(only, "2020-03")), "March at the assumed 75%");
        assertEquals(List.of(0.9, 0.9, true), java.util.Arrays.asList(region(only, "2020-02")), "February at the assumed 90%");
    }

    /**
     * The earlier run also read other.csv, whose March holds nothing (mixed in, it would lower every
     * share); today's run has no other.csv: only claims.csv is compared, and the profile is as above.
     */
    @Test
    void anEarlierExtractOfAnotherFileDoesNotMixIn(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        List<String> other = new ArrayList<>(today());
        other.removeIf(l -> l.contains(",2020-03-01,") || l.contains(",2020-04-01,") || l.contains(",2020-02-01,"));
        other.replaceAll(l -> l.replaceFirst("^([abc])(?=\\d)", "o$1"));
        run(cache, dir.resolve("march"), Map.of("claims.csv", earlier(), "other.csv", other));
        assertLearnedFromTheMarchExtract(run(cache, dir.resolve("april"), Map.of("claims.csv", today())));

        Path alone = dir.resolve("alone");
        run(alone, dir.resolve("march-other"), Map.of("other.csv", earlier()));
        Nowcast.Result second = run(alone, dir.resolve("april-alone"), Map.of("claims.csv", today()));
        assertEquals("default assumption", second.summary().get("profile_source"),
                "an earlier extract of another file name is not an earlier extract of claims.csv");
    }

    private static EarlierExtracts.FileMonths file(String sha, String... monthCentsClients) {
        Map<java.time.YearMonth, long[]> months = new java.util.TreeMap<>();
        for (String m : monthCentsClients) {
            String[] v = m.split(":");
            months.put(java.time.YearMonth.parse(v[0]), new long[] {Long.parseLong(v[1]), Long.parseLong(v[2])});
        }
        return new EarlierExtracts.FileMonths("claims.csv", sha, "entry=" + sha, Map.of("begeleiding", months));
    }

    /**
     * An earlier extract of one quarter shows ages 0–2 only: too few for the ages 0–6 the default profile
     * calls incomplete, so the group keeps the default; a record reads back as it was written.
     */
    @Test
    void anExtractShowingTooFewAgesKeepsTheDefault() {
        EarlierExtracts.Extract march = new EarlierExtracts.Extract(java.time.YearMonth.of(2020, 3),
                List.of(file("v1", "2020-01:20000:2", "2020-02:10000:1", "2020-03:10000:1")));
        EarlierExtracts.Extract april = new EarlierExtracts.Extract(java.time.YearMonth.of(2020, 4),
                List.of(file("v2", "2020-01:20000:2", "2020-02:20000:2", "2020-03:40000:3", "2020-04:10000:1")));
        EarlierExtracts.Learned learned = EarlierExtracts.learn(april, List.of(march));
        assertEquals(Map.of(), learned.groups(), "nothing learned");
        assertEquals(java.util.Set.of("begeleiding"), learned.tooFew(), "begeleiding shown at too few ages");
        assertEquals(List.of(java.time.YearMonth.of(2020, 3)), learned.from(), "the March extract was compared");
        assertNull(EarlierExtracts.learn(april, List.of(april)), "an extract is not earlier than itself");
        EarlierExtracts.Extract back = EarlierExtracts.fromProperties(EarlierExtracts.toProperties(march));
        assertEquals(march.month(), back.month(), "the extract month reads back");
        assertEquals(List.of(20000L, 2L), java.util.Arrays.stream(back.files().get(0).groups().get("begeleiding")
                .get(java.time.YearMonth.of(2020, 1))).boxed().toList(), "and each month's cents and clients");
    }
}
