package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Deferred acceptance (Gale–Shapley) with mentor capacities. The proposing side gets its best
 * stable assignment. The result has no blocking pair (see {@link BlockingPairs}).
 */
public final class StableMatcher {

    /** Which side proposes. */
    public enum Proposer {
        MENTEES,
        MENTORS
    }

    private StableMatcher() {}

    /** Mentee-proposing, with both sides' rankings derived from the scores. */
    public static Assignment solve(ScoreMatrix matrix, Capacities capacities) {
        return Assignment.of(
                matrix,
                match(
                        Rankings.fromScores(matrix),
                        capacities,
                        Proposer.MENTEES,
                        CancellationToken.NONE));
    }

    /** Mentor per mentee ({@code -1}: unmatched). */
    public static int[] match(
            Rankings rankings, Capacities capacities, Proposer proposer, CancellationToken token) {
        if (capacities.size() != rankings.mentors()) {
            throw new IllegalArgumentException(
                    capacities.size() + " capacities for " + rankings.mentors() + " mentors");
        }
        return proposer == Proposer.MENTEES
                ? menteesPropose(rankings, capacities.toArray(), token)
                : mentorsPropose(rankings, capacities.toArray(), token);
    }

    private static int[] menteesPropose(Rankings rankings, int[] cap, CancellationToken token) {
        int n = rankings.mentees();
        int m = rankings.mentors();
        Rankings.Choices choices = rankings.menteeChoices();
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, Assignment.UNMATCHED);
        // Each mentor's held mentees as a min-heap by the mentor's preference (worst on top).
        int[][] held = new int[m][];
        int[] size = new int[m];
        int[] free = new int[n];
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            free[top++] = i;
        }
        long steps = 0;
        while (top > 0) {
            int i = free[--top];
            while (true) {
                if ((++steps & 0xFFFF) == 0) {
                    token.throwIfCancelled();
                }
                int j = choices.next(i);
                if (j < 0) {
                    break;
                }
                long p = rankings.mentorPreference(j, i);
                if (p < 0 || cap[j] == 0) {
                    continue;
                }
                if (held[j] == null) {
                    held[j] = new int[Math.min(cap[j], 16)];
                }
                if (size[j] < cap[j]) {
                    if (size[j] == held[j].length) {
                        held[j] = Arrays.copyOf(held[j], Math.min(cap[j], 2 * size[j]));
                    }
                    push(held[j], size[j]++, i, j, rankings);
                    mentorOf[i] = j;
                    break;
                }
                int worst = held[j][0];
                if (p > rankings.mentorPreference(j, worst)) {
                    mentorOf[worst] = Assignment.UNMATCHED;
                    free[top++] = worst;
                    replaceTop(held[j], size[j], i, j, rankings);
                    mentorOf[i] = j;
                    break;
                }
            }
        }
        return mentorOf;
    }

    private static int[] mentorsPropose(Rankings rankings, int[] cap, CancellationToken token) {
        int n = rankings.mentees();
        int m = rankings.mentors();
        Rankings.Choices choices = rankings.mentorChoices();
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, Assignment.UNMATCHED);
        int[] load = new int[m];
        int[] queue = new int[m];
        boolean[] queued = new boolean[m];
        int top = 0;
        for (int j = m - 1; j >= 0; j--) {
            if (cap[j] > 0) {
                queue[top++] = j;
                queued[j] = true;
            }
        }
        long steps = 0;
        while (top > 0) {
            int j = queue[top - 1];
            if (load[j] >= cap[j]) {
                top--;
                queued[j] = false;
                continue;
            }
            if ((++steps & 0xFFFF) == 0) {
                token.throwIfCancelled();
            }
            int i = choices.next(j);
            if (i < 0) {
                top--;
                queued[j] = false;
                continue;
            }
            long p = rankings.menteePreference(i, j);
            if (p < 0) {
                continue;
            }
            int current = mentorOf[i];
            if (current == Assignment.UNMATCHED || p > rankings.menteePreference(i, current)) {
                mentorOf[i] = j;
                load[j]++;
                if (current != Assignment.UNMATCHED) {
                    load[current]--;
                    if (!queued[current]) {
                        queue[top++] = current;
                        queued[current] = true;
                    }
                }
            }
        }
        return mentorOf;
    }

    private static boolean worse(int a, int b, int mentor, Rankings r) {
        return r.mentorPreference(mentor, a) < r.mentorPreference(mentor, b);
    }

    private static void push(int[] heap, int c, int x, int mentor, Rankings r) {
        while (c > 0) {
            int p = (c - 1) >>> 1;
            if (!worse(x, heap[p], mentor, r)) {
                break;
            }
            heap[c] = heap[p];
            c = p;
        }
        heap[c] = x;
    }

    private static void replaceTop(int[] heap, int size, int x, int mentor, Rankings r) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int rr = l + 1;
            int m = rr < size && worse(heap[rr], heap[l], mentor, r) ? rr : l;
            if (!worse(heap[m], x, mentor, r)) {
                break;
            }
            heap[c] = heap[m];
            c = m;
        }
        heap[c] = x;
    }
}
