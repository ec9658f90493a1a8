package io.tandem.matching.engine;

/**
 * Picks a row's best columns in the order (score descending, column ascending), in batches, without
 * sorting the whole row.
 */
final class TopScores {

    /** Lists of at most this many keys are kept sorted by insertion instead of in a heap. */
    static final int SORTED_UP_TO = 8;

    private TopScores() {}

    /** Orders pairs: a larger key is a better pair. Needs {@code score >= 0}. */
    static long key(int score, int col) {
        return ((long) score << 32) | (Integer.MAX_VALUE - col);
    }

    static int scoreOf(long key) {
        return (int) (key >>> 32);
    }

    static int colOf(long key) {
        return Integer.MAX_VALUE - (int) (key & 0xFFFFFFFFL);
    }

    /**
     * Writes into {@code out[0..k)} the keys of the best {@code k} columns of one row whose score
     * is at least {@code floor} and whose key is below {@code below}, best first. The row's entries
     * are {@code scores[offset + x * stride]} for {@code x < count}; a key names {@code x}, or
     * {@code cols[offset + x * stride]} when {@code cols} is given (sparse rows, whose columns
     * increase with {@code x}).
     *
     * @param capacity when not null, columns of capacity 0 are left out
     * @param heap scratch of length at least {@code k}
     * @return how many keys were written
     */
    static int select(
            int[] scores,
            int[] cols,
            int offset,
            int stride,
            int count,
            int floor,
            int[] capacity,
            long below,
            int k,
            long[] heap,
            long[] out) {
        // A short list is kept sorted by insertion as the row is read, which for a few keys costs
        // less than a heap's pushes and final pops (family (g)'s parts pick 8 of about 43).
        boolean sorted = k <= SORTED_UP_TO;
        int size = 0;
        // Until the list is full anything may enter; then only keys above its minimum. A
        // forbidden score gives a negative key, so one comparison rejects most entries.
        long threshold = Long.MIN_VALUE;
        for (int j = 0, at = offset; j < count; j++, at += stride) {
            int s = scores[at];
            int col = cols == null ? j : cols[at];
            long key = ((long) s << 32) | (Integer.MAX_VALUE - col);
            if (key <= threshold) {
                continue;
            }
            if (s < floor || key >= below || (capacity != null && capacity[col] <= 0)) {
                continue;
            }
            size = sorted ? insert(out, size, k, key) : push(heap, size, k, key);
            if (size == k) {
                threshold = sorted ? out[k - 1] : heap[0];
            }
        }
        if (!sorted) {
            popAll(heap, size, out);
        }
        return size;
    }

    /** Adds {@code key} to the min-heap of the best {@code k}; returns the new size. */
    private static int push(long[] heap, int size, int k, long key) {
        if (size < k) {
            siftUp(heap, size, key);
            return size + 1;
        }
        siftDown(heap, size, key);
        return size;
    }

    /** Pops the heap's min repeatedly, filling {@code out} from the back: best first. */
    private static void popAll(long[] heap, int size, long[] out) {
        for (int n = size; n > 0; n--) {
            long min = heap[0];
            long last = heap[n - 1];
            out[n - 1] = min;
            if (n > 1) {
                siftDown(heap, n - 1, last);
            }
        }
    }

    /** Puts {@code key} in its place in {@code out[0..size)}, best first; returns the new size. */
    private static int insert(long[] out, int size, int k, long key) {
        int c = size < k ? size++ : k - 1;
        while (c > 0 && out[c - 1] < key) {
            out[c] = out[c - 1];
            c--;
        }
        out[c] = key;
        return size;
    }

    /** Puts {@code key} at {@code heap[at]} of a min-heap and moves it up to its place. */
    static void siftUp(long[] heap, int at, long key) {
        int c = at;
        while (c > 0) {
            int p = (c - 1) >>> 1;
            if (heap[p] <= key) {
                break;
            }
            heap[c] = heap[p];
            c = p;
        }
        heap[c] = key;
    }

    /** Puts {@code key} at the root of a min-heap of {@code size} and moves it down. */
    static void siftDown(long[] heap, int size, long key) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int m = r < size && heap[r] < heap[l] ? r : l;
            if (heap[m] >= key) {
                break;
            }
            heap[c] = heap[m];
            c = m;
        }
        heap[c] = key;
    }
}
