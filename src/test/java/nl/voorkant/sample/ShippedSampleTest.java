package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped sample is what the default options generate, and it meets every seed figure within 3%. */
class ShippedSampleTest {
    @Test
    void defaultOptionsRegenerateTheShippedFilesByteForByte(@TempDir Path tmp) throws IOException {
        SampleGenerator.generate(SampleGenerator.Options.defaults(), tmp);
        for (String f : new String[] {"claims/claims_2016.csv.gz", "claims/claims_2018.csv.gz",
                "claims/claims_2020.csv.gz", "reference/products.csv", "reference/municipalities.csv"}) {
            assertArrayEquals(Files.readAllBytes(Path.of("data", f)), Files.readAllBytes(tmp.resolve(f)), f);
        }
    }

    @Test
    void shippedSampleMeetsTheSeedFigures() throws IOException {
        ClaimsMetrics m = ClaimsMetrics.of(Path.of("data/claims"), Path.of("data/reference"));
        StringBuilder misses = new StringBuilder();
        int rows = 0;
        for (Calibration.Row r : Calibration.rows(m)) {
            rows++;
            if (Math.abs(r.deviation()) > 0.03) {
                misses.append(r).append('\n');
            }
        }
        assertTrue(rows >= 50, "only " + rows + " figures checked");
        assertTrue(misses.isEmpty(), "off by more than 3%:\n" + misses);
    }
}
