package nl.voorkant.testing;

import nl.voorkant.core.StoragePath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.BiFunction;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.ParsedCache;
import nl.voorkant.ingest.Pseudonymiser;
import nl.voorkant.ingest.Reference;

/** A generated or shipped claims folder through ingestion as analyse runs it (its default window, a test key). */
public final class Ingested {
    private Ingested() {}

    private static final Pseudonymiser KEY = Pseudonymiser.withKey("ingested-test-key-0123456789abcdef");

    /**
     * Ingests {@code folder}/claims with {@code folder}/reference and hands the result to {@code use}
     * while its parsed lines exist (they live in a temporary cache under {@code work}, made if missing).
     */
    public static <T> T use(Path folder, Path work, BiFunction<Reference, ClaimIngest.Result, T> use) throws IOException {
        Reference reference = Reference.load(StoragePath.of(folder.resolve("reference")));
        ClaimParser parser = new ClaimParser(reference, LocalDate.of(2015, 1, 1),
                LocalDate.of(LocalDate.now().getYear(), 12, 31), KEY);
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(Files.createDirectories(work)))) {
            return use.apply(reference, ClaimIngest.ingest(SharedSpark.session(),
                    ClaimIngest.listInputs(StoragePath.of(folder.resolve("claims"))), parser, cache));
        }
    }
}
