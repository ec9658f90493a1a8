package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.SelfMatchChecks.Situation;
import io.tandem.matching.SelfMatchRequests.Request;
import io.tandem.matching.SelfMatchRequests.Side;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-match requests: a mentee in a SELF or HYBRID program asks a mentor ({@link
 * SelfMatchRecommendations} shows whom), and the mentor accepts or declines. An accepted request is
 * a published pair, like a bulk run's: the mentorships module starts it, and no run proposes it
 * again.
 *
 * <p>Acceptance never overbooks a mentor: it locks the mentor's row of {@code self_match_lock} (and
 * the mentee's, first) and counts the places taken only once it holds the lock, so acceptances for
 * one mentor happen one after the other on H2 and PostgreSQL alike.
 */
@Service
public class SelfMatchManagement {

    static final int MAX_MESSAGE = 2000;
    static final int MAX_REASON = 1000;

    private final SelfMatchRequests requests;
    private final MatchRuns runs;
    private final ActivePairs active;
    private final ProgramScoring scoring;
    private final ProgramManagement programs;
    private final PeopleManagement people;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final SelfMatchChecks checks;
    private final Duration expiry;
    private final Clock clock;

    SelfMatchManagement(
            SelfMatchRequests requests,
            MatchRuns runs,
            ActivePairs active,
            ProgramScoring scoring,
            ProgramManagement programs,
            PeopleManagement people,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            PlatformTransactionManager transactionManager,
            SelfMatchChecks checks,
            MatchingProperties properties,
            Clock clock) {
        this.requests = requests;
        this.runs = runs;
        this.active = active;
        this.scoring = scoring;
        this.programs = programs;
        this.people = people;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.transaction = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.checks = checks;
        this.expiry = properties.requestExpiry();
        this.clock = clock;
    }

    /**
     * The mentee asks the mentor, with a message.
     *
     * @throws InvalidInputException (422) for a mentor a hard rule forbids, naming each rule, or
     *     who is not an active mentor of the program, or a message that is too long
     * @throws Conflict for a mentor with no place left, a second open request to the same mentor,
     *     or a mentee who has a mentor in the program already
     */
    public RequestView request(
            OrganisationId organisation,
            ProgramId programId,
            PersonId mentee,
            PersonId mentor,
            String message) {
        String text = trim(message);
        int score = check(organisation, programId, mentee, mentor, text);
        inOwnTransaction(() -> requests.ensureLock(programId, mentee, Side.MENTEE));
        RequestId id = new RequestId(UUID.randomUUID());
        locking(
                () ->
                        transaction.executeWithoutResult(
                                status ->
                                        send(
                                                organisation,
                                                programId,
                                                mentee,
                                                mentor,
                                                text,
                                                score,
                                                id)));
        return view(organisation, find(organisation, id));
    }

    /**
     * The pair's score when the mentee may ask this mentor: a message that fits, a mentor of the
     * program no rule forbids, with a place left, and no mentor yet.
     */
    private int check(
            OrganisationId organisation,
            ProgramId programId,
            PersonId mentee,
            PersonId mentor,
            String text) {
        if (text != null && text.length() > MAX_MESSAGE) {
            throw checks.refused("message", "self-match.message.too-long", MAX_MESSAGE);
        }
        if (mentor == null) {
            throw checks.refused("mentorId", "self-match.mentor.missing");
        }
        Situation s = checks.situation(organisation, programId, mentee);
        if (active.hasMentor(organisation, programId, mentee)) {
            throw checks.conflict("self-match.has-mentor");
        }
        int j = s.scored().mentorIndex(mentor);
        if (j < 0) {
            throw checks.refused("mentorId", "self-match.not-mentor");
        }
        checks.refuseForbidden(s.scored(), s.mentee(), j);
        if (s.remaining()[j] <= 0) {
            throw checks.full(s.scored().capacities().of(j));
        }
        return s.scored().score(s.mentee(), j);
    }

    /**
     * Writes the request under the mentee's lock: one mentee's requests are sent one at a time, so
     * a double click cannot send two.
     */
    private void send(
            OrganisationId organisation,
            ProgramId programId,
            PersonId mentee,
            PersonId mentor,
            String text,
            int score,
            RequestId id) {
        requests.lock(programId, mentee, Side.MENTEE);
        if (active.hasMentor(organisation, programId, mentee)) {
            throw checks.conflict("self-match.has-mentor");
        }
        Instant now = now();
        if (requests.openFrom(programId, mentee, now).containsKey(mentor)) {
            throw checks.conflict("self-match.duplicate");
        }
        requests.insert(
                Request.open(
                        id,
                        organisation,
                        programId,
                        mentee,
                        mentor,
                        text,
                        score,
                        now,
                        now.plus(expiry)));
        events.publishEvent(new MentorRequested(organisation, programId, id, mentee, mentor));
    }

