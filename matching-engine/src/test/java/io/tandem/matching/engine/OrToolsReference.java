package io.tandem.matching.engine;

import com.google.ortools.Loader;
import com.google.ortools.graph.MaxFlow;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * An independent exact solver: OR-tools' min-cost flow and max flow on the textbook network source
 * → mentee → mentor → sink, with a "stay unmatched" arc mentee → sink.
 */
final class OrToolsReference {

    private static final boolean AVAILABLE = load();

    private static boolean load() {
        // TANDEM_TEST_ORTOOLS=off runs the tests as on a machine where the natives fail to load
        if ("off".equals(System.getenv("TANDEM_TEST_ORTOOLS"))) {
            return false;
        }
        try {
            Loader.loadNativeLibraries();
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    /** False on a machine where OR-tools' native library does not load. */
    static boolean available() {
        return AVAILABLE;
    }

    private OrToolsReference() {}

    /** Maximum sum of weights {@code bonus + score} over pairs scoring at least {@code floor}. */
    static int[] maxWeight(ScoreMatrix matrix, Capacities capacities, long bonus, int floor) {
        int n = matrix.rows();
        int m = matrix.cols();
        int source = n + m;
        int sink = n + m + 1;
        long top = bonus + Math.max(0, matrix.maxScore());
        MinCostFlow flow = new MinCostFlow(n + m + 2, n * (m + 2) + m);
        int[][] arcOf = new int[n][m];
        for (int i = 0; i < n; i++) {
            flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
            // Every mentee sends one unit, so costs shifted by top per unit stay comparable.
            flow.addArcWithCapacityAndUnitCost(i, sink, 1, top);
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                arcOf[i][j] =
                        s >= floor && s >= 0
                                ? flow.addArcWithCapacityAndUnitCost(i, n + j, 1, top - (bonus + s))
                                : -1;
            }
        }
        for (int j = 0; j < m; j++) {
            flow.addArcWithCapacityAndUnitCost(n + j, sink, capacities.of(j), 0);
        }
        flow.setNodeSupply(source, n);
        flow.setNodeSupply(sink, -n);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-tools: " + status);
        }
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, -1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (arcOf[i][j] >= 0 && flow.getFlow(arcOf[i][j]) > 0) {
                    mentorOf[i] = j;
                }
            }
        }
        flow.delete();
        return mentorOf;
    }

    /** Maximum number of pairs among those scoring at least {@code floor}. */
    static long maxPairs(ScoreMatrix matrix, Capacities capacities, int floor) {
        int n = matrix.rows();
        int m = matrix.cols();
        int source = n + m;
        int sink = n + m + 1;
        MaxFlow flow = new MaxFlow();
        for (int i = 0; i < n; i++) {
            flow.addArcWithCapacity(source, i, 1);
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                if (s >= 0 && s >= floor) {
                    flow.addArcWithCapacity(i, n + j, 1);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            flow.addArcWithCapacity(n + j, sink, capacities.of(j));
        }
        if (n == 0 || flow.solve(source, sink) != MaxFlow.Status.OPTIMAL) {
            flow.delete();
            return 0;
        }
        long pairs = flow.getOptimalFlow();
        flow.delete();
        return pairs;
    }

    static Assignment solve(ScoreMatrix matrix, Capacities capacities, Objective objective) {
        long big = (long) matrix.rows() * Math.max(0, matrix.maxScore()) + 1;
        return switch (objective) {
            case TOTAL -> Assignment.of(matrix, maxWeight(matrix, capacities, 0, 0));
            case PARTICIPATION -> Assignment.of(matrix, maxWeight(matrix, capacities, big, 0));
            case FAIR -> {
                long k = maxPairs(matrix, capacities, 0);
                TreeSet<Integer> distinct = new TreeSet<>();
                for (int s : matrix.array()) {
                    if (s >= 0) {
                        distinct.add(s);
                    }
                }
                Integer[] values = distinct.toArray(new Integer[0]);
                int lo = 0;
                int hi = values.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi + 1) / 2;
                    if (maxPairs(matrix, capacities, values[mid]) == k) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                int floor = values.length == 0 ? 0 : values[lo];
                yield Assignment.of(matrix, maxWeight(matrix, capacities, big, floor));
            }
        };
    }
}
