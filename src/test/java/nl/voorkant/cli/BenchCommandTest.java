package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.voorkant.sample.SampleGenerator;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void theScaleForALineCountHitsTheMeasuredMunicipalityCounts() {
        // The generator wrote 1,023,928 lines for 62 municipalities and 12,218,346 for 616.
        assertEquals(62, Math.round(4 * BenchCommand.Shape.YEARLY.scaleFor(1_023_928)), "yearly, 1M");
        assertEquals(616, Math.round(4 * BenchCommand.Shape.YEARLY.scaleFor(12_218_346)), "yearly, 12M");
        assertEquals(519, Math.round(4 * BenchCommand.Shape.YEARLY.scaleFor(10_000_000)), "yearly, 10M");
        // One file of 2016-2025: 1,025,030 lines for 26 municipalities, 10,917,963 for 204.
        assertEquals(26, Math.round(4 * BenchCommand.Shape.NATIONAL.scaleFor(1_025_030)), "national, 1M");
        assertEquals(204, Math.round(4 * BenchCommand.Shape.NATIONAL.scaleFor(10_917_963)), "national, 11M");
    }

    @Test
    void theNationalShapeIsOneFileOfTenYears() {
        SampleGenerator.Options o = BenchCommand.Shape.NATIONAL.generatorOptions(1_000_000);
        assertTrue(o.singleFile(), "one file");
        assertEquals(2016, o.firstYear(), "first year");
        assertEquals(2025, o.lastYear(), "last year");
        SampleGenerator.Options yearly = BenchCommand.Shape.YEARLY.generatorOptions(1_000_000);
        assertEquals(false, yearly.singleFile(), "yearly files");
        assertEquals(2020, yearly.lastYear(), "yearly: last year");
    }
}
