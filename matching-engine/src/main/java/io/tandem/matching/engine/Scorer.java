package io.tandem.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the score matrix from two sides' {@link Profiles}: {@code -1} when a {@link HardRules}
 * rule forbids the pair, else the sum over {@link Criterion criteria} of {@code round(weight *
 * value)}. The score is defined as that sum, so {@link #explain} adds up to it exactly.
 *
 * <p>The inner loop uses only integer arithmetic and lookup tables (skill overlap by count, time
 * zone overlap by distance) and runs on several threads.
 */
public final class Scorer {

    private static final int DAY = 24 * 60;

    /** Distance around the clock by offset difference + bias, for differences within ±2 days. */
    private static final int DISTANCE_BIAS = 2 * DAY;

    private static final int[] DISTANCE = new int[4 * DAY + 1];

    static {
        for (int k = 0; k < DISTANCE.length; k++) {
            DISTANCE[k] = offsetDistance(k - DISTANCE_BIAS, 0);
        }
    }

    private final Profiles mentees;
    private final Profiles mentors;
    private final Weights weights;
    private final HardRules rules;
    private final int minGap;
    private final int maxGap;
    private final int workday;
    private final int threads;
    // contribution tables
    private final int[][] skillPoints; // [wanted count][overlap]
    private final int[] zonePoints; // [distance in minutes, 0..720]
    private final int[] zoneOverlap; // minutes of overlap by distance
    // mentors' Euler-tour interval; (MAX, MAX) for a mentor outside the chart: never in a chain
    private final int[] mentorEnter;
    private final int[] mentorExit;

    private Scorer(Builder b) {
        this.mentees = b.mentees;
        this.mentors = b.mentors;
        this.weights = b.weights;
        this.rules = b.rules == null ? HardRules.none(mentees.size) : b.rules;
        this.minGap = b.minGap;
        this.maxGap = b.maxGap;
        this.workday = b.workday;
        this.threads = b.threads;
        int maxWanted = 0;
        for (int c : mentees.skillCount) {
            maxWanted = Math.max(maxWanted, c);
        }
        int w = weights.of(Criterion.SKILLS);
        skillPoints = new int[maxWanted + 1][];
        for (int d = 0; d <= maxWanted; d++) {
            skillPoints[d] = new int[d + 1];
            for (int k = 0; k <= d; k++) {
                skillPoints[d][k] = d == 0 ? 0 : round(w, k, d);
            }
        }
        mentorEnter = new int[mentors.size];
        mentorExit = new int[mentors.size];
        for (int j = 0; j < mentors.size; j++) {
            int p = mentors.person[j];
            boolean inChart = rules.orgChart != null && p >= 0;
            mentorEnter[j] = inChart ? rules.orgChart.enter[p] : Integer.MAX_VALUE;
            mentorExit[j] = inChart ? rules.orgChart.exit[p] : Integer.MAX_VALUE;
        }
        zoneOverlap = new int[DAY / 2 + 1];
        zonePoints = new int[DAY / 2 + 1];
        for (int d = 0; d <= DAY / 2; d++) {
            zoneOverlap[d] = overlap(d, workday);
            zonePoints[d] = round(weights.of(Criterion.TIME_ZONE), zoneOverlap[d], workday);
        }
    }

    public static Builder builder(Profiles mentees, Profiles mentors) {
        return new Builder(mentees, mentors);
    }

    /** {@code round(weight * num / den)}, halves up, exact in integers. */
    static int round(int weight, long num, long den) {
        return (int) ((2L * weight * num + den) / (2 * den));
    }

    static boolean opposite(int a, int b) {
        int field = WorkMode.FIELD.ordinal();
        int home = WorkMode.HOME_OFFICE.ordinal();
        return (a == field && b == home) || (a == home && b == field);
    }

    /** Distance between two UTC offsets around the clock, 0..720 minutes. */
    static int offsetDistance(int a, int b) {
        int d = Math.floorMod(a - b, DAY);
        return Math.min(d, DAY - d);
    }

    /** Minutes two working days of {@code length} overlap when their starts are {@code d} apart. */
    private static int overlap(int d, int length) {
        return Math.max(0, length - d) + Math.max(0, length - (DAY - d));
    }

    public int mentees() {
        return mentees.size;
    }

    public int mentors() {
        return mentors.size;
    }

    public Weights weights() {
        return weights;
    }

    public ScoreMatrix score() {
        return score(CancellationToken.NONE, ProgressListener.NONE);
    }

    /** Scores every pair on the configured threads. */
    public ScoreMatrix score(CancellationToken token, ProgressListener progress) {
        int n = mentees.size;
        int m = mentors.size;
        int[] out = new int[Math.multiplyExact(n, m)];
        int[] done = new int[1];
        Parallel.forEachBlock(
                n,
                64,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    for (int i = from; i < to; i++) {
                        scoreRow(i, out, i * m);
                    }
                    if (worker == 0) {
                        progress.onProgress((double) to / n);
                    }
                });
        progress.onProgress(1.0);
        return ScoreMatrix.wrap(n, m, out);
    }

    /**
     * Scores each mentee's candidates only, on the configured threads, and keeps the allowed ones:
     * sparse scores for cohorts whose full matrix would not fit in memory. {@code candidates} gives
     * a mentee's candidate mentors in increasing order (for instance the mentors a program's rule
     * lets that mentee meet, looked up by the rule's key); it is called from several threads and
     * must not change the arrays it returns. No other pair is ever scored.
     */
    public SparseScores scoreCandidates(
            java.util.function.IntFunction<int[]> candidates,
            CancellationToken token,
            ProgressListener progress) {
        return sparse(candidates, 0, null, null, token, progress);
    }

    /** Whether an allowed pair is kept; called from several threads. */
    @FunctionalInterface
    public interface PairFilter {
        boolean keep(int mentee, int mentor, int score);
    }

    /**
     * Scores every pair, row by row on the configured threads, and keeps the allowed pairs {@code
     * keep} accepts (rules the caller checks itself, a minimum score): sparse scores without ever
     * holding the dense matrix, for a program whose rules do not narrow the candidates.
     */
    public SparseScores scoreAllowed(
            PairFilter keep, CancellationToken token, ProgressListener progress) {
        return sparse(null, 0, keep, null, token, progress);
    }

    /**
     * Scores every pair, row by row on the configured threads, and keeps the allowed pairs that
     * score at least {@code minimum} and that {@code keep} accepts ({@code null}: every one); a row
     * with an allowed pair {@code keep} accepts but scoring below {@code minimum} gets its flag in
     * {@code belowMinimum}. Without {@code keep} the threshold is applied in the scoring loop, with
     * no call per pair: a program whose rules the engine checks all, the common case.
     */
    public SparseScores scoreAllowed(
            int minimum,
            PairFilter keep,
            boolean[] belowMinimum,
            CancellationToken token,
            ProgressListener progress) {
        return sparse(null, minimum, keep, belowMinimum, token, progress);
    }

    private SparseScores sparse(
            java.util.function.IntFunction<int[]> candidates,
            int minimum,
            PairFilter keep,
            boolean[] belowMinimum,
            CancellationToken token,
            ProgressListener progress) {
        // forbidden pairs score -1: a threshold of at least 0 drops them along with the low ones
        int threshold = Math.max(0, minimum);
        int n = mentees.size;
        int m = mentors.size;
        int block = 64;
        int workers = Math.max(1, threads);
        RowBlocks out = new RowBlocks(n, m, block, workers);
        // each worker's scratch, reused block after block: nothing per row outlives its block
        int[][] keptCols = new int[workers][];
        int[][] keptScores = new int[workers][];
        int[][] lengths = new int[workers][];
        Parallel.forEachBlock(
                n,
                block,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    if (lengths[worker] == null) {
                        keptCols[worker] = new int[block * m];
                        keptScores[worker] = new int[block * m];
                        lengths[worker] = new int[block];
                    }
                    int[] keptCol = keptCols[worker];
                    int[] keptScore = keptScores[worker];
                    int[] length = lengths[worker];
                    int[] one = new int[1];
                    int[] row = candidates == null ? new int[m] : null;
                    int k = 0;
                    for (int i = from; i < to; i++) {
                        int first = k;
                        boolean below = false;
                        if (candidates == null && keep == null) {
                            scoreRange(i, 0, m, row, 0);
                            // no branch per pair: each pair is written, and kept by moving on
                            for (int j = 0; j < m; j++) {
                                int s = row[j];
                                keptCol[k] = j;
                                keptScore[k] = s;
                                k += s >= threshold ? 1 : 0;
                                below |= s >= 0 & s < threshold;
                            }
                        } else if (candidates == null) {
                            scoreRange(i, 0, m, row, 0);
                            for (int j = 0; j < m; j++) {
                                int s = row[j];
                                if (s >= 0 && keep.keep(i, j, s)) {
                                    if (s >= threshold) {
                                        keptCol[k] = j;
                                        keptScore[k++] = s;
                                    } else {
                                        below = true;
                                    }
                                }
                            }
                        } else {
                            int last = -1;
                            for (int j : candidates.apply(i)) {
                                if (j <= last || j >= m) {
                                    throw new IllegalArgumentException(
                                            "mentee "
                                                    + i
                                                    + ": candidates must increase within 0.."
                                                    + (m - 1));
                                }
                                last = j;
                                scoreRange(i, j, j + 1, one, -j);
                                int s = one[0];
                                if (s >= 0 && (keep == null || keep.keep(i, j, s))) {
                                    if (s >= threshold) {
                                        keptCol[k] = j;
                                        keptScore[k++] = s;
                                    } else {
                                        below = true;
                                    }
                                }
                            }
                        }
                        if (below && belowMinimum != null) {
                            belowMinimum[i] = true;
                        }
                        length[i - from] = k - first;
                    }
                    out.add(worker, from, length, to - from, keptCol, keptScore, k);
                    if (worker == 0) {
                        progress.onProgress((double) to / n);
                    }
                });
        progress.onProgress(1.0);
        return out.scores(m);
    }

    /** One pair's score, -1 when forbidden. */
    public int score(int mentee, int mentor) {
        Objects.checkIndex(mentor, mentors.size);
        int[] one = new int[1];
        scoreRange(mentee, mentor, mentor + 1, one, -mentor);
        return one[0];
    }

    /** The same, written into {@code one[0]} (no allocation, for loops over single pairs). */
    int score(int mentee, int mentor, int[] one) {
        Objects.checkIndex(mentor, mentors.size);
        scoreRange(mentee, mentor, mentor + 1, one, -mentor);
        return one[0];
    }

    /** Writes mentee {@code i}'s scores for every mentor into {@code out[offset..offset+M)}. */
    public void scoreRow(int i, int[] out, int offset) {
        scoreRange(i, 0, mentors.size, out, offset);
    }

    /** Scores mentors {@code [from, to)} of mentee {@code i} into {@code out[offset + j]}. */
    private void scoreRange(int i, int from, int to, int[] out, int offset) {
        final Profiles a = mentees;
        final Profiles b = mentors;
        final HardRules r = rules;
        final int words = a.skillWords;
        // mentor side, as locals so the JIT keeps them in registers
        final int[] bPersons = b.person;
        final int[] bDivisions = b.division;
        final int[] bFunctions = b.function;
        final int[] bLocations = b.location;
        final int[] bLevels = b.level;
        final int[] bModes = b.workMode;
        final long[] bLanguages = b.languages;
        final int[] bOffsets = b.utcOffsetMinutes;
        final long[] bSkills = b.skills;
        // mentee side
        final int aPerson = a.person[i];
        final int aDivision = a.division[i];
        final int aFunction = a.function[i];
        final int aLocation = a.location[i];
        final int aLevel = a.level[i];
        final int aMode = a.workMode[i];
        final long aLanguages = a.languages[i];
        final int aOffset = a.utcOffsetMinutes[i];
        final int aAspiredDivision = a.aspiredDivision[i];
        final int aAspiredLocation = a.aspiredLocation[i];
        final int skillBase = i * words;
        final long aSkill0 = a.skills[skillBase];
        final long aSkill1 = words > 1 ? a.skills[skillBase + 1] : 0;
        final int[] skillRow = skillPoints[a.skillCount[i]];
        final int[] excluded = r.excluded[i];
        int nextExcluded = 0;
        final boolean chartOn = aPerson >= 0 && r.orgChart != null;
        final int aEnter = chartOn ? r.orgChart.enter[aPerson] : 0;
        final int aExit = chartOn ? r.orgChart.exit[aPerson] : 0;
        final int[] bEnters = mentorEnter;
        final int[] bExits = mentorExit;
        // rules
        final boolean differentDivision = r.differentDivision;
        final boolean differentFunction = r.differentFunction;
        final boolean differentLocation = r.differentLocation;
        final boolean oppositeWorkMode = r.oppositeWorkMode;
        final boolean commonLanguage = r.commonLanguage;
        final int minLevelGap = r.minLevelGap;
        final int maxLevelGap = r.maxLevelGap;
        final int minMentorLevel = r.minMentorLevel;
        final int maxDistance = r.maxTimeZoneDistance;
        final boolean aspiredDivisionRule = r.aspiredDivision;
        final boolean aspiredLocationRule = r.aspiredLocation;
        // weights; "same" and "different" criteria fold into one lookup each
        final int wSameDivision = weights.of(Criterion.SAME_DIVISION);
        final int wDifferentDivision = weights.of(Criterion.DIFFERENT_DIVISION);
        final int wSameFunction = weights.of(Criterion.SAME_FUNCTION);
        final int wDifferentFunction = weights.of(Criterion.DIFFERENT_FUNCTION);
        final int wSameLocation = weights.of(Criterion.SAME_LOCATION);
        final int wDifferentLocation = weights.of(Criterion.DIFFERENT_LOCATION);
        final int wAspiredDivision =
                aAspiredDivision >= 0 ? weights.of(Criterion.ASPIRED_DIVISION) : 0;
        final int wAspiredLocation =
                aAspiredLocation >= 0 ? weights.of(Criterion.ASPIRED_LOCATION) : 0;
        final int wOpposite = weights.of(Criterion.OPPOSITE_WORK_MODE);
        final int wLevel = weights.of(Criterion.LEVEL_GAP);
        final int wLanguage = weights.of(Criterion.LANGUAGE);
        final int field = WorkMode.FIELD.ordinal();
        final int home = WorkMode.HOME_OFFICE.ordinal();
        final int[] distance = DISTANCE;
        final int[] zone = zonePoints;

        for (int j = from; j < to; j++) {
            int bDivision = bDivisions[j];
            int bFunction = bFunctions[j];
            int bLocation = bLocations[j];
            int bLevel = bLevels[j];
            int bMode = bModes[j];
            long common = aLanguages & bLanguages[j];
            int gap = bLevel - aLevel;
            int diff = aOffset - bOffsets[j] + DISTANCE_BIAS;
            int d =
                    diff >= 0 && diff < distance.length
                            ? distance[diff]
                            : offsetDistance(aOffset, bOffsets[j]);
            boolean opposite = (aMode == field & bMode == home) | (aMode == home & bMode == field);
            int bPerson = bPersons[j];
            int bEnter = bEnters[j];
            int bExit = bExits[j];
            // non-short-circuit operators: no branch to mispredict on random data
            boolean forbidden =
                    (aPerson >= 0 & aPerson == bPerson)
                            | (differentDivision & aDivision == bDivision)
                            | (differentFunction & aFunction == bFunction)
                            | (differentLocation & aLocation == bLocation)
                            | (oppositeWorkMode & !opposite)
                            | gap < minLevelGap
                            | gap > maxLevelGap
                            | bLevel < minMentorLevel
                            | (commonLanguage & common == 0)
                            | d > maxDistance
                            | (aspiredDivisionRule & aAspiredDivision != bDivision)
                            | (aspiredDivisionRule & aAspiredDivision < 0)
                            | (aspiredLocationRule & aAspiredLocation != bLocation)
                            | (aspiredLocationRule & aAspiredLocation < 0)
                            | (chartOn
                                    & ((aEnter <= bEnter & bExit <= aExit)
                                            | (bEnter <= aEnter & aExit <= bExit)));
            if (excluded != null) {
                while (nextExcluded < excluded.length && excluded[nextExcluded] < j) {
                    nextExcluded++;
                }
                forbidden |= nextExcluded < excluded.length && excluded[nextExcluded] == j;
            }
            // The soft score is computed for every pair and dropped for forbidden ones: cheaper
            // than a branch that random data mispredicts.
            int bSkillBase = j * words;
            int overlapCount = Long.bitCount(aSkill0 & bSkills[bSkillBase]);
            if (words > 1) {
                overlapCount += Long.bitCount(aSkill1 & bSkills[bSkillBase + 1]);
                for (int w = 2; w < words; w++) {
                    overlapCount +=
                            Long.bitCount(a.skills[skillBase + w] & bSkills[bSkillBase + w]);
                }
            }
            int s = skillRow[overlapCount] + zone[d];
            s += (aDivision >= 0 & aDivision == bDivision) ? wSameDivision : wDifferentDivision;
            s += (aFunction >= 0 & aFunction == bFunction) ? wSameFunction : wDifferentFunction;
            s += (aLocation >= 0 & aLocation == bLocation) ? wSameLocation : wDifferentLocation;
            s += aAspiredDivision == bDivision ? wAspiredDivision : 0;
            s += aAspiredLocation == bLocation ? wAspiredLocation : 0;
            s += opposite ? wOpposite : 0;
            s += (gap >= minGap & gap <= maxGap) ? wLevel : 0;
            s += common != 0 ? wLanguage : 0;
            out[offset + j] = forbidden ? ScoreMatrix.FORBIDDEN : s;
        }
    }

    /**
     * Each criterion's weight, value and contribution for the pair; the contributions add up to the
     * pair's score when no hard rule forbids it (see {@link #brokenRules}).
     */
    public List<Explanation> explain(int i, int j) {
        Profiles a = mentees;
        Profiles b = mentors;
        List<Explanation> out = new ArrayList<>(Criterion.values().length);
        int words = a.skillWords;
        int overlapCount = 0;
        for (int w = 0; w < words; w++) {
            overlapCount += Long.bitCount(a.skills[i * words + w] & b.skills[j * words + w]);
        }
        int wanted = a.skillCount[i];
        add(
                out,
                Criterion.SKILLS,
                overlapCount,
                Math.max(1, wanted),
                skillPoints[wanted][overlapCount]);
        boolean sameDivision = a.division[i] >= 0 && a.division[i] == b.division[j];
        flag(out, Criterion.SAME_DIVISION, sameDivision);
        flag(out, Criterion.DIFFERENT_DIVISION, !sameDivision);
        boolean sameFunction = a.function[i] >= 0 && a.function[i] == b.function[j];
        flag(out, Criterion.SAME_FUNCTION, sameFunction);
        flag(out, Criterion.DIFFERENT_FUNCTION, !sameFunction);
        boolean sameLocation = a.location[i] >= 0 && a.location[i] == b.location[j];
        flag(out, Criterion.SAME_LOCATION, sameLocation);
        flag(out, Criterion.DIFFERENT_LOCATION, !sameLocation);
        flag(
                out,
                Criterion.ASPIRED_DIVISION,
                a.aspiredDivision[i] >= 0 && a.aspiredDivision[i] == b.division[j]);
        flag(
                out,
                Criterion.ASPIRED_LOCATION,
                a.aspiredLocation[i] >= 0 && a.aspiredLocation[i] == b.location[j]);
        flag(out, Criterion.OPPOSITE_WORK_MODE, opposite(a.workMode[i], b.workMode[j]));
        int gap = b.level[j] - a.level[i];
        flag(out, Criterion.LEVEL_GAP, gap >= minGap && gap <= maxGap);
        flag(out, Criterion.LANGUAGE, (a.languages[i] & b.languages[j]) != 0);
        int d = offsetDistance(a.utcOffsetMinutes[i], b.utcOffsetMinutes[j]);
        add(out, Criterion.TIME_ZONE, zoneOverlap[d], workday, zonePoints[d]);
        return out;
    }

    private void flag(List<Explanation> out, Criterion c, boolean met) {
        int w = weights.of(c);
        out.add(new Explanation(c, w, met ? 1.0 : 0.0, met ? w : 0));
    }

    private void add(List<Explanation> out, Criterion c, long num, long den, int contribution) {
        out.add(new Explanation(c, weights.of(c), (double) num / den, contribution));
    }

    /** The hard rules the pair breaks; empty when it is allowed. */
    public List<HardRules.Rule> brokenRules(int mentee, int mentor) {
        return rules.broken(mentees, mentee, mentors, mentor);
    }

    public static final class Builder {
        private final Profiles mentees;
        private final Profiles mentors;
        private Weights weights = Weights.none();
        private HardRules rules;
        private int minGap = 1;
        private int maxGap = 3;
        private int workday = 8 * 60;
        private int threads = Parallel.defaultThreads();

        private Builder(Profiles mentees, Profiles mentors) {
            if (mentees.skillWords != mentors.skillWords) {
                throw new IllegalArgumentException("both sides need the same skill count");
            }
            this.mentees = mentees;
            this.mentors = mentors;
        }

        public Builder weights(Weights weights) {
            this.weights = weights;
            return this;
        }

        public Builder hardRules(HardRules rules) {
            this.rules = rules;
            return this;
        }

        /** LEVEL_GAP is met when mentor's level minus mentee's lies in {@code [min, max]}. */
        public Builder preferredLevelGap(int min, int max) {
            this.minGap = min;
            this.maxGap = max;
            return this;
        }

        /** Length of a working day for TIME_ZONE, in minutes (default 480). */
        public Builder workdayMinutes(int minutes) {
            if (minutes <= 0 || minutes > DAY) {
                throw new IllegalArgumentException("workday of " + minutes + " minutes");
            }
            this.workday = minutes;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public Scorer build() {
            return new Scorer(this);
        }
    }
}
