package io.tandem.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rules that forbid a pair outright (score -1). A mentee is never paired with themself, whatever
 * the rules.
 */
public final class HardRules {

    /** A rule a pair can break. */
    public enum Rule {
        SAME_PERSON,
        REPORTING_CHAIN,
        EXCLUDED_PAIR,
        SAME_DIVISION,
        SAME_FUNCTION,
        SAME_LOCATION,
        NOT_OPPOSITE_WORK_MODE,
        LEVEL_GAP,
        MENTOR_LEVEL,
        NO_COMMON_LANGUAGE,
        TIME_ZONE_DISTANCE,
        NOT_ASPIRED_DIVISION,
        NOT_ASPIRED_LOCATION
    }

    final OrgChart orgChart;
    final boolean differentDivision;
    final boolean differentFunction;
    final boolean differentLocation;
    final boolean oppositeWorkMode;
    final int minLevelGap;
    final int maxLevelGap;
    final int minMentorLevel;
    final boolean commonLanguage;
    final int maxTimeZoneDistance;
    final boolean aspiredDivision;
    final boolean aspiredLocation;

    /** Per mentee, sorted mentor indexes never to pair again; null when none. */
    final int[][] excluded;

    private HardRules(Builder b, int mentees) {
        this.orgChart = b.orgChart;
        this.differentDivision = b.differentDivision;
        this.differentFunction = b.differentFunction;
        this.differentLocation = b.differentLocation;
        this.oppositeWorkMode = b.oppositeWorkMode;
        this.minLevelGap = b.minLevelGap;
        this.maxLevelGap = b.maxLevelGap;
        this.minMentorLevel = b.minMentorLevel;
        this.commonLanguage = b.commonLanguage;
        this.maxTimeZoneDistance = b.maxTimeZoneDistance;
        this.aspiredDivision = b.aspiredDivision;
        this.aspiredLocation = b.aspiredLocation;
        this.excluded = new int[mentees][];
        int[] count = new int[mentees];
        for (long pair : b.exclusions) {
            int i = (int) (pair >>> 32);
            if (i >= mentees) {
                throw new IllegalArgumentException(
                        "excluded pair names mentee " + i + " of " + mentees);
            }
            count[i]++;
        }
        for (long pair : b.exclusions) {
            int i = (int) (pair >>> 32);
            if (excluded[i] == null) {
                excluded[i] = new int[count[i]];
                count[i] = 0;
            }
            excluded[i][count[i]++] = (int) pair;
        }
        for (int[] list : excluded) {
            if (list != null) {
                Arrays.sort(list);
            }
        }
    }

