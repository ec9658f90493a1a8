package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.ActivePairs;
import io.tandem.matching.MatchPublished;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.PublishedPair;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramId;
import io.tandem.shared.Conflict;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mentorships module's API: pairs started from published matches. */
@Service
public class MentorshipManagement {

    private final Mentorships mentorships;
    private final MatchingManagement matching;
    private final EnrolmentManagement enrolling;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MentorshipManagement(
            Mentorships mentorships,
            MatchingManagement matching,
            EnrolmentManagement enrolling,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.mentorships = mentorships;
        this.matching = matching;
        this.enrolling = enrolling;
        this.events = events;
    }

    /**
     * Starts the published pairs in the publisher's own transaction (a plain listener, not an
     * asynchronous one): when they would overbook, the refusal undoes the publish and the program
     * manager or mentor gets a clear 409 instead of a half-done publish.
     */
    @EventListener
    void on(MatchPublished published) {
        start(published);
    }

    /**
     * Starts a mentorship for each pair the run or request published; a pair started already starts
     * once. Holds the invariant every sequence of runs, publishes, hand-made pairs and self-match
     * acceptances must keep: no mentee with two active mentors in a program, no mentor with more
     * active mentees than their capacity. The program's lock row makes concurrent starts (on any
     * instance) happen one after the other.
     *
     * @throws Conflict when the pairs would break that rule: nothing is started
     */
    @Transactional
    public List<MentorshipSummary> start(MatchPublished published) {
        return start(
                published.organisationId(),
                published.programId(),
                published.source(),
                matching.publishedPairs(published.organisationId(), published.source()));
    }

    /**
     * Starts these pairs of the program under the same rule as {@link #start(MatchPublished)}.
     *
     * @param source the run or request the pairs came from
     */
    @Transactional
    public List<MentorshipSummary> start(
            OrganisationId organisation,
            ProgramId program,
            UUID source,
            List<PublishedPair> pairs) {
        mentorships.lock(program);
        List<MentorshipSummary> created = newPairs(organisation, program, pairs);
        mentorships.insertAll(organisation, created, source);
        if (!created.isEmpty()) {
            events.publishEvent(started(organisation, program, created));
        }
        return created;
    }

    /**
     * The published pairs not started yet, refused as a whole when one would give a mentee a second
     * mentor or a mentor more mentees than their places (read under the program's lock).
     */
    private List<MentorshipSummary> newPairs(
            OrganisationId organisation, ProgramId program, List<PublishedPair> pairs) {
        Map<PersonId, Integer> capacity = enrolling.mentorPlaces(organisation, program);
        Set<List<PersonId>> started = mentorships.pairs(organisation, program);
        Set<PersonId> paired = new HashSet<>();
        Map<PersonId, Integer> load = new HashMap<>();
        for (ActivePairs.Pair pair : mentorships.active(organisation, program)) {
            paired.add(pair.mentee());
            load.merge(pair.mentor(), 1, Integer::sum);
        }
        int menteesWithMentor = 0;
        Set<PersonId> full = new HashSet<>();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<MentorshipSummary> created = new ArrayList<>();
        for (PublishedPair pair : pairs) {
            if (!started.add(List.of(pair.mentee(), pair.mentor()))) {
                continue;
            }
            if (!paired.add(pair.mentee())) {
                menteesWithMentor++;
            }
            if (load.merge(pair.mentor(), 1, Integer::sum)
                    > capacity.getOrDefault(pair.mentor(), 0)) {
                full.add(pair.mentor());
            }
            created.add(
                    new MentorshipSummary(
                            new MentorshipId(UUID.randomUUID()),
                            program,
                            pair.mentor(),
                            pair.mentee(),
                            MentorshipStatus.ACTIVE,
                            pair.score(),
                            today));
        }
        if (menteesWithMentor > 0 || !full.isEmpty()) {
            throw new Conflict("mentorship.overbooking", menteesWithMentor, full.size());
        }
        return created;
    }

    private static MentorshipsStarted started(
            OrganisationId organisation, ProgramId program, List<MentorshipSummary> created) {
        return new MentorshipsStarted(
                organisation,
                program,
                created.stream()
                        .map(m -> new MentorshipsStarted.Pair(m.id(), m.mentorId(), m.menteeId()))
                        .toList());
    }

    /**
     * How many mentorships (any status) each program of the organisation has: counted when the
     * organisation's mentorship revision has moved since the last count, else the kept figures.
     */
    @Transactional(readOnly = true)
    public Map<ProgramId, Long> countByProgram(OrganisationId organisation) {
        long revision = mentorships.revision(organisation);
        PairCounts kept = pairCounts.get(organisation);
        if (kept == null || kept.revision() != revision) {
            // Read after the revision: an insert between the two is counted, and moves it again.
            kept = new PairCounts(revision, Map.copyOf(mentorships.countByProgram(organisation)));
            if (pairCounts.size() >= MAX_KEPT && !pairCounts.containsKey(organisation)) {
                pairCounts.clear();
            }
            pairCounts.put(organisation, kept);
        }
        return kept.byProgram();
    }

    /** Organisations whose pair counts are kept at most; emptied rather than grown past this. */
    static final int MAX_KEPT = 256;

    private record PairCounts(long revision, Map<ProgramId, Long> byProgram) {}

    private final Map<OrganisationId, PairCounts> pairCounts =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Paged<MentorshipSummary> find(
            OrganisationId organisation, ProgramId program, PersonId person, PageQuery page) {
        return Paged.counted(
                mentorships.find(organisation, program, person, page),
                page,
                () -> mentorships.count(organisation, program, person));
    }

    /**
     * The program's mentorships, newest first as {@link #find} pages them, each handed to {@code
     * each} as the database returns it: an export writes them without holding them all.
     */
    @Transactional(readOnly = true)
    public void forEach(
            OrganisationId organisation,
            ProgramId program,
            java.util.function.Consumer<MentorshipSummary> each) {
        mentorships.forEach(organisation, program, each);
    }

    /** What reports need of all the program's pairs, read in one pass without the pairs. */
    @Transactional(readOnly = true)
    public ProgramPairs programPairs(OrganisationId organisation, ProgramId program) {
        return mentorships.programPairs(organisation, program);
    }
}
