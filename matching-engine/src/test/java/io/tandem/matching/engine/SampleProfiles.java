package io.tandem.matching.engine;

import java.util.Random;

/** Synthetic but realistic people: divisions, functions, sites, levels, skills and time zones. */
public final class SampleProfiles {

    public static final int SKILLS = 120;
    public static final int DIVISIONS = 8;
    public static final int FUNCTIONS = 12;
    public static final int LOCATIONS = 20;
    private static final int[] OFFSETS = {-480, -300, -240, 0, 60, 120, 330, 480, 540, 600};

    private SampleProfiles() {}

    /** A random org chart of {@code people} people: person p reports to someone before p. */
    public static int[] managers(long seed, int people) {
        Random random = new Random(seed);
        int[] manager = new int[people];
        for (int p = 0; p < people; p++) {
            manager[p] = p == 0 ? -1 : random.nextInt(p);
        }
        return manager;
    }

    /**
     * One side of {@code size} people taken from persons {@code firstPerson..}; mentees want a few
     * skills, mentors offer more, and popular skills are more common (a Zipf-like draw).
     */
    public static Profiles side(long seed, int size, int firstPerson, boolean mentors) {
        Random random = new Random(seed);
        Profiles.Builder b = Profiles.builder(size, SKILLS);
        for (int p = 0; p < size; p++) {
            int location = random.nextInt(LOCATIONS);
            b.person(p, firstPerson + p)
                    .division(p, random.nextInt(DIVISIONS))
                    .function(p, random.nextInt(FUNCTIONS))
                    .location(p, location)
                    .level(p, mentors ? 3 + random.nextInt(5) : 1 + random.nextInt(4))
                    .workMode(p, WorkMode.values()[random.nextInt(3)])
                    .utcOffsetMinutes(p, OFFSETS[location % OFFSETS.length])
                    .languages(p, 0, 1 + random.nextInt(6))
                    .skills(
                            p,
                            skills(
                                    random,
                                    mentors ? 4 + random.nextInt(9) : 2 + random.nextInt(5)));
            if (!mentors && random.nextInt(3) == 0) {
                b.aspiredDivision(p, random.nextInt(DIVISIONS));
            }
            if (!mentors && random.nextInt(4) == 0) {
                b.aspiredLocation(p, random.nextInt(LOCATIONS));
            }
        }
        return b.build();
    }

    private static int[] skills(Random random, int count) {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            double u = random.nextDouble();
            out[k] = (int) Math.min(SKILLS - 1, Math.floor(SKILLS * u * u));
        }
        return out;
    }

    /** Weights like a cross-divisional program's. */
    public static Weights weights() {
        return Weights.none()
                .with(Criterion.SKILLS, 400)
                .with(Criterion.DIFFERENT_DIVISION, 100)
                .with(Criterion.SAME_FUNCTION, 50)
                .with(Criterion.ASPIRED_DIVISION, 150)
                .with(Criterion.ASPIRED_LOCATION, 80)
                .with(Criterion.LEVEL_GAP, 100)
                .with(Criterion.LANGUAGE, 60)
                .with(Criterion.TIME_ZONE, 120)
                .with(Criterion.OPPOSITE_WORK_MODE, 30);
    }
}
