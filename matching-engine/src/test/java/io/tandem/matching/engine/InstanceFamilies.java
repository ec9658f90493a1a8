package io.tandem.matching.engine;

import java.util.Random;

/**
 * The shapes of instance real programs produce, seeded: the bench runs them at 10,000 × 3,000 and
 * the properties check the solver's optimum on each at small sizes.
 */
public final class InstanceFamilies {

    /** A matrix with its capacities. */
    public record Instance(Family family, ScoreMatrix matrix, Capacities capacities) {

        @Override
        public String toString() {
            return family + " " + matrix + " caps " + capacities;
        }
    }

    public enum Family {
        /** (a) uniform random scores 0..1000, capacity 4. */
        UNIFORM("a", "uniform random"),
        /** (b) scores from 2–4 small-integer features per side: thousands of ties. */
        LOW_RANK("b", "low-rank ties"),
        /** (c) 2 % of the mentors score far above the rest for everyone; capacities 1–2. */
        DOMINANT("c", "dominant mentors"),
        /** (d) capacity 1 everywhere: most mentees stay unmatched. */
        SCARCE("d", "scarce places"),
        /** (e) 30–60 % of the pairs forbidden. */
        FORBIDDEN("e", "forbidden pairs"),
        /** (f) the product's own scorer on a synthetic organisation. */
        SCORED("f", "scored profiles");

        public final String letter;
        public final String label;

        Family(String letter, String label) {
            this.letter = letter;
            this.label = label;
        }
    }

    private InstanceFamilies() {}

    /** The exact solver without the transportation collapse: the bench's "before" figure. */
    public static AssignmentSolver solverWithoutCollapsing() {
        return new AssignmentSolver(2, ShortestAugmentingPaths.DEFAULT_CANDIDATES, 0);
    }

    public static Instance generate(Family family, long seed, int rows, int cols) {
        Random random = new Random(seed * 31 + family.ordinal());
        return switch (family) {
            case UNIFORM ->
                    new Instance(
                            family, uniform(random, rows, cols, 0.0), Capacities.uniform(cols, 4));
            case LOW_RANK -> lowRank(random, rows, cols);
            case DOMINANT -> dominant(random, rows, cols);
            case SCARCE ->
                    new Instance(
                            family, uniform(random, rows, cols, 0.0), Capacities.uniform(cols, 1));
            case FORBIDDEN ->
                    new Instance(
                            family,
                            uniform(random, rows, cols, 0.3 + 0.3 * random.nextDouble()),
                            randomCapacities(random, cols, 1, 4));
            case SCORED -> scored(random, rows, cols);
        };
    }

    private static ScoreMatrix uniform(Random random, int rows, int cols, double forbidden) {
        int[] s = new int[rows * cols];
        for (int k = 0; k < s.length; k++) {
            s[k] = forbidden > 0 && random.nextDouble() < forbidden ? -1 : random.nextInt(1001);
        }
        return ScoreMatrix.wrap(rows, cols, s);
    }

    private static Capacities randomCapacities(Random random, int cols, int min, int max) {
        int[] cap = new int[cols];
        for (int j = 0; j < cols; j++) {
            cap[j] = min + random.nextInt(max - min + 1);
        }
        return Capacities.of(cap);
    }

    /**
     * Feature 0 is a level both sides want high (a product: seniority helps everyone); the others
     * reward closeness (same band, nearby time zone): {@code 4 - |x - y|}.
     */
    private static Instance lowRank(Random random, int rows, int cols) {
        int features = 2 + random.nextInt(3);
        int[] weight = new int[features];
        for (int k = 0; k < features; k++) {
            weight[k] = 5 * (1 + random.nextInt(10));
        }
        int[][] x = features(random, rows, features);
        int[][] y = features(random, cols, features);
        int[] s = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int score = weight[0] * x[i][0] * y[j][0];
                for (int k = 1; k < features; k++) {
                    score += weight[k] * (4 - Math.abs(x[i][k] - y[j][k]));
                }
                s[i * cols + j] = score;
            }
        }
        return new Instance(
                Family.LOW_RANK, ScoreMatrix.wrap(rows, cols, s), Capacities.uniform(cols, 4));
    }

    private static int[][] features(Random random, int size, int features) {
        int[][] f = new int[size][features];
        for (int p = 0; p < size; p++) {
            for (int k = 0; k < features; k++) {
                f[p][k] = random.nextInt(5);
            }
        }
        return f;
    }

    private static Instance dominant(Random random, int rows, int cols) {
        boolean[] star = new boolean[cols];
        int stars = Math.max(1, cols / 50);
        for (int placed = 0; placed < stars; ) {
            int j = random.nextInt(cols);
            if (!star[j]) {
                star[j] = true;
                placed++;
            }
        }
        int[] s = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s[i * cols + j] = (star[j] ? 700 : 0) + random.nextInt(301);
            }
        }
        return new Instance(
                Family.DOMINANT,
                ScoreMatrix.wrap(rows, cols, s),
                randomCapacities(random, cols, 1, 2));
    }

    /** The product's scorer on a synthetic organisation, with the bench's hard rules. */
    private static Instance scored(Random random, int rows, int cols) {
        Profiles mentees = SampleProfiles.side(random.nextLong(), rows, 0, false);
        Profiles mentors = SampleProfiles.side(random.nextLong(), cols, rows, true);
        ScoreMatrix matrix = scorer(random.nextLong(), mentees, mentors, 1).score();
        return new Instance(Family.SCORED, matrix, randomCapacities(random, cols, 1, 4));
    }

    /**
     * A cross-divisional program's scorer: reporting chain, a common language, at most 8 hours
     * apart, and one past pair per mentee excluded.
     */
    public static Scorer scorer(long seed, Profiles mentees, Profiles mentors, int threads) {
        int rows = mentees.size();
        int cols = mentors.size();
        Random random = new Random(seed);
        OrgChart chart = OrgChart.of(SampleProfiles.managers(random.nextLong(), rows + cols));
        HardRules.Builder rules =
                HardRules.builder()
                        .notInReportingChain(chart)
                        .commonLanguage()
                        .maxTimeZoneDistanceMinutes(480);
        if (cols > 0) {
            for (int k = 0; k < rows; k++) {
                rules.exclude(random.nextInt(rows), random.nextInt(cols)); // past pairs
            }
        }
        return Scorer.builder(mentees, mentors)
                .weights(SampleProfiles.weights())
                .hardRules(rules.build(rows))
                .threads(threads)
                .build();
    }
}
