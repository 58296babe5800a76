package nl.voorkant.flow.engine;

/**
 * Three sums per key of two non-negative longs: open addressing with linear probing, no object per
 * key. A partition adds tens of millions of counts into a million keys.
 *
 * <p>A slot holds its key and its sums side by side, five longs in one array: the table is far larger
 * than the processor's caches, so an add costs what its cache misses cost, and keys in one array and
 * sums in another made two of them (measured: a tenth of the fold went to finding slots).
 */
final class PairSums {
    private static final long EMPTY = -1;
    /** A slot's longs: the key's two halves, then the three sums. */
    private static final int WIDTH = 5;
    private long[] slots = empty(1 << 12);
    private int size;

    private static long[] empty(int slots) {
        long[] s = new long[slots * WIDTH];
        for (int i = 0; i < s.length; i += WIDTH) s[i] = EMPTY;
        return s;
    }

    void add(long k, long ab, long first, long second, long third) {
        if (k < 0 || ab < 0) throw new IllegalArgumentException("keys are non-negative");
        if (size * 4 >= capacity() * 3) grow();
        int at = slot(slots, k, ab);
        if (slots[at] == EMPTY) {
            slots[at] = k;
            slots[at + 1] = ab;
            size++;
        }
        slots[at + 2] += first;
        slots[at + 3] += second;
        slots[at + 4] += third;
    }

    int size() {
        return size;
    }

    interface Entry {
        void accept(long k, long ab, long first, long second, long third);
    }

    void forEach(Entry to) {
        for (int i = 0; i < slots.length; i += WIDTH) {
            if (slots[i] != EMPTY) to.accept(slots[i], slots[i + 1], slots[i + 2], slots[i + 3], slots[i + 4]);
        }
    }

    private int capacity() {
        return slots.length / WIDTH;
    }

    /** The first long of the slot holding (k, ab), or of the empty slot where it belongs. */
    private static int slot(long[] slots, long k, long ab) {
        int mask = slots.length / WIDTH - 1;
        long h = k * 0x9E3779B97F4A7C15L + ab; // then SplitMix64's finaliser: linear probing needs well-mixed bits
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        int at = ((int) (h ^ (h >>> 31)) & mask) * WIDTH;
        while (slots[at] != EMPTY && (slots[at] != k || slots[at + 1] != ab)) {
            at += WIDTH;
            if (at == slots.length) at = 0;
        }
        return at;
    }

    private void grow() {
        long[] old = slots;
        slots = empty(capacity() * 2);
        for (int i = 0; i < old.length; i += WIDTH) {
            if (old[i] != EMPTY) System.arraycopy(old, i, slots, slot(slots, old[i], old[i + 1]), WIDTH);
        }
    }
}
