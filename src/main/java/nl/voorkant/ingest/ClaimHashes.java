package nl.voorkant.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.voorkant.core.StoragePath;

/**
 * The claim id hashes of the valid lines, kept sorted per parsed partition beside the parsed lines (in {@link #FOLDER}),
 * so that finding the hashes more than one line has is a merge of sorted runs on the driver: no
 * pass over the lines and no shuffle, and a run reads 8 bytes per line, streaming.
 */
final class ClaimHashes {
    private ClaimHashes() {}

    /** The folder of an entry's sorted runs: hidden from Spark's Parquet reader by its underscore. */
    static final String FOLDER = "_hashes";

    /** Appends hashes to a growing array. */
    static final class Run {
        private long[] hashes = new long[1024];
        private int size;

        void add(long hash) {
            if (size == hashes.length) hashes = Arrays.copyOf(hashes, size * 2);
            hashes[size++] = hash;
        }

        /**
         * Writes the hashes sorted to {@code file}. Each task attempt writes a file of its own name
         * ({@link #name}), never one another attempt may still be writing, and the entry lists the
         * runs of the attempts that counted: no rename, so the same on every store.
         */
        void write(StoragePath file) {
            Arrays.sort(hashes, 0, size);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file.create(), 1 << 16))) {
                for (int i = 0; i < size; i++) out.writeLong(hashes[i]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write claim id hashes to " + file, e);
            }
        }
    }

    /** The name of the run that attempt {@code attempt} of partition {@code part} writes. */
    static String name(int part, long attempt) {
        return String.format("part-%05d-%d.bin", part, attempt);
    }

    /** The hashes that occur more than once over all {@code runs} (a run listed twice counts twice), ascending. */
    static List<Long> repeated(List<StoragePath> runs) {
        List<DataInputStream> in = new ArrayList<>();
        try {
            for (StoragePath r : runs) in.add(new DataInputStream(new BufferedInputStream(r.open(), 1 << 16)));
            // A heap of the runs by their current hash: pop the smallest, count how often it repeats.
            int[] heap = new int[in.size()];
            long[] head = new long[in.size()];
            int n = 0;
            for (int i = 0; i < in.size(); i++) {
                if (advance(in.get(i), head, i)) heap[n++] = i;
            }
            for (int i = n / 2 - 1; i >= 0; i--) siftDown(heap, n, head, i);
            List<Long> repeated = new ArrayList<>();
            boolean any = false;
            long previous = 0;
            while (n > 0) {
                int top = heap[0];
                long h = head[top];
                if (any && h == previous && (repeated.isEmpty() || repeated.get(repeated.size() - 1) != h)) repeated.add(h);
                previous = h;
                any = true;
                if (!advance(in.get(top), head, top)) heap[0] = heap[--n];
                siftDown(heap, n, head, 0);
            }
            return repeated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claim id hashes", e);
        } finally {
            for (DataInputStream s : in) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // read only: nothing is lost
                }
            }
        }
    }

    private static boolean advance(DataInputStream in, long[] head, int run) throws IOException {
        try {
            head[run] = in.readLong();
            return true;
        } catch (EOFException end) {
            return false;
        }
    }

    private static void siftDown(int[] heap, int n, long[] head, int at) {
        while (true) {
            int smallest = at, left = 2 * at + 1, right = left + 1;
            if (left < n && head[heap[left]] < head[heap[smallest]]) smallest = left;
            if (right < n && head[heap[right]] < head[heap[smallest]]) smallest = right;
            if (smallest == at) return;
            int t = heap[at];
            heap[at] = heap[smallest];
            heap[smallest] = t;
            at = smallest;
        }
    }
}
