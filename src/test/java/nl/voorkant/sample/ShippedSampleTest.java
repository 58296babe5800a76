package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sample is what the default options generate; that it meets the seed figures is
 * proved on analyse's own tables ({@code cli.ShippedSampleAnalysisTest} with {@link Calibration}).
 */
class ShippedSampleTest {
    @Test
    void defaultOptionsRegenerateTheShippedFilesByteForByte(@TempDir Path tmp) throws IOException {
        SampleGenerator.generate(SampleGenerator.Options.defaults(), tmp);
        for (String f : new String[] {"claims/claims_2016.csv.gz", "claims/claims_2017.csv.gz", "claims/claims_2018.csv.gz",
                "claims/claims_2019.csv.gz", "claims/claims_2020.csv.gz", "reference/products.csv",
                "reference/municipalities.csv"}) {
            assertArrayEquals(Files.readAllBytes(Path.of("data", f)), Files.readAllBytes(tmp.resolve(f)), f);
        }
    }
}
