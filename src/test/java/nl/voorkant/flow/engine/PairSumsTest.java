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

    @Test
    void aSizeOrAVisitBetweenAddsSeesEveryAddSoFar() {
        PairSums sums = new PairSums();
        sums.add(7, 1, 1, 2, 3);
        sums.add(7, 1, 10, 20, 30);
        sums.add(8, 1, 5, 0, 0);
        assertEquals(2, sums.size(), "three adds waiting, two keys");
        long[] seven = new long[3];
        sums.forEach((k, ab, first, second, third) -> {
            if (k == 7) seven[0] = first + 100 * second + 10_000 * third;
        });
        assertEquals(11 + 2_200 + 330_000, seven[0], "both adds of key 7 summed before the visit");
        for (int i = 0; i < 1_000; i++) sums.add(7, 1, 1, 0, 0);
        sums.add(9, 1, 1, 0, 0);
        long[] again = new long[1];
        sums.forEach((k, ab, first, second, third) -> {
            if (k == 7) again[0] = first;
        });
        assertEquals(1_011, again[0], "adds after a visit, over many batches and a part of one, count once each");
        assertEquals(3, sums.size(), "and a new key after them too");
    }
}
