package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many acceptances at the same moment: a mentor never gets more mentees than their capacity, a
 * mentee never more than one mentor. Each acceptance runs on its own thread and they all start
 * together.
 */
@TandemIntegrationTest
class SelfMatchConcurrencyIntegrationTests {

    static final int MENTEES = 50;
    static final int CAPACITY = 3;
    static final int MENTORS = 5;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired SelfMatchRecommendations recommender;
    @Autowired MentorshipManagement mentorships;

    TestOrganisation org;
    ProgramView program;
    List<PersonId> mentees = new ArrayList<>();
    List<PersonId> mentors = new ArrayList<>();

    @BeforeEach
    void programWithManyMenteesAndAFewMentors() {
        org = organisations.create();
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,level,division,location,time_zone,languages,skills\n");
        for (int m = 0; m < MENTORS; m++) {
            csv.append(
                    "R%d,mentor%d@load.test,Mentor,No%d,7,Digital,Berlin,Europe/Berlin,English,Java\n"
                            .formatted(m, m, m));
        }
        for (int e = 0; e < MENTEES; e++) {
            csv.append(
                    "E%d,mentee%d@load.test,Mentee,No%d,3,Retail,London,Europe/London,English,Sales\n"
                            .formatted(e, e, e));
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        ProgramView created =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Open door",
                                "CUSTOM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                MatchingMode.HYBRID,
                                CAPACITY,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        program = programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
        for (int m = 0; m < MENTORS; m++) {
            mentors.add(enrol("mentor%d@load.test".formatted(m), EnrolmentRole.MENTOR));
        }
        for (int e = 0; e < MENTEES; e++) {
            mentees.add(enrol("mentee%d@load.test".formatted(e), EnrolmentRole.MENTEE));
        }
    }

    PersonId enrol(String email, EnrolmentRole role) {
        PersonId person = people.findByEmail(org.id(), email).orElseThrow().id();
        enrolling.enrol(
                org.id(),
                program.id(),
                new Enrol(
                        person,
                        null,
                        role,
                        role == EnrolmentRole.MENTOR ? CAPACITY : null,
                        null,
                        role == EnrolmentRole.MENTEE ? List.of("Java") : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        return person;
    }

    /** Fires every acceptance at once; returns how many went through and the refusals' texts. */
    record Outcome(int accepted, List<String> refusals, List<Throwable> failures) {}

    Outcome acceptAllAtOnce(List<RequestView> requests, Function<RequestView, PersonId> mentor)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RequestView request : requests) {
                done.add(
                        pool.submit(
                                () -> {
                                    ready.countDown();
                                    try {
                                        start.await();
                                        selfMatch.accept(
                                                org.id(), request.id(), mentor.apply(request));
                                        accepted.incrementAndGet();
                                    } catch (Conflict e) {
                                        refusals.add(e.code());
                                    } catch (Throwable e) {
                                        failures.add(e);
                                    }
                                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(accepted.get(), List.copyOf(refusals), List.copyOf(failures));
    }

    List<MentorshipSummary> mentorshipsOf(PersonId person) {
        return mentorships.find(org.id(), program.id(), person, PageQuery.of(0, 200)).items();
    }

    @Test
    void fiftyAcceptancesAtOnceNeverOverbookTheMentor() throws Exception {
        PersonId mentor = mentors.get(0);
        List<RequestView> requests = new ArrayList<>();
        for (PersonId mentee : mentees) {
            requests.add(selfMatch.request(org.id(), program.id(), mentee, mentor, "Please"));
        }

        Outcome outcome = acceptAllAtOnce(requests, RequestView::mentorId);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.accepted()).isEqualTo(CAPACITY);
        assertThat(outcome.refusals()).hasSize(MENTEES - CAPACITY).containsOnly("self-match.full");
        assertThat(
                        selfMatch
                                .requestsFor(org.id(), mentor, PageQuery.of(0, PageQuery.MAX_SIZE))
                                .items())
                .filteredOn(r -> r.status() == RequestStatus.ACCEPTED)
                .hasSize(CAPACITY);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            int count = mentorshipsOf(mentor).size();
                            assertThat(count).isLessThanOrEqualTo(CAPACITY);
                            assertThat(count).isEqualTo(CAPACITY);
                        });
        assertThat(recommender.top(org.id(), program.id(), mentees.get(0), 10))
                .extracting(Recommendation::mentorId)
                .doesNotContain(mentor);
    }

    @Test
    void aMenteeAcceptedByManyMentorsAtOnceGetsOneMentor() throws Exception {
        PersonId mentee = mentees.get(0);
        List<RequestView> requests = new ArrayList<>();
        for (PersonId mentor : mentors) {
            requests.add(selfMatch.request(org.id(), program.id(), mentee, mentor, "Anyone?"));
        }

        Outcome outcome = acceptAllAtOnce(requests, RequestView::mentorId);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.refusals()).hasSize(MENTORS - 1);
        assertThat(
                        selfMatch
                                .requestsFor(org.id(), mentee, PageQuery.of(0, PageQuery.MAX_SIZE))
                                .items())
                .extracting(RequestView::status)
                .containsOnlyOnce(RequestStatus.ACCEPTED)
                .containsOnly(RequestStatus.ACCEPTED, RequestStatus.WITHDRAWN);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mentorshipsOf(mentee)).hasSize(1));
    }
}
