package io.tandem.matching.engine;

/**
 * Counts the blocking pairs of an assignment: a mutually acceptable mentee and mentor, not paired,
 * where the mentee prefers the mentor to its own (or has none) and the mentor has room or prefers
 * the mentee to its least preferred one.
 */
public final class BlockingPairs {

    private BlockingPairs() {}

    public static long count(Rankings rankings, Capacities capacities, int[] mentorOfMentee) {
        int n = rankings.mentees();
        int m = rankings.mentors();
        int[] load = new int[m];
        int[] worst = new int[m];
        java.util.Arrays.fill(worst, -1);
        for (int i = 0; i < n; i++) {
            int j = mentorOfMentee[i];
            if (j < 0) {
                continue;
            }
            load[j]++;
            if (worst[j] < 0
                    || rankings.mentorPreference(j, i) < rankings.mentorPreference(j, worst[j])) {
                worst[j] = i;
            }
        }
        long blocking = 0;
        for (int i = 0; i < n; i++) {
            int own = mentorOfMentee[i];
            long ownPreference = own < 0 ? -1 : rankings.menteePreference(i, own);
            for (int j = 0; j < m; j++) {
                if (j == own) {
                    continue;
                }
                long p = rankings.menteePreference(i, j);
                if (p < 0 || p <= ownPreference) {
                    continue;
                }
                long q = rankings.mentorPreference(j, i);
                if (q < 0 || capacities.of(j) == 0) {
                    continue;
                }
                if (load[j] < capacities.of(j) || q > rankings.mentorPreference(j, worst[j])) {
                    blocking++;
                }
            }
        }
        return blocking;
    }
}