    /** No rule beyond "not the same person". */
    public static HardRules none(int mentees) {
        return builder().build(mentees);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the pair breaks no rule. */
    public boolean allows(Profiles mentees, int i, Profiles mentors, int j) {
        return broken(mentees, i, mentors, j, true).isEmpty();
    }

    /** Every rule the pair breaks, in declaration order. */
    public List<Rule> broken(Profiles mentees, int i, Profiles mentors, int j) {
        return broken(mentees, i, mentors, j, false);
    }

    private List<Rule> broken(Profiles a, int i, Profiles b, int j, boolean first) {
        List<Rule> out = new ArrayList<>(2);
        int pa = a.person[i];
        int pb = b.person[j];
        check(out, pa >= 0 && pa == pb, Rule.SAME_PERSON);
        check(
                out,
                orgChart != null && pa >= 0 && pb >= 0 && orgChart.inReportingChain(pa, pb),
                Rule.REPORTING_CHAIN);
        check(
                out,
                excluded[i] != null && Arrays.binarySearch(excluded[i], j) >= 0,
                Rule.EXCLUDED_PAIR);
        check(out, differentDivision && a.division[i] == b.division[j], Rule.SAME_DIVISION);
        check(out, differentFunction && a.function[i] == b.function[j], Rule.SAME_FUNCTION);
        check(out, differentLocation && a.location[i] == b.location[j], Rule.SAME_LOCATION);
        check(
                out,
                oppositeWorkMode && !Scorer.opposite(a.workMode[i], b.workMode[j]),
                Rule.NOT_OPPOSITE_WORK_MODE);
        int gap = b.level[j] - a.level[i];
        check(out, gap < minLevelGap || gap > maxLevelGap, Rule.LEVEL_GAP);
        check(out, b.level[j] < minMentorLevel, Rule.MENTOR_LEVEL);
        check(
                out,
                commonLanguage && (a.languages[i] & b.languages[j]) == 0,
                Rule.NO_COMMON_LANGUAGE);
        check(
                out,
                Scorer.offsetDistance(a.utcOffsetMinutes[i], b.utcOffsetMinutes[j])
                        > maxTimeZoneDistance,
                Rule.TIME_ZONE_DISTANCE);
        check(
                out,
                aspiredDivision
                        && (a.aspiredDivision[i] < 0 || a.aspiredDivision[i] != b.division[j]),
                Rule.NOT_ASPIRED_DIVISION);
        check(
                out,
                aspiredLocation
                        && (a.aspiredLocation[i] < 0 || a.aspiredLocation[i] != b.location[j]),
                Rule.NOT_ASPIRED_LOCATION);
        return out;
    }

    private static void check(List<Rule> out, boolean broken, Rule rule) {
        if (broken) {
            out.add(rule);
        }
    }

    public static final class Builder {
        private OrgChart orgChart;
        private boolean differentDivision;
        private boolean differentFunction;
        private boolean differentLocation;
        private boolean oppositeWorkMode;
        private int minLevelGap = Integer.MIN_VALUE;
        private int maxLevelGap = Integer.MAX_VALUE;
        private int minMentorLevel = Integer.MIN_VALUE;
        private boolean commonLanguage;
        private int maxTimeZoneDistance = Integer.MAX_VALUE;
        private boolean aspiredDivision;
        private boolean aspiredLocation;
        private final List<Long> exclusions = new ArrayList<>();

        private Builder() {}

        /** Forbids a mentor in the mentee's reporting chain, up or down. */
        public Builder notInReportingChain(OrgChart chart) {
            this.orgChart = chart;
            return this;
        }

        public Builder differentDivision() {
            differentDivision = true;
            return this;
        }

        public Builder differentFunction() {
            differentFunction = true;
            return this;
        }

        public Builder differentLocation() {
            differentLocation = true;
            return this;
        }

        /** One side FIELD, the other HOME_OFFICE. */
        public Builder oppositeWorkMode() {
            oppositeWorkMode = true;
            return this;
        }

        /** Mentor's level minus mentee's level must lie in {@code [min, max]}. */
        public Builder levelGap(int min, int max) {
            minLevelGap = min;
            maxLevelGap = max;
            return this;
        }

        public Builder minMentorLevel(int level) {
            minMentorLevel = level;
            return this;
        }

        public Builder commonLanguage() {
            commonLanguage = true;
            return this;
        }

        /** Largest distance between UTC offsets, in minutes, around the clock. */
        public Builder maxTimeZoneDistanceMinutes(int minutes) {
            maxTimeZoneDistance = minutes;
            return this;
        }

        public Builder inAspiredDivision() {
            aspiredDivision = true;
            return this;
        }

        public Builder inAspiredLocation() {
            aspiredLocation = true;
            return this;
        }

        /** Never pair this mentee and mentor (e.g. a past pair). */
        public Builder exclude(int mentee, int mentor) {
            if (mentee < 0 || mentor < 0) {
                throw new IllegalArgumentException("excluded pair " + mentee + ", " + mentor);
            }
            exclusions.add(((long) mentee << 32) | (mentor & 0xFFFFFFFFL));
            return this;
        }

        public HardRules build(int mentees) {
            return new HardRules(this, mentees);
        }
    }
}