    /**
     * The mentor takes the mentee on: the pair is published, the mentorships module starts it, and
     * the mentee's other open requests in the program are withdrawn. Safe when many acceptances for
     * the same mentor, or for the same mentee, arrive at once: the mentor never gets more mentees
     * than their capacity, the mentee never more than one mentor.
     *
     * @throws NotFound for a request of another organisation
     * @throws InvalidInputException when the request was sent to someone else, or a hard rule now
     *     forbids the pair
     * @throws Conflict when the request is no longer open (answered, withdrawn, expired), the
     *     mentor has no place left, or the mentee has a mentor already
     */
    public RequestView accept(OrganisationId organisation, RequestId id, PersonId mentor) {
        Request r = find(organisation, id);
        refuseUnlessMentor(r, mentor);
        checks.refuseUnlessOpen(r);
        ProgramView program = checks.selfMatchProgram(organisation, r.programId());
        ScoredProgram scored = scoring.forPairs(organisation, program);
        int i = scored.menteeIndex(r.menteeId());
        int j = scored.mentorIndex(r.mentorId());
        if (i < 0) {
            throw checks.conflict("self-match.mentee-gone");
        }
        if (j < 0) {
            throw checks.refused("mentorId", "self-match.not-mentor");
        }
        checks.refuseForbidden(scored, i, j);
        int capacity = scored.capacities().of(j);
        int score = scored.score(i, j);
        inOwnTransaction(
                () -> {
                    requests.ensureLock(r.programId(), r.menteeId(), Side.MENTEE);
                    requests.ensureLock(r.programId(), r.mentorId(), Side.MENTOR);
                });
        locking(
                () ->
                        transaction.executeWithoutResult(
                                status -> pair(organisation, r, id, capacity, score)));
        return view(organisation, find(organisation, id));
    }

    /**
     * Accepts the request and pairs the two under both locks, the mentee's row always first and
     * then the mentor's, so that two acceptances never hold one each and wait for the other.
     */
    private void pair(
            OrganisationId organisation, Request r, RequestId id, int capacity, int score) {
        requests.lock(r.programId(), r.menteeId(), Side.MENTEE);
        requests.lock(r.programId(), r.mentorId(), Side.MENTOR);
        if (active.hasMentor(organisation, r.programId(), r.menteeId())) {
            throw checks.conflict("self-match.has-mentor");
        }
        if (active.mentees(organisation, r.programId(), r.mentorId()) >= capacity) {
            throw checks.full(capacity);
        }
        Instant now = now();
        if (!requests.accept(id, now)) {
            throw checks.notOpen(find(organisation, id).status(now));
        }
        requests.withdrawOpen(r.programId(), r.menteeId(), now);
        // The mentorships module starts the pair in this transaction, or refuses it and nothing
        // is accepted.
        events.publishEvent(new MatchPublished(organisation, r.programId(), id.value()));
        runs.recordPublished(
                organisation,
                r.programId(),
                List.of(new PublishedPair(r.menteeId(), r.mentorId(), score)));
    }

    /**
     * The mentor says no, and why.
     *
     * @throws InvalidInputException when the request was sent to someone else, or the reason is
     *     missing or too long
     * @throws Conflict when the request is no longer open
     */
    public RequestView decline(
            OrganisationId organisation, RequestId id, PersonId mentor, String reason) {
        Request r = find(organisation, id);
        refuseUnlessMentor(r, mentor);
        String text = trim(reason);
        if (text == null) {
            throw checks.refused("reason", "self-match.reason.missing");
        }
        if (text.length() > MAX_REASON) {
            throw checks.refused("reason", "self-match.reason.too-long", MAX_REASON);
        }
        Instant now = now();
        // The decline and the event that tells the mentee commit together.
        Boolean declined =
                transaction.execute(
                        status -> {
                            if (!requests.decline(id, text, now)) {
                                return false;
                            }
                            events.publishEvent(
                                    new MentorRequestDeclined(
                                            organisation,
                                            r.programId(),
                                            id,
                                            r.menteeId(),
                                            r.mentorId()));
                            return true;
                        });
        if (!Boolean.TRUE.equals(declined)) {
            throw checks.notOpen(find(organisation, id).status(now));
        }
        return view(organisation, find(organisation, id));
    }

    /** The mentee takes an open request back. */
    public RequestView withdraw(OrganisationId organisation, RequestId id, PersonId mentee) {
        Request r = find(organisation, id);
        if (!r.menteeId().equals(mentee)) {
            throw checks.refused("menteeId", "self-match.not-sender");
        }
        Instant now = now();
        if (!requests.withdraw(id, now)) {
            throw checks.notOpen(find(organisation, id).status(now));
        }
        return view(organisation, find(organisation, id));
    }

