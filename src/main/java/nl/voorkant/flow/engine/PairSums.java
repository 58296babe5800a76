package nl.voorkant.flow.engine;

/**
 * Three sums per key of two non-negative longs: open addressing with linear probing, no object per
 * key. A partition adds tens of millions of counts into a million keys.
 *
 * <p>The table is far larger than the processor's caches, so an add costs what its cache misses cost.
 * A slot holds its key and its sums side by side, five longs in one array (keys in one array and sums in
 * another made two misses of each add), and adds wait in a small batch: the batch first reads each
 * add's slot, loads that do not wait for one another, so that their misses overlap, and only then adds
 * into slots that are in the caches by then (measured: a tenth of the fold went to finding slots).
 */
final class PairSums {
    private static final long EMPTY = -1;
    /** A slot's longs: the key's two halves, then the three sums. */
    private static final int WIDTH = 5;
    /** Adds that wait: enough for the processor to have many misses under way, few enough to stay in its cache. */
    private static final int BATCH = 128;
    private long[] slots = empty(1 << 12);
    private int size;
    private final long[] waiting = new long[BATCH * WIDTH];
    private final int[] homes = new int[BATCH];
    private int waitingCount;
    /** What the batch's first reads saw: kept, so that the compiler cannot leave those reads out. */
    private long seen;

    private static long[] empty(int slots) {
        long[] s = new long[slots * WIDTH];
        for (int i = 0; i < s.length; i += WIDTH) s[i] = EMPTY;
        return s;
    }

    void add(long k, long ab, long first, long second, long third) {
        if (k < 0 || ab < 0) throw new IllegalArgumentException("keys are non-negative");
        int at = waitingCount++ * WIDTH;
        waiting[at] = k;
        waiting[at + 1] = ab;
        waiting[at + 2] = first;
        waiting[at + 3] = second;
        waiting[at + 4] = third;
        if (waitingCount == BATCH) flush();
    }

    /** Adds the waiting batch: first the reads of the slots where each add's probe starts, then the adds. */
    private void flush() {
        while ((size + waitingCount) * 4L >= capacity() * 3L) grow();
        long s = 0;
        for (int i = 0; i < waitingCount; i++) {
            homes[i] = home(slots, waiting[i * WIDTH], waiting[i * WIDTH + 1]);
            s += slots[homes[i]];
        }
        seen += s;
        for (int i = 0; i < waitingCount; i++) {
            int w = i * WIDTH;
            int at = probe(slots, homes[i], waiting[w], waiting[w + 1]);
            if (slots[at] == EMPTY) {
                slots[at] = waiting[w];
                slots[at + 1] = waiting[w + 1];
                size++;
            }
            slots[at + 2] += waiting[w + 2];
            slots[at + 3] += waiting[w + 3];
            slots[at + 4] += waiting[w + 4];
        }
        waitingCount = 0;
    }

    int size() {
        flush();
        return size;
    }

    interface Entry {
        void accept(long k, long ab, long first, long second, long third);
    }

    void forEach(Entry to) {
        flush();
        for (int i = 0; i < slots.length; i += WIDTH) {
            if (slots[i] != EMPTY) to.accept(slots[i], slots[i + 1], slots[i + 2], slots[i + 3], slots[i + 4]);
        }
    }

    private int capacity() {
        return slots.length / WIDTH;
    }

    /** The first long of the slot where the probe for (k, ab) starts. */
    private static int home(long[] slots, long k, long ab) {
        int mask = slots.length / WIDTH - 1;
        long h = k * 0x9E3779B97F4A7C15L + ab; // then SplitMix64's finaliser: linear probing needs well-mixed bits
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return ((int) (h ^ (h >>> 31)) & mask) * WIDTH;
    }

    /** From {@code at} on, the first long of the slot holding (k, ab), or of the empty slot where it belongs. */
    private static int probe(long[] slots, int at, long k, long ab) {
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
            if (old[i] != EMPTY) System.arraycopy(old, i, slots, probe(slots, home(slots, old[i], old[i + 1]), old[i], old[i + 1]), WIDTH);
        }
    }
}
