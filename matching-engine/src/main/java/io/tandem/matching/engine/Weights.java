package io.tandem.matching.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Points each criterion awards at a perfect match (value 1); a pair's contribution from a criterion
 * is {@code round(weight * value)}, and its score is the sum of the contributions.
 */
public final class Weights {

    private final int[] points;

    private Weights(int[] points) {
        this.points = points;
    }

    /** Every criterion at 0 points. */
    public static Weights none() {
        return new Weights(new int[Criterion.values().length]);
    }

    public static Weights of(Map<Criterion, Integer> points) {
        Weights w = none();
        for (Map.Entry<Criterion, Integer> e : points.entrySet()) {
            w = w.with(e.getKey(), e.getValue());
        }
        return w;
    }

    /** A copy with {@code criterion} at {@code points} (0 to 1,000,000). */
    public Weights with(Criterion criterion, int points) {
        if (points < 0 || points > 1_000_000) {
            throw new IllegalArgumentException(criterion + " weight out of range: " + points);
        }
        int[] copy = this.points.clone();
        copy[criterion.ordinal()] = points;
        return new Weights(copy);
    }

    public int of(Criterion criterion) {
        return points[criterion.ordinal()];
    }

    public Map<Criterion, Integer> asMap() {
        Map<Criterion, Integer> map = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            map.put(c, points[c.ordinal()]);
        }
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
