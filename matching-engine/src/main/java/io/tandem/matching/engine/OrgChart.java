package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Who reports to whom, as Euler-tour intervals: {@code x} is an ancestor of {@code y} (or {@code y}
 * itself) iff {@code enter[x] <= enter[y] && exit[y] <= exit[x]}, an O(1) test.
 */
public final class OrgChart {

    final int[] enter;
    final int[] exit;

    private OrgChart(int[] enter, int[] exit) {
        this.enter = enter;
        this.exit = exit;
    }

    /**
     * @param manager each person's manager index, or -1 for the top of a tree
     * @throws IllegalArgumentException on a cycle or an unknown manager
     */
    public static OrgChart of(int[] manager) {
        int n = manager.length;
        int[] childCount = new int[n + 1];
        for (int p = 0; p < n; p++) {
            int m = manager[p];
            if (m < -1 || m >= n || m == p) {
                throw new IllegalArgumentException("person " + p + " has manager " + m);
            }
            childCount[m + 1]++;
        }
        // children lists in CSR, with the virtual root n standing for "no manager" (slot 0)
        int[] start = new int[n + 2];
        for (int k = 0; k <= n; k++) {
            start[k + 1] = start[k] + childCount[k];
        }
        int[] fill = Arrays.copyOf(start, n + 1);
        int[] children = new int[n];
        for (int p = 0; p < n; p++) {
            children[fill[manager[p] + 1]++] = p;
        }
        int[] enter = new int[n];
        int[] exit = new int[n];
        Arrays.fill(enter, -1);
        int[] stack = new int[n + 1];
        int[] next = new int[n + 1];
        int clock = 0;
        int sp = 0;
        stack[sp] = -1;
        next[sp] = start[0];
        sp++;
        while (sp > 0) {
            int node = stack[sp - 1];
            int slot = node + 1;
            if (next[sp - 1] < start[slot + 1]) {
                int child = children[next[sp - 1]++];
                enter[child] = clock++;
                stack[sp] = child;
                next[sp] = start[child + 1];
                sp++;
            } else {
                if (node >= 0) {
                    exit[node] = clock++;
                }
                sp--;
            }
        }
        for (int p = 0; p < n; p++) {
            if (enter[p] < 0) {
                throw new IllegalArgumentException("person " + p + " is in a management cycle");
            }
        }
        return new OrgChart(enter, exit);
    }

    public int size() {
        return enter.length;
    }

    /** True when {@code a} is {@code b}, or manages {@code b} directly or indirectly. */
    public boolean isAncestorOrSelf(int a, int b) {
        return enter[a] <= enter[b] && exit[b] <= exit[a];
    }

    /** True when one of the two is in the other's reporting chain, up or down, or they are one. */
    public boolean inReportingChain(int a, int b) {
        return isAncestorOrSelf(a, b) || isAncestorOrSelf(b, a);
    }
}
