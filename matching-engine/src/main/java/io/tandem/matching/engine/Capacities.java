package io.tandem.matching.engine;

import java.util.Arrays;

/** How many mentees each mentor can take. */
public final class Capacities {

    private final int[] values;

    private Capacities(int[] values) {
        for (int j = 0; j < values.length; j++) {
            if (values[j] < 0) {
                throw new IllegalArgumentException(
                        "capacity of mentor " + j + " is negative: " + values[j]);
            }
        }
        this.values = values;
    }

    public static Capacities of(int... values) {
        return new Capacities(values.clone());
    }

    public static Capacities uniform(int mentors, int capacity) {
        int[] values = new int[mentors];
        Arrays.fill(values, capacity);
        return new Capacities(values);
    }

    public int size() {
        return values.length;
    }

    public int of(int mentor) {
        return values[mentor];
    }

    /** Sum of all capacities. */
    public long total() {
        long total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    /** A copy of the capacities. */
    public int[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
