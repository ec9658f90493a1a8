package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PeopleSpread;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The programs' enrolment counts and each program's spread of people by division and location, kept
 * per organisation until its enrolment revision (or, for the spread, its people revision) moves: a
 * manager's home page and a program page showed them by counting 10,000 enrolments and reading
 * their people's ids on every view (issue 17). The revision moves in the transaction of every
 * enrolment written, on any instance, so a page never shows figures older than its own revision
 * read.
 */
@Component
class EnrolmentFigures {

    /** Organisations and programs held at most; emptied rather than grown past this. */
    static final int MAX_KEPT = 256;

    /**
     * Per program: mentors and mentees taking part, pending, invited, mentors' capacity; and the
     * rows they were tallied from (role, status, count), for the counts of a filtered list.
     */
    private record Counts(
            long revision, Map<ProgramId, int[]> byProgram, Map<ProgramId, List<Object[]>> rows) {}

    private record Spread(long enrolments, long people, PeopleSpread spread) {}

    private final Enrolments enrolments;
    private final PeopleManagement people;
    private final Map<OrganisationId, Counts> counts = new ConcurrentHashMap<>();
    private final Map<ProgramId, Spread> spreads = new ConcurrentHashMap<>();

    EnrolmentFigures(Enrolments enrolments, PeopleManagement people) {
        this.enrolments = enrolments;
        this.people = people;
    }

    /** The counts of every program of the organisation; a program without enrolments has none. */
    Map<ProgramId, int[]> counts(OrganisationId organisation) {
        return kept(organisation).byProgram();
    }

    /**
     * How many enrolments of the program have this status and role (either, when null, any): what a
     * page of the program's enrolment list counts for its pager, without counting 10,000 rows.
     */
    long count(
            OrganisationId organisation,
            ProgramId program,
            EnrolmentStatus status,
            EnrolmentRole role) {
        long n = 0;
        for (Object[] row : kept(organisation).rows().getOrDefault(program, List.of())) {
            if ((role == null || role == row[1]) && (status == null || status == row[2])) {
                n += (Integer) row[3];
            }
        }
        return n;
    }

    private Counts kept(OrganisationId organisation) {
        long revision = revision(organisation);
        Counts kept = counts.get(organisation);
        if (kept == null || kept.revision() != revision) {
            // Read after the revision: a write between the two is counted, and moves it again.
            List<Object[]> rows = enrolments.counts(organisation);
            kept =
                    new Counts(
                            revision,
                            tally(rows),
                            rows.stream()
                                    .collect(
                                            Collectors.groupingBy(
                                                    row -> (ProgramId) row[0],
                                                    Collectors.toUnmodifiableList())));
            keep(counts, organisation, kept);
        }
        return kept;
    }

    /** The divisions and locations of the people taking part in the program, one per enrolment. */
    PeopleSpread spread(OrganisationId organisation, ProgramId program) {
        long revision = revision(organisation);
        long peopleRevision = people.revision(organisation);
        Spread kept = spreads.get(program);
        if (kept == null || kept.enrolments() != revision || kept.people() != peopleRevision) {
            kept =
                    new Spread(
                            revision,
                            peopleRevision,
                            people.spread(organisation, enrolments.taking(organisation, program)));
            keep(spreads, program, kept);
        }
        return kept.spread();
    }

    private long revision(OrganisationId organisation) {
        return io.tandem.web.RequestMemo.remember(
                "enrolment-revision",
                organisation,
                organisation,
                () -> enrolments.revision(organisation));
    }

    private static <K, V> void keep(Map<K, V> map, K key, V value) {
        if (map.size() >= MAX_KEPT && !map.containsKey(key)) {
            map.clear();
        }
        map.put(key, value);
    }

    /**
     * Per program: mentors and mentees taking part (active or pending), pending, invited, and the
     * taking mentors' summed capacity, from rows of {@link Enrolments#counts}.
     */
    private static Map<ProgramId, int[]> tally(List<Object[]> rows) {
        Map<ProgramId, int[]> counts = new HashMap<>();
        for (Object[] row : rows) {
            int[] c = counts.computeIfAbsent((ProgramId) row[0], id -> new int[5]);
            EnrolmentRole role = (EnrolmentRole) row[1];
            EnrolmentStatus status = (EnrolmentStatus) row[2];
            int n = (Integer) row[3];
            if (status == EnrolmentStatus.ACTIVE || status == EnrolmentStatus.PENDING) {
                if (role == EnrolmentRole.MENTOR) {
                    c[0] += n;
                    c[4] += (Integer) row[4];
                } else {
                    c[1] += n;
                }
            }
            if (status == EnrolmentStatus.PENDING) {
                c[2] += n;
            }
            if (status == EnrolmentStatus.INVITED) {
                c[3] += n;
            }
        }
        return Map.copyOf(counts);
    }
}
