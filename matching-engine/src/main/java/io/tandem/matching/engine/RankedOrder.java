package io.tandem.matching.engine;

/**
 * Walks each line of a score matrix (a mentee's row or a mentor's column) from the best allowed
 * entry down, score descending then index ascending, computing a few entries at a time so that
 * nobody pays for sorting a whole line.
 */
final class RankedOrder {

    private static final int BATCH = 16;

    private final int[] scores;

    /** Sparse lines: line {@code l}'s entries at {@code start[l]..start[l+1]-1}, named by cols. */
    private final int[] start;

    private final int[] cols;
    private final int lines;
    private final int count;
    private final int lineStep;
    private final int stride;
    private final int[] capacity;
    private final long[][] buffer;
    private final int[] pos;
    private final int[] len;
    private final long[] heap = new long[BATCH];

    private RankedOrder(
            int[] scores, int lines, int count, int lineStep, int stride, int[] capacity) {
        this(scores, null, null, lines, count, lineStep, stride, capacity);
    }

    private RankedOrder(
            int[] scores,
            int[] start,
            int[] cols,
            int lines,
            int count,
            int lineStep,
            int stride,
            int[] capacity) {
        this.scores = scores;
        this.start = start;
        this.cols = cols;
        this.lines = lines;
        this.count = count;
        this.lineStep = lineStep;
        this.stride = stride;
        this.capacity = capacity;
        this.buffer = new long[lines][];
        this.pos = new int[lines];
        this.len = new int[lines];
    }

    /**
     * Each mentee's mentors, leaving out mentors whose {@code capacity} entry is 0 when computing a
     * batch, when {@code capacity} is given (the caller may update it as mentors fill up).
     */
    static RankedOrder rows(ScoreMatrix matrix, int[] capacity) {
        return new RankedOrder(
                matrix.array(), matrix.rows(), matrix.cols(), matrix.cols(), 1, capacity);
    }

    /**
     * Each line's listed entries of compressed lines (a mentee's allowed mentors in {@link
     * SparseScores}, or a mentor's mentees in their transpose), in the same order as on the dense
     * matrix of the same scores.
     */
    static RankedOrder sparse(int lines, int[] start, int[] cols, int[] scores) {
        return new RankedOrder(scores, start, cols, lines, 0, 0, 1, null);
    }

    /** Each mentor's mentees. */
    static RankedOrder columns(ScoreMatrix matrix) {
        return new RankedOrder(
                matrix.array(), matrix.cols(), matrix.rows(), 1, matrix.cols(), null);
    }

    /** Computes the first batch of every line on a few threads. */
    RankedOrder prefetch(int threads, CancellationToken token) {
        Parallel.forEachBlock(
                lines,
                256,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    long[] h = new long[BATCH];
                    for (int line = from; line < to; line++) {
                        fill(line, Long.MAX_VALUE, h);
                    }
                });
        return this;
    }

    /** Key of the line's current entry (see {@link TopScores#key}), or -1 when exhausted. */
    long head(int line) {
        if (buffer[line] == null) {
            fill(line, Long.MAX_VALUE, heap);
        }
        return pos[line] < len[line] ? buffer[line][pos[line]] : -1;
    }

    /** Moves past the current entry. */
    void advance(int line) {
        long current = head(line);
        if (current < 0) {
            return;
        }
        if (++pos[line] == len[line] && len[line] == BATCH) {
            fill(line, current, heap);
        }
    }

    /** Index (mentor for a row, mentee for a column) of the line's current entry, or -1. */
    int next(int line) {
        long key = head(line);
        if (key < 0) {
            return -1;
        }
        advance(line);
        return TopScores.colOf(key);
    }

    private void fill(int line, long below, long[] scratch) {
        long[] out = buffer[line];
        if (out == null) {
            out = new long[BATCH];
            buffer[line] = out;
        }
        len[line] =
                TopScores.select(
                        scores,
                        cols,
                        start == null ? line * lineStep : start[line],
                        stride,
                        start == null ? count : start[line + 1] - start[line],
                        0,
                        capacity,
                        below,
                        BATCH,
                        scratch,
                        out);
        pos[line] = 0;
    }
}
