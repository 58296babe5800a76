package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @Test
    void writesClaimsPerYearAndTheMatchingCatalogue(@TempDir Path out) throws IOException {
        assertEquals(0, Main.run(new String[] {"generate", "--out", out.toString(), "--scale", "2", "--years", "2018-2019",
                "--plain"}));
        try (Stream<Path> s = Files.list(out.resolve("claims"))) {
            assertEquals(List.of("claims_2018.csv", "claims_2019.csv"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(1 + 8, Files.readAllLines(out.resolve("reference/municipalities.csv")).size(), "scale 2: eight municipalities");
    }

    @Test
    void badValuesAreOneLineErrors(@TempDir Path out) {
        assertEquals(2, Main.run(new String[] {"generate", "--out", out.toString(), "--years", "2020-2016"}));
        assertEquals(2, Main.run(new String[] {"generate", "--out", out.toString(), "--seed", "abc"}));
        assertEquals(2, Main.run(new String[] {"generate", "--scale", "2"}), "--out is required");
    }
}
