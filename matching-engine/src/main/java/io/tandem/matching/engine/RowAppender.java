package io.tandem.matching.engine;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Builds compressed rows from blocks of rows scored on several threads, in row order, straight into
 * the final arrays: a block that arrives in turn is copied from its worker's scratch once; one that
 * arrives early waits, copied to exact size, until the blocks before it are in. It replaces holding
 * every row as arrays of its own and copying them all again at the end (on 10,000 × 3,000 with 21 M
 * kept pairs, 168 MB allocated twice, and the first copy lived long enough for the collector to
 * copy it again).
 */
final class RowAppender {

    private final int rows;
    private final long cells;
    private final int[] start;
    private int[] col = new int[0];
    private int[] score = new int[0];
    private int size;
    private int nextRow;
    private long rowsSeen;
    private long pairsSeen;
    private final TreeMap<Integer, int[][]> early = new TreeMap<>();

    /**
     * @param cols pairs per row at most, for the first estimate of the arrays' size
     */
    RowAppender(int rows, int cols) {
        this.rows = rows;
        this.cells = (long) rows * cols;
        this.start = new int[rows + 1];
    }

    /**
     * Adds rows {@code from .. from + lengths.length - 1}, whose pairs are {@code col[0 .. total)}
     * and {@code score[0 .. total)} in row order; the caller may reuse the arrays on return.
     */
    synchronized void add(int from, int[] lengths, int count, int[] col, int[] score, int total) {
        rowsSeen += count;
        pairsSeen += total;
        if (from != nextRow) {
            early.put(
                    from,
                    new int[][] {
                        Arrays.copyOf(lengths, count),
                        Arrays.copyOf(col, total),
                        Arrays.copyOf(score, total)
                    });
            return;
        }
        append(lengths, count, col, score, total);
        while (!early.isEmpty() && early.firstKey() == nextRow) {
            int[][] block = early.pollFirstEntry().getValue();
            append(block[0], block[0].length, block[1], block[2], block[1].length);
        }
    }

    private void append(int[] lengths, int count, int[] c, int[] s, int total) {
        ensure(total);
        System.arraycopy(c, 0, col, size, total);
        System.arraycopy(s, 0, score, size, total);
        for (int r = 0; r < count; r++) {
            start[nextRow + 1] = start[nextRow] + lengths[r];
            nextRow++;
        }
        size += total;
    }

    /** Grows to the pairs the rows seen so far let one expect for all rows, an eighth over. */
    private void ensure(int more) {
        long need = (long) size + more;
        if (need <= col.length) {
            return;
        }
        long expected = rowsSeen == 0 ? need : pairsSeen * rows / rowsSeen;
        long target =
                Math.max(need, Math.max(expected + (expected >> 3), (long) col.length * 3 / 2));
        target = Math.min(target, Math.min(cells, Integer.MAX_VALUE - 8L));
        if (target < need) {
            throw new ArithmeticException("more than " + (Integer.MAX_VALUE - 8) + " pairs");
        }
        col = Arrays.copyOf(col, (int) target);
        score = Arrays.copyOf(score, (int) target);
    }

    /** The rows, once every block is in; the arrays are trimmed only when an eighth is unused. */
    SparseScores scores(int cols) {
        if (nextRow != rows || !early.isEmpty()) {
            throw new IllegalStateException(nextRow + " of " + rows + " rows added");
        }
        if (col.length - size > size >> 3) {
            col = Arrays.copyOf(col, size);
            score = Arrays.copyOf(score, size);
        }
        return SparseScores.wrap(rows, cols, start, col, score);
    }
}
