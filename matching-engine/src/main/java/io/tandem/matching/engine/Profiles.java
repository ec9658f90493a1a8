package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * The features of one side (mentees or mentors) in primitive arrays, one entry per person. Codes
 * (division, function, location, language, skill) are small non-negative ints the caller assigns;
 * -1 means unknown. For mentees {@code skills} are the skills wanted, for mentors the skills
 * offered.
 */
public final class Profiles {

    final int size;
    final int skillWords;
    final int[] person;
    final int[] division;
    final int[] function;
    final int[] location;
    final int[] level;
    final int[] workMode;
    final long[] languages;
    final int[] utcOffsetMinutes;
    final long[] skills;
    final int[] skillCount;
    final int[] aspiredDivision;
    final int[] aspiredLocation;

    private Profiles(Builder b) {
        this.size = b.size;
        this.skillWords = b.skillWords;
        this.person = b.person;
        this.division = b.division;
        this.function = b.function;
        this.location = b.location;
        this.level = b.level;
        this.workMode = b.workMode;
        this.languages = b.languages;
        this.utcOffsetMinutes = b.utcOffsetMinutes;
        this.skills = b.skills;
        this.aspiredDivision = b.aspiredDivision;
        this.aspiredLocation = b.aspiredLocation;
        this.skillCount = new int[size];
        for (int p = 0; p < size; p++) {
            int c = 0;
            for (int w = 0; w < skillWords; w++) {
                c += Long.bitCount(skills[p * skillWords + w]);
            }
            skillCount[p] = c;
        }
    }

    /**
     * @param size number of people on this side
     * @param skills number of distinct skill codes (skill codes are {@code 0..skills-1})
     */
    public static Builder builder(int size, int skills) {
        return new Builder(size, skills);
    }

    public int size() {
        return size;
    }

    /** Index of this entry's person in the {@link OrgChart} (same person on both sides: equal). */
    public int person(int p) {
        return person[p];
    }

    public int level(int p) {
        return level[p];
    }

    public int division(int p) {
        return division[p];
    }

    /** Fills the arrays entry by entry; every setter takes the entry index first. */
    public static final class Builder {
        private final int size;
        private final int skillLimit;
        private final int skillWords;
        private final int[] person;
        private final int[] division;
        private final int[] function;
        private final int[] location;
        private final int[] level;
        private final int[] workMode;
        private final long[] languages;
        private final int[] utcOffsetMinutes;
        private final long[] skills;
        private final int[] aspiredDivision;
        private final int[] aspiredLocation;

        private Builder(int size, int skills) {
            this.size = size;
            this.skillLimit = skills;
            this.skillWords = Math.max(1, (skills + 63) / 64);
            this.person = new int[size];
            for (int p = 0; p < size; p++) {
                person[p] = -1;
            }
            this.division = filled(size);
            this.function = filled(size);
            this.location = filled(size);
            this.level = new int[size];
            this.workMode = new int[size];
            Arrays.fill(workMode, WorkMode.REMOTE.ordinal());
            this.languages = new long[size];
            this.utcOffsetMinutes = new int[size];
            this.skills = new long[size * skillWords];
            this.aspiredDivision = filled(size);
            this.aspiredLocation = filled(size);
        }

        private static int[] filled(int size) {
            int[] a = new int[size];
            Arrays.fill(a, -1);
            return a;
        }

        public Builder person(int p, int orgChartIndex) {
            person[p] = orgChartIndex;
            return this;
        }

        public Builder division(int p, int code) {
            division[p] = code;
            return this;
        }

        public Builder function(int p, int code) {
            function[p] = code;
            return this;
        }

        public Builder location(int p, int code) {
            location[p] = code;
            return this;
        }

        public Builder level(int p, int level) {
            this.level[p] = level;
            return this;
        }

        public Builder workMode(int p, WorkMode mode) {
            workMode[p] = mode.ordinal();
            return this;
        }

        /** Language codes 0..63. */
        public Builder languages(int p, int... codes) {
            long bits = 0;
            for (int c : codes) {
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("language code out of 0..63: " + c);
                }
                bits |= 1L << c;
            }
            languages[p] = bits;
            return this;
        }

        public Builder utcOffsetMinutes(int p, int minutes) {
            utcOffsetMinutes[p] = minutes;
            return this;
        }

        public Builder skills(int p, int... codes) {
            for (int w = 0; w < skillWords; w++) {
                skills[p * skillWords + w] = 0;
            }
            for (int c : codes) {
                if (c < 0 || c >= skillLimit) {
                    throw new IllegalArgumentException("skill code out of range: " + c);
                }
                skills[p * skillWords + (c >>> 6)] |= 1L << (c & 63);
            }
            return this;
        }

        public Builder aspiredDivision(int p, int code) {
            aspiredDivision[p] = code;
            return this;
        }

        public Builder aspiredLocation(int p, int code) {
            aspiredLocation[p] = code;
            return this;
        }

        public Profiles build() {
            return new Profiles(this);
        }
    }
}
