package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void theScaleForALineCountHitsTheMeasuredMunicipalityCounts() {
        // The generator wrote 1,023,928 lines for 62 municipalities and 12,218,346 for 616.
        assertEquals(62, Math.round(4 * BenchCommand.scaleFor(1_023_928)));
        assertEquals(616, Math.round(4 * BenchCommand.scaleFor(12_218_346)));
        assertEquals(519, Math.round(4 * BenchCommand.scaleFor(10_000_000)));
    }
}
