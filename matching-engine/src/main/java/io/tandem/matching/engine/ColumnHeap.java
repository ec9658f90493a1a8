package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Indexed binary min-heap of columns keyed by a shared distance array; ties by a shared {@code tie}
 * array (smaller first), so that among equally distant columns one with room comes out first and
 * ends the search early.
 */
final class ColumnHeap {

    private final long[] dist;
    private final int[] tie;
    private final int[] heap;
    private final int[] pos;
    private int size;

    ColumnHeap(int capacity, long[] dist, int[] tie) {
        this.dist = dist;
        this.tie = tie;
        this.heap = new int[capacity];
        this.pos = new int[capacity];
        Arrays.fill(pos, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Inserts {@code col}, or moves it up after its distance decreased. */
    void decreased(int col) {
        int c = pos[col];
        if (c < 0) {
            c = size++;
        }
        long d = dist[col];
        while (c > 0) {
            int p = (c - 1) >>> 1;
            int pc = heap[p];
            long pd = dist[pc];
            if (pd < d || (pd == d && tie[pc] < tie[col])) {
                break;
            }
            heap[c] = pc;
            pos[pc] = c;
            c = p;
        }
        heap[c] = col;
        pos[col] = c;
    }

    int pop() {
        int top = heap[0];
        pos[top] = -1;
        int last = heap[--size];
        if (size > 0) {
            long d = dist[last];
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) {
                    break;
                }
                int m = l;
                int lc = heap[l];
                long md = dist[lc];
                int r = l + 1;
                if (r < size) {
                    int rc = heap[r];
                    long rd = dist[rc];
                    if (rd < md || (rd == md && tie[rc] < tie[lc])) {
                        m = r;
                        md = rd;
                        lc = rc;
                    }
                }
                if (d < md || (d == md && tie[last] < tie[lc])) {
                    break;
                }
                heap[c] = lc;
                pos[lc] = c;
                c = m;
            }
            heap[c] = last;
            pos[last] = c;
        }
        return top;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            pos[heap[i]] = -1;
        }
        size = 0;
    }
}
