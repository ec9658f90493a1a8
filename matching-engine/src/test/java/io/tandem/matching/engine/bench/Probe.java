package io.tandem.matching.engine.bench;

import io.tandem.matching.engine.*;
import java.util.Random;

public class Probe {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]),
                m = Integer.parseInt(args[1]),
                cap = Integer.parseInt(args[2]);
        int k = Integer.parseInt(args[3]);
        Random r = new Random(42);
        int[] s = new int[n * m];
        String mode = args.length > 4 ? args[4] : "uniform";
        for (int i = 0; i < s.length; i++) {
            int j = i % m;
            s[i] =
                    switch (mode) {
                        case "popular" -> (j * 7919) % 900 + r.nextInt(100);
                        case "sparse" -> r.nextInt(100) < 3 ? r.nextInt(1001) : -1;
                        default -> r.nextInt(1001);
                    };
        }
        ScoreMatrix mat = ScoreMatrix.wrap(n, m, s);
        Capacities c = Capacities.uniform(m, cap);
        for (int rep = 0; rep < 2; rep++) {
            for (Objective o : new Objective[] {Objective.TOTAL, Objective.FAIR}) {
                long t0 = System.nanoTime();
                Assignment a = new AssignmentSolver(2, k).solve(mat, c, o);
                long t1 = System.nanoTime();
                System.out.printf(
                        "%s %d ms total=%d matched=%d min=%s%n",
                        o, (t1 - t0) / 1000000, a.total(), a.matched(), a.minScore());
            }
            long t0 = System.nanoTime();
            Assignment g = GreedyMatcher.solve(mat, c);
            System.out.printf(
                    "greedy %d ms total=%d min=%s%n",
                    (System.nanoTime() - t0) / 1000000, g.total(), g.minScore());
        }
    }
}