    public RequestView get(OrganisationId organisation, RequestId id) {
        return view(organisation, find(organisation, id));
    }

    /** One page of the requests the person sent or received, newest first. */
    public Paged<RequestView> requestsFor(
            OrganisationId organisation, PersonId person, PageQuery page) {
        return Paged.of(
                views(
                        organisation,
                        requests.forPerson(organisation, person, page.offset(), page.size())),
                page,
                requests.countForPerson(organisation, person));
    }

    /** The newest requests waiting each way, and how many wait for the person's answer in all. */
    public record OpenRequests(
            List<RequestView> received, long receivedTotal, List<RequestView> sent) {}

    /**
     * The newest {@code limit} requests waiting for the person's answer as a mentor, the newest
     * {@code limit} the person sent as a mentee that wait for an answer, and how many wait for the
     * person's answer in all (counted only when there are more than {@code limit}).
     */
    public OpenRequests open(OrganisationId organisation, PersonId person, int limit) {
        List<RequestView> both =
                views(organisation, requests.open(organisation, person, limit + 1));
        List<RequestView> received =
                both.stream().filter(r -> r.mentorId().equals(person)).toList();
        List<RequestView> sent = both.stream().filter(r -> r.menteeId().equals(person)).toList();
        long total =
                received.size() > limit
                        ? requests.count(organisation, person, true, true)
                        : received.size();
        return new OpenRequests(
                received.subList(0, Math.min(limit, received.size())),
                total,
                sent.subList(0, Math.min(limit, sent.size())));
    }

    /** One page of the requests the person received as a mentor, newest first. */
    public Paged<RequestView> received(
            OrganisationId organisation, PersonId mentor, PageQuery page) {
        return requestPage(organisation, mentor, true, page);
    }

    /** One page of the requests the person sent as a mentee, newest first. */
    public Paged<RequestView> sent(OrganisationId organisation, PersonId mentee, PageQuery page) {
        return requestPage(organisation, mentee, false, page);
    }

    private Paged<RequestView> requestPage(
            OrganisationId organisation, PersonId person, boolean received, PageQuery page) {
        long total = requests.count(organisation, person, received);
        // A page past the end shows the last one, so a link that outlived some rows still shows
        // rows.
        int pages = (int) Math.max(1, (total + page.size() - 1) / page.size());
        PageQuery within = new PageQuery(Math.min(page.page(), pages - 1), page.size());
        return Paged.of(
                views(
                        organisation,
                        requests.page(
                                organisation,
                                person,
                                received,
                                (int) within.offset(),
                                within.size())),
                within,
                total);
    }

    private void refuseUnlessMentor(Request r, PersonId mentor) {
        if (!r.mentorId().equals(mentor)) {
            throw checks.refused("mentorId", "self-match.not-recipient");
        }
    }

    private Request find(OrganisationId organisation, RequestId id) {
        return requests.find(organisation, id)
                .orElseThrow(() -> new NotFound("self-match.not-found"));
    }

    private RequestView view(OrganisationId organisation, Request r) {
        return views(organisation, List.of(r)).get(0);
    }

    private List<RequestView> views(OrganisationId organisation, List<Request> list) {
        Set<PersonId> ids = new HashSet<>();
        for (Request r : list) {
            ids.add(r.menteeId());
            ids.add(r.mentorId());
        }
        Map<PersonId, PersonSummary> found = people.findAll(organisation, ids);
        Map<ProgramId, String> names = new HashMap<>();
        Instant now = now();
        return list.stream()
                .map(
                        r ->
                                new RequestView(
                                        r.id(),
                                        r.programId(),
                                        names.computeIfAbsent(
                                                r.programId(),
                                                p -> programs.get(organisation, p).name()),
                                        r.menteeId(),
                                        name(found.get(r.menteeId())),
                                        r.mentorId(),
                                        name(found.get(r.mentorId())),
                                        r.message(),
                                        r.score(),
                                        r.status(now),
                                        r.reason(),
                                        r.createdAt(),
                                        r.expiresAt(),
                                        r.decidedAt()))
                .toList();
    }

    private static String name(PersonSummary person) {
        return person == null ? "—" : person.name();
    }

    private void inOwnTransaction(Runnable work) {
        ownTransaction.executeWithoutResult(status -> work.run());
    }

    /** A lock that could not be had in time is a busy moment, not a server error. */
    private void locking(Runnable work) {
        try {
            work.run();
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            // H2 gives up waiting for a lock with a query timeout; PostgreSQL waits its turn.
            throw checks.conflict("self-match.busy");
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
