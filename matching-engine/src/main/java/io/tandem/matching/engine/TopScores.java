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
        if (k <= SORTED_UP_TO) {
            return selectSorted(
                    scores, cols, offset, stride, count, floor, capacity, below, k, out);
        }
        int size = 0;
        // Until the heap is full anything may enter; then only keys above its minimum. A
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
            if (size < k) {
                siftUp(heap, size++, key);
            } else {
                siftDown(heap, size, key);
            }
            if (size == k) {
                threshold = heap[0];
            }
        }
        // pop the min repeatedly, filling out from the back
        for (int n = size; n > 0; n--) {
            long min = heap[0];
            long last = heap[n - 1];
            out[n - 1] = min;
            if (n > 1) {
                siftDown(heap, n - 1, last);
            }
        }
        return size;
    }

    /**
     * The same for a short list: kept sorted by insertion as the row is read, which for a few keys
     * costs less than a heap's pushes and final pops (family (g)'s parts pick 8 of about 43).
     */
    private static int selectSorted(
            int[] scores,
            int[] cols,
            int offset,
            int stride,
            int count,
            int floor,
            int[] capacity,
            long below,
            int k,
            long[] out) {
        int size = 0;
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
            int c = size < k ? size++ : k - 1;
            while (c > 0 && out[c - 1] < key) {
                out[c] = out[c - 1];
                c--;
            }
            out[c] = key;
            if (size == k) {
                threshold = out[k - 1];
            }
        }
        return size;
    }

    private static void siftUp(long[] heap, int at, long key) {
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

    private static void siftDown(long[] heap, int size, long key) {
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
