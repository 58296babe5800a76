package nl.voorkant.flow.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairSumsTest {
    @Test
    void pairSumsAddUpLikeAMapThroughManyGrowths() {
        PairSums sums = new PairSums();
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
        assertEquals(expected.size(), sums.size(), "one entry per distinct key");
        int[] seen = {0};
        sums.forEach((k, ab, first, second, third) -> {
            assertArrayEquals(expected.get(List.of(k, ab)), new long[] {first, second, third}, "the sums of " + k + "/" + ab);
            seen[0]++;
        });
        assertEquals(50_000, seen[0], "every key is visited once");
        assertThrows(IllegalArgumentException.class, () -> sums.add(-1, 0, 1, 1, 1), "a negative key would look empty");
    }
}
