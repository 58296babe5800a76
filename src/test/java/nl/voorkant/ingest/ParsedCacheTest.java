package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedCacheTest {
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
            ClaimParserTest.KEY);

    @Test
    void twoRunsAtOnceOnOneCacheBothSucceedAndKeepOneEntry(@TempDir Path dir, @TempDir Path cacheDir) throws Exception {
        Files.write(dir.resolve("claims.csv"), DefectFile.LINES, StandardCharsets.UTF_8);
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir));
        // Both look into the cache before either has stored the file, so both parse it and both store it.
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<IngestSummary>> runs = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> {
            try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
                together.await();
                return ClaimIngest.ingest(SharedSpark.session(), files, parser, cache).summary();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        })).toList();
        for (CompletableFuture<IngestSummary> run : runs) {
            IngestSummary s = run.get();
            assertEquals(16, s.rowsRead(), "each run reads every line");
            assertEquals(2, s.rowsAccepted());
        }
        List<Path> entries = children(cacheDir, "entry=");
        assertFalse(entries.isEmpty(), "an entry kept");
        for (Path e : entries) assertTrue(Files.isRegularFile(e.resolve("_entry.properties")), "committed: " + e);
        assertEquals(List.of(), children(cacheDir, ".tmp-"), "no work left");
        assertEquals(List.of(), children(cacheDir, ".probe-"), "no probe left");
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result third = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
            assertTrue(third.entries().get(0).reused(), "a third run takes either entry");
            assertEquals(2, third.summary().rowsAccepted());
        }
    }

    /**
     * The commit marker: an entry counts once its entry file is there. A folder of the entry's name
     * without one (a run that died, or one still writing, on a store without atomic renames) is passed
     * over: the file is parsed again into a folder of its own, the unfinished one left alone while it is
     * young (it may be a live run's), and the run after that reuses the committed entry.
     */
    @Test
    void aFolderWithoutItsMarkerIsPassedOverAndItsFileParsedAgainBesideIt(@TempDir Path dir, @TempDir Path cacheDir)
            throws Exception {
        Files.write(dir.resolve("claims.csv"), DefectFile.LINES, StandardCharsets.UTF_8);
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir));
        IngestSummary first;
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            first = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache).summary();
        }
        Path committed = children(cacheDir, "entry=").get(0);
        // The same entry as a died run left it: its lines and hashes, its marker never written. Its name
        // sorts before the committed one's, so a reader that ignored the marker would take it.
        String name = committed.getFileName().toString();
        Path unfinished = cacheDir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + "0");
        copyTree(committed, unfinished);
        Files.delete(unfinished.resolve("_entry.properties"));
        Files.delete(committed.resolve("_entry.properties"));
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result again = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
            assertFalse(again.entries().get(0).reused(), "no marker, no entry: parsed again");
            assertEquals(first, again.summary());
        }
        List<Path> entries = children(cacheDir, "entry=");
        assertEquals(3, entries.size(), "the two unfinished folders are young, so kept; the new entry beside them: " + entries);
        assertEquals(1, entries.stream().filter(e -> Files.isRegularFile(e.resolve("_entry.properties"))).count(),
                "one committed entry");
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result third = ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
            assertTrue(third.entries().get(0).reused(), "the committed entry is taken, the unfinished ones passed over");
            assertEquals(first, third.summary());
        }
    }

    /** An unfinished entry folder that no run holds and that nothing touched for a day is removed; a committed one stays. */
    @Test
    void anOldUnfinishedFolderIsRemovedAndACommittedOneKept(@TempDir Path dir, @TempDir Path cacheDir) throws Exception {
        Files.write(dir.resolve("claims.csv"), DefectFile.LINES, StandardCharsets.UTF_8);
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir));
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.ingest(SharedSpark.session(), files, parser, cache);
        }
        Path committed = children(cacheDir, "entry=").get(0);
        Path unfinished = cacheDir.resolve("entry=" + "0".repeat(64) + "-x.deadrun");
        copyTree(committed, unfinished);
        Files.delete(unfinished.resolve("_entry.properties"));
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        try (Stream<Path> all = Files.walk(unfinished)) {
            for (Path p : all.toList()) Files.setLastModifiedTime(p, old);
        }
        try (ParsedCache cache = ParsedCache.at(StoragePath.of(cacheDir))) {
            assertFalse(Files.exists(unfinished), "abandoned unfinished work is removed");
            assertTrue(Files.isRegularFile(committed.resolve("_entry.properties")), "the committed entry stays");
        }
    }

    static List<Path> children(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }
}
