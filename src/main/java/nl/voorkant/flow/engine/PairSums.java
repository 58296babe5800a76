package nl.voorkant.flow.engine;

import java.util.Arrays;

/**
 * Three sums per key of two non-negative longs: open addressing with linear probing, no object per
 * key. A partition adds tens of millions of counts into a million keys.
 */
final class PairSums {
    private static final long EMPTY = -1;
    /** Per slot its two key halves, side by side. */
    private long[] keys = emptyKeys(1 << 12);
    /** Per slot its three sums, side by side. */
    private long[] sums = new long[3 << 12];
    private int size;

    private static long[] emptyKeys(int slots) {
        long[] k = new long[slots * 2];
        Arrays.fill(k, EMPTY);
        return k;
    }

    void add(long k, long ab, long first, long second, long third) {
        if (k < 0 || ab < 0) throw new IllegalArgumentException("keys are non-negative");
        if (size * 4 >= slots() * 3) grow();
        int at = slot(keys, k, ab);
        if (keys[at * 2] == EMPTY) {
            keys[at * 2] = k;
            keys[at * 2 + 1] = ab;
            size++;
        }
        sums[at * 3] += first;
        sums[at * 3 + 1] += second;
        sums[at * 3 + 2] += third;
    }

    int size() {
        return size;
    }

    interface Entry {
        void accept(long k, long ab, long first, long second, long third);
    }

    void forEach(Entry to) {
        for (int i = 0; i < slots(); i++) {
            if (keys[i * 2] != EMPTY) to.accept(keys[i * 2], keys[i * 2 + 1], sums[i * 3], sums[i * 3 + 1], sums[i * 3 + 2]);
        }
    }

    private int slots() {
        return keys.length / 2;
    }

    /** The slot holding (k, ab), or the empty slot where it belongs. */
    private static int slot(long[] keys, long k, long ab) {
        int mask = keys.length / 2 - 1;
        long h = k * 0x9E3779B97F4A7C15L + ab; // then SplitMix64's finaliser: linear probing needs well-mixed bits
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        int at = (int) (h ^ (h >>> 31)) & mask;
        while (keys[at * 2] != EMPTY && (keys[at * 2] != k || keys[at * 2 + 1] != ab)) at = (at + 1) & mask;
        return at;
    }

    private void grow() {
        long[] oldKeys = keys, oldSums = sums;
        keys = emptyKeys(slots() * 2);
        sums = new long[slots() * 3];
        for (int i = 0; i < oldKeys.length / 2; i++) {
            if (oldKeys[i * 2] == EMPTY) continue;
            int at = slot(keys, oldKeys[i * 2], oldKeys[i * 2 + 1]);
            keys[at * 2] = oldKeys[i * 2];
            keys[at * 2 + 1] = oldKeys[i * 2 + 1];
            System.arraycopy(oldSums, i * 3, sums, at * 3, 3);
        }
    }
}
