package nl.voorkant.nowcast;

import nl.voorkant.core.StoragePath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.ParsedCache;
import nl.voorkant.ingest.Pseudonymiser;
import nl.voorkant.ingest.Reference;
import nl.voorkant.sample.SampleGenerator;
import nl.voorkant.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extract cut at a date and completed by the nowcast lands near the figures of the full claims:
 * the generator writes the same care twice, once with every line and once with only the lines
 * declared by the cut, and the region's months are compared.
 */
class CutExtractTest {
    static final LocalDate CUT = LocalDate.of(2020, 9, 15);
    static final Pseudonymiser KEY = Pseudonymiser.withKey("nowcast-cut-test-key-0123456789");

    /** Per month the region's clients and cost over all product groups: raw, and completed where the nowcast has it. */
    record Month(double clients, double cost, double clientsNowcast, double costNowcast) {}

    private static Map<String, Month> region(Path out, LocalDate extract) throws IOException {
        SampleGenerator.generate(SampleGenerator.Options.defaults().withScale(0.5).withYears(2019, 2020).withDefects(false)
                .withGzip(false).withDeclarations(new SampleGenerator.Declarations(true, extract)), out);
        Reference reference = Reference.load(StoragePath.of(out.resolve("reference")));
        ClaimParser parser = new ClaimParser(reference, LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31), KEY);
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(out))) {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(out.resolve("claims"))),
                    parser, cache);
            Map<String, Table> flow = FlowMetrics.compute(r.accepted(), reference, 1).tables();
            Table month = Nowcast.complete(r.accepted(), r.dates(), null, flow, null).tables().get(FlowMonth.SCHEMA.name())
                    .where(Dimensions.AREA_LEVEL, AreaLevel.REGION.code());
            Map<String, Month> out2 = new TreeMap<>();
            for (int i = 0; i < month.size(); i++) {
                double clients = ((Number) month.value(i, FlowMonth.CLIENTS)).doubleValue();
                double cost = ((Number) month.value(i, FlowMonth.COST_EUR)).doubleValue();
                Object cn = month.value(i, FlowMonth.CLIENTS_NOWCAST), kn = month.value(i, FlowMonth.COST_EUR_NOWCAST);
                Month m = new Month(clients, cost, cn == null ? clients : ((Number) cn).doubleValue(),
                        kn == null ? cost : ((Number) kn).doubleValue());
                out2.merge((String) month.value(i, Dimensions.MONTH), m, (a, b) -> new Month(a.clients + b.clients,
                        a.cost + b.cost, a.clientsNowcast + b.clientsNowcast, a.costNowcast + b.costNowcast));
            }
            return out2;
        }
    }

    @Test
    void theLastSixMonthsOfACutExtractAreCompletedToWithinTenPercent(@TempDir Path fullDir, @TempDir Path cutDir)
            throws IOException {
        Map<String, Month> full = region(fullDir, null);
        Map<String, Month> cut = region(cutDir, CUT);
        assertEquals("2020-09", ((TreeMap<String, Month>) cut).lastKey(), "the cut extract ends in the cut's month");
        double rawError = 0, nowcastError = 0;
        for (String m : new String[] {"2020-04", "2020-05", "2020-06", "2020-07", "2020-08", "2020-09"}) {
            Month f = full.get(m), c = cut.get(m);
            double clients = Math.abs(c.clientsNowcast() / f.clients() - 1), cost = Math.abs(c.costNowcast() / f.cost() - 1);
            assertTrue(clients <= 0.10, m + ": clients within 10% of the full claims, off by " + clients);
            assertTrue(cost <= 0.10, m + ": cost within 10% of the full claims, off by " + cost);
            rawError += Math.abs(c.clients() / f.clients() - 1) + Math.abs(c.cost() / f.cost() - 1);
            nowcastError += clients + cost;
        }
        assertTrue(nowcastError <= rawError / 2, "over the six months at most half the raw extract's error: "
                + nowcastError / 12 + " against " + rawError / 12);
    }
}
