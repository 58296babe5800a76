package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.testing.TestReference;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PartialsTest {
    @Test
    void pairSumsAddUpLikeAMapThroughManyGrowths() {
        Partials.PairSums sums = new Partials.PairSums();
        Map<List<Long>, long[]> expected = new HashMap<>();
        // 50,000 keys, each added three times, some sharing k, some sharing ab: the table grows from 4,096 slots.
        for (int round = 0; round < 3; round++) {
            for (long i = 0; i < 50_000; i++) {
                long k = i % 700, ab = (i / 700) << 32 | (i % 13);
                sums.add(k, ab, 1, round, i);
                long[] e = expected.computeIfAbsent(List.of(k, ab), x -> new long[3]);
                e[0] += 1;
                e[1] += round;
                e[2] += i;
            }
        }
        assertEquals(expected.size(), sums.size());
        int[] seen = {0};
        sums.forEach((k, ab, v, at) -> {
            long[] e = expected.get(List.of(k, ab));
            assertArrayEquals(e, new long[] {v[at], v[at + 1], v[at + 2]}, k + "/" + ab);
            seen[0]++;
        });
        assertEquals(50_000, seen[0]);
        assertThrows(IllegalArgumentException.class, () -> sums.add(-1, 0, 1, 1, 1));
    }

    @Test
    void aPartialTravelsAsNumbersAndComesBackTheSame() {
        Map<String, List<String[]>> areas = FlowMetrics.areas(TestReference.small());
        Partials.Codes codes = Partials.Codes.of(areas, TestReference.small());
        Partials p = new Partials(codes);
        p.add(Partials.TRAJECTORY, "product_code", "GM0482", ClientFlows.MUNICIPALITY, "H300", 24228, 24240, "", 1, 1, 0);
        p.add(Partials.TRAJECTORY, "product_code", "GM0482", ClientFlows.MUNICIPALITY, "H300", 24228, 24240, "", 1, 0, 0);
        p.add(Partials.PROVIDER, FlowMetrics.UNIT, "GM0482", ClientFlows.MUNICIPALITY, "H300", 2019, 0, "A1", 0, 0, 250);
        p.add(Partials.PROVIDER, FlowMetrics.UNIT, "GM0482", ClientFlows.MUNICIPALITY, "H300", 2019, 0, "B2", 0, 0, 100);
        assertEquals(3, p.size());
        Map<String, FlowTables.Partial> back = new HashMap<>();
        for (Row r : p.rows()) {
            FlowTables.Partial x = codes.partial(r.getLong(0), r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4),
                    r.getLong(5));
            back.put(x.kind() + x.s(), x);
        }
        assertEquals(new FlowTables.Partial(Partials.TRAJECTORY, "product_code", "GM0482", ClientFlows.MUNICIPALITY,
                "H300", 24228, 24240, "", 2, 1, 0), back.get("T"));
        assertEquals(250, back.get("PA1").cents());
        assertEquals(100, back.get("PB2").cents());
        assertThrows(IllegalStateException.class, () -> p.add(Partials.YEAR, FlowMetrics.UNIT, "GM9999",
                ClientFlows.MUNICIPALITY, "H300", 2019, 0, "", 1, 1, 1));
    }
}
