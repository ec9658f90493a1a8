package io.tandem.matching;

import io.tandem.matching.engine.Profiles;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns people and their enrolments into the engine's profiles: categorical values become
 * dictionary codes shared by both sides, so that "London" means the same code for a mentee and a
 * mentor.
 */
final class EngineProfiles {

    private final Map<PersonId, PersonSummary> people;
    private final Map<PersonId, Integer> chartIndex;
    private final boolean functionInterest;
    private final Instant now;
    private final Codes divisions = new Codes();
    private final Codes functions = new Codes();
    private final Codes locations = new Codes();
    private final Codes languages = new Codes();
    private final Codes skills = new Codes();
    private final Map<String, Integer> offsets = new HashMap<>();

    /**
     * @param functionInterest whether a mentee's interests include mentors' functions, so a
     *     mentor's function counts as a skill they offer
     */
    EngineProfiles(
            Map<PersonId, PersonSummary> people,
            Map<PersonId, Integer> chartIndex,
            boolean functionInterest,
            Instant now) {
        this.people = people;
        this.chartIndex = chartIndex;
        this.functionInterest = functionInterest;
        this.now = now;
    }

    /** Both sides' profiles; the skill codes of both are known before either is built. */
    List<Profiles> of(List<EnrolmentView> mentees, List<EnrolmentView> mentors) {
        for (EnrolmentView e : mentees) {
            wanted(e, people).forEach(skills::code);
        }
        for (EnrolmentView e : mentors) {
            offered(e, people, functionInterest).forEach(skills::code);
        }
        return List.of(side(mentees, true), side(mentors, false));
    }

    private static List<String> wanted(EnrolmentView e, Map<PersonId, PersonSummary> profiles) {
        return e.skillsWanted().isEmpty()
                ? profiles.get(e.personId()).skillsWanted()
                : e.skillsWanted();
    }

    private static List<String> offered(
            EnrolmentView e, Map<PersonId, PersonSummary> profiles, boolean withFunction) {
        PersonSummary p = profiles.get(e.personId());
        List<String> offered =
                new ArrayList<>(e.skillsOffered().isEmpty() ? p.skills() : e.skillsOffered());
        if (withFunction && p.function() != null) {
            offered.add(p.function());
        }
        return offered;
    }

    private Profiles side(List<EnrolmentView> side, boolean mentees) {
        Profiles.Builder b = Profiles.builder(side.size(), Math.max(1, skills.size()));
        for (int p = 0; p < side.size(); p++) {
            EnrolmentView e = side.get(p);
            PersonSummary person = people.get(e.personId());
            b.person(p, chartIndex.getOrDefault(person.id(), -1));
            if (person.division() != null) {
                b.division(p, divisions.code(person.division()));
            }
            if (person.function() != null) {
                b.function(p, functions.code(person.function()));
            }
            if (person.location() != null) {
                b.location(p, locations.code(person.location()));
            }
            b.level(p, person.level() == null ? 0 : person.level());
            if (person.workMode() != null) {
                b.workMode(p, io.tandem.matching.engine.WorkMode.valueOf(person.workMode().name()));
            }
            // The engine keeps languages as a 64-bit set; an organisation with more keeps the first
            // 64.
            b.languages(p, languages.codes(person.languages(), 64));
            String zone = e.timeZone() != null ? e.timeZone() : person.timeZone();
            b.utcOffsetMinutes(p, offsets.computeIfAbsent(zone, this::offsetMinutes));
            List<String> own = mentees ? wanted(e, people) : offered(e, people, functionInterest);
            b.skills(p, skills.codes(own, Integer.MAX_VALUE));
            String division = AppRules.aspiredDivision(e, person);
            String location = AppRules.aspiredLocation(e, person);
            if (mentees && division != null) {
                b.aspiredDivision(p, divisions.code(division));
            }
            if (mentees && location != null) {
                b.aspiredLocation(p, locations.code(location));
            }
        }
        return b.build();
    }

    private int offsetMinutes(String zone) {
        return ZoneId.of(zone).getRules().getOffset(now).getTotalSeconds() / 60;
    }

    /** Dictionary codes for categorical values, compared ignoring case. */
    private static final class Codes {
        private final Map<String, Integer> codes = new HashMap<>();
        // each spelling met, so that a cohort's thousands of repeats skip the case folding
        private final Map<String, Integer> spellings = new HashMap<>();

        int code(String value) {
            Integer code = spellings.get(value);
            if (code == null) {
                code = codes.computeIfAbsent(AppRules.key(value), k -> codes.size());
                spellings.put(value, code);
            }
            return code;
        }

        /** The values' distinct codes below {@code limit}, in the order first met. */
        int[] codes(List<String> values, int limit) {
            int[] out = new int[values.size()];
            int n = 0;
            for (String value : values) {
                int code = code(value);
                boolean seen = code >= limit;
                for (int k = 0; k < n && !seen; k++) {
                    seen = out[k] == code;
                }
                if (!seen) {
                    out[n++] = code;
                }
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }

        int size() {
            return codes.size();
        }
    }
}
