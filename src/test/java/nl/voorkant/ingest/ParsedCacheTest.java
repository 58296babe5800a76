package nl.voorkant.ingest;

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
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(dir);
        // Both look into the cache before either has stored the file, so both parse it and both store it.
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<IngestSummary>> runs = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> {
            try (ParsedCache cache = ParsedCache.at(cacheDir)) {
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
        try (Stream<Path> s = Files.list(cacheDir)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("entry=")).count(), "one entry kept");
        }
        try (Stream<Path> s = Files.list(cacheDir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList(), "no work left");
        }
    }
}
