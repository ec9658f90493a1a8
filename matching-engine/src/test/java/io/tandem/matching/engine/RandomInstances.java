package io.tandem.matching.engine;

import java.util.Random;

/** Random instances with ties, forbidden pairs and scarce capacity. */
final class RandomInstances {

    record Instance(ScoreMatrix matrix, Capacities capacities) {}

    private RandomInstances() {}

    /**
     * @param maxScore scores are drawn from {@code 0..maxScore}: small values give many ties
     * @param forbidden probability that a pair is forbidden
     * @param maxCapacity capacities are drawn from {@code 0..maxCapacity}
     */
    static Instance random(
            long seed, int rows, int cols, int maxScore, double forbidden, int maxCapacity) {
        Random random = new Random(seed);
        int[] scores = new int[rows * cols];
        for (int k = 0; k < scores.length; k++) {
            scores[k] =
                    random.nextDouble() < forbidden
                            ? -1 - random.nextInt(3)
                            : random.nextInt(maxScore + 1);
        }
        int[] cap = new int[cols];
        for (int j = 0; j < cols; j++) {
            cap[j] = random.nextInt(maxCapacity + 1);
        }
        return new Instance(ScoreMatrix.wrap(rows, cols, scores), Capacities.of(cap));
    }

    /** A dense uniform instance like the benchmark's. */
    static ScoreMatrix uniform(long seed, int rows, int cols, int maxScore) {
        Random random = new Random(seed);
        int[] scores = new int[rows * cols];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = random.nextInt(maxScore + 1);
        }
        return ScoreMatrix.wrap(rows, cols, scores);
    }
}
