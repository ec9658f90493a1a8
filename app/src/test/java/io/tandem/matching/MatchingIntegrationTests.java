package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPeople;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.MatchRunView.Unmatched;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@TandemIntegrationTest
class MatchingIntegrationTests {

    /**
     * A small company: B1 manages M1 who manages E1 and E2; mentors M2 (other branch) and M3. E3
     * speaks only German. Capacities are scarce on purpose.
     */
    static final String PEOPLE =
            "employee_id,email,first_name,last_name,level,division,function,location,time_zone,work_mode,manager_employee_id,languages,skills\n"
                    + "B1,boss@acme.test,Bea,Boss,9,Corp,Ops,London,Europe/London,HOME_OFFICE,,English,Leadership\n"
                    + "M1,max@acme.test,Max,Manager,7,Retail,Sales,London,Europe/London,HOME_OFFICE,B1,English,Negotiation;Leadership\n"
                    + "M2,mia@acme.test,Mia,Mentor,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,B1,English;German,Java;Leadership\n"
                    + "M3,mo@acme.test,Mo,Mentor,6,Finance,Finance,New York,America/New_York,HOME_OFFICE,B1,English,Budgeting;Negotiation\n"
                    + "E1,eva@acme.test,Eva,Early,3,Retail,Sales,London,Europe/London,FIELD,M1,English,Negotiation\n"
                    + "E2,eli@acme.test,Eli,Early,3,Retail,Sales,London,Europe/London,FIELD,M1,English,Negotiation\n"
                    + "E3,ute@acme.test,Ute,Early,2,Retail,Sales,Berlin,Europe/Berlin,FIELD,M1,German,Negotiation\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MatchingManagement matching;
    @Autowired MentorshipManagement mentorships;
    @Autowired io.tandem.notifications.NotificationManagement notifications;
    @Autowired tools.jackson.databind.json.JsonMapper json;

    TestOrganisation org;
    ProgramView program;
    Map<String, PersonId> ids = new HashMap<>();

    @BeforeEach
    void programWithEnrolments() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        for (String code : List.of("B1", "M1", "M2", "M3", "E1", "E2", "E3")) {
            ids.put(code, TestPeople.id(people, org.id(), code));
        }
        program = programs.create(org.id(), ProgramDraft.of("Leaders", "LEADERSHIP_READINESS"));
        for (String mentor : List.of("M1", "M2", "M3")) {
            enrolling.enrol(
                    org.id(),
                    program.id(),
                    new Enrol(
                            ids.get(mentor),
                            null,
                            EnrolmentRole.MENTOR,
                            1,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }
        for (String mentee : List.of("E1", "E2", "E3")) {
            enrolling.enrol(
                    org.id(),
                    program.id(),
                    new Enrol(
                            ids.get(mentee),
                            null,
                            EnrolmentRole.MENTEE,
                            null,
                            null,
                            List.of("Leadership"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }
    }

    MatchRunView finished(MatchRunView started) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> matching.status(org.id(), started.id()).finished());
        MatchRunView run = matching.run(org.id(), started.id());
        assertThat(run.status()).as(run.error()).isEqualTo(MatchRunStatus.DONE);
        return run;
    }

    MatchRunView run(Objective objective, Algorithm algorithm) {
        return finished(matching.start(org.id(), program.id(), objective, algorithm));
    }

    @Test
    void neverPairsAcrossAReportingLineNorOverCapacityNorWithoutALanguage() {
        MatchRunView run = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);

        assertThat(run.proposals()).noneMatch(p -> p.mentorId().equals(ids.get("M1")));
        assertThat(run.proposals()).extracting(Proposal::mentorId).doesNotHaveDuplicates();
        assertThat(run.proposals())
                .noneMatch(
                        p ->
                                p.menteeId().equals(ids.get("E3"))
                                        && p.mentorId().equals(ids.get("M3")));
        assertThat(run.stats().matched()).isEqualTo(2);
        assertThat(run.stats().total()).isEqualTo(3);
        // Eva and Eli may both have Mia or Mo, but Ute speaks only German and needs Mia: one of
        // the two is left over with mentors who suit them and have no place.
        assertThat(run.unmatched())
                .singleElement()
                .extracting(Unmatched::reason)
                .isEqualTo(UnmatchedReason.CAPACITY_EXHAUSTED);
    }

    @Test
    void everyScoreIsExplainedByContributionsThatAddUp() {
        MatchRunView run = run(Objective.TOTAL, Algorithm.OPTIMAL);

        assertThat(run.proposals())
                .isNotEmpty()
                .allSatisfy(
                        p -> {
                            assertThat(p.explanation()).isNotEmpty();
                            assertThat(
                                            p.explanation().stream()
                                                    .mapToInt(
                                                            MatchRunView.Contribution::contribution)
                                                    .sum())
                                    .isEqualTo(p.score());
                        });
    }

    @Test
    void greedyNeverBeatsOptimalAndFairNeverLowersTheLowestScore() {
        MatchRunView optimal = run(Objective.TOTAL, Algorithm.OPTIMAL);
        MatchRunView greedy = run(Objective.TOTAL, Algorithm.GREEDY);
        MatchRunView participation = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);
        MatchRunView fair = run(Objective.FAIR, Algorithm.OPTIMAL);

        assertThat(greedy.stats().totalScore()).isLessThanOrEqualTo(optimal.stats().totalScore());
        assertThat(fair.stats().matched()).isEqualTo(participation.stats().matched());
        assertThat(fair.stats().minScore())
                .isGreaterThanOrEqualTo(participation.stats().minScore());
    }

    @Test
    void inactivePeopleNeverAppear() {
        people.importCsv(
                org.id(),
                "employee_id,email,first_name,last_name,status\nM2,mia@acme.test,Mia,Mentor,INACTIVE\n"
                        .getBytes(StandardCharsets.UTF_8));

        MatchRunView run = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);

        assertThat(run.proposals()).noneMatch(p -> p.mentorId().equals(ids.get("M2")));
        assertThat(run.stats().mentors()).isEqualTo(2);
    }

    @Test
    void publishingStartsExactlyTheProposedMentorshipsOnce() {
        MatchRunView run = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);

        matching.publish(org.id(), run.id());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                mentorships
                                                        .find(
                                                                org.id(),
                                                                program.id(),
                                                                null,
                                                                PageQuery.of(0, 10))
                                                        .items())
                                        .extracting(
                                                MentorshipSummary::menteeId,
                                                MentorshipSummary::mentorId)
                                        .containsExactlyInAnyOrderElementsOf(
                                                run.proposals().stream()
                                                        .map(p -> tuple(p.menteeId(), p.mentorId()))
                                                        .toList()));
        Proposal first = run.proposals().get(0);
        String menteeEmail = people.find(org.id(), first.menteeId()).orElseThrow().email();
        String mentorName = people.find(org.id(), first.mentorId()).orElseThrow().name();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(notifications.inbox(org.id(), menteeEmail))
                                        .extracting(io.tandem.notifications.InboxItemView::text)
                                        .contains(
                                                mentorName
                                                        + " will be your mentor in \u201cLeaders\u201d."));
        assertThat(
                        mvc.get()
                                .uri("/mentorships")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(),
                                                menteeEmail,
                                                io.tandem.identity.Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .contains("Your mentors", mentorName, "Notifications (1 new)");
        assertThatThrownBy(() -> matching.publish(org.id(), run.id())).isInstanceOf(Conflict.class);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships")
                                .param("programId", program.id().toString())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(run.proposals().size());

        MatchRunView again = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);
        assertThat(again.proposals())
                .as(
                        "mentees paired by the published run keep their mentor; their mentors' places stay taken")
                .noneMatch(
                        p ->
                                run.proposals().stream()
                                        .anyMatch(
                                                q ->
                                                        q.menteeId().equals(p.menteeId())
                                                                || q.mentorId()
                                                                        .equals(p.mentorId())));
        assertThat(again.stats().total()).isEqualTo(3 - run.proposals().size());
        assertThat(again.proposals())
                .as("a published pair is never proposed again")
                .noneMatch(
                        p ->
                                run.proposals().stream()
                                        .anyMatch(
                                                q ->
                                                        q.menteeId().equals(p.menteeId())
                                                                && q.mentorId()
                                                                        .equals(p.mentorId())));
    }

    @Test
    void refusesAHandMadePairInsideTheReportingLineSayingWhy() {
        MatchRunView run = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);

        assertThatThrownBy(() -> matching.assign(org.id(), run.id(), ids.get("E1"), ids.get("M1")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e ->
                                assertThat(e.errors())
                                        .extracting(io.tandem.shared.InputError::message)
                                        .contains("The mentor is in the mentee's reporting line."));
    }

    @Test
    void lockedPairsSurviveARerunAndRemovedPairsStayOut() {
        MatchRunView first = run(Objective.PARTICIPATION, Algorithm.OPTIMAL);
        Proposal keep = first.proposals().get(0);
        Proposal drop = first.proposals().get(1);
        matching.lock(org.id(), first.id(), keep.menteeId(), true);
        matching.remove(org.id(), first.id(), drop.menteeId());

        MatchRunView second = finished(matching.rerun(org.id(), first.id()));

        assertThat(second.proposals())
                .anySatisfy(
                        p -> {
                            assertThat(p.menteeId()).isEqualTo(keep.menteeId());
                            assertThat(p.mentorId()).isEqualTo(keep.mentorId());
                            assertThat(p.locked()).isTrue();
                        });
        assertThat(second.proposals())
                .noneMatch(
                        p ->
                                p.menteeId().equals(drop.menteeId())
                                        && p.mentorId().equals(drop.mentorId()));
    }

    @Test
    void theApiStartsARunAndAnswersItsProgressAndResult() {
        var started =
                mvc.post()
                        .uri("/api/v1/programs/{id}/match-runs", program.id())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"objective\":\"FAIR\",\"algorithm\":\"OPTIMAL\"}")
                        .exchange();
        assertThat(started)
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RUNNING");
        String id =
                com.jayway.jsonpath.JsonPath.read(
                        started.getResponse().getContentAsByteArray().length == 0
                                ? "{}"
                                : new String(
                                        started.getResponse().getContentAsByteArray(),
                                        StandardCharsets.UTF_8),
                        "$.id");

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                matching.status(
                                                org.id(),
                                                new MatchRunId(java.util.UUID.fromString(id)))
                                        .finished());

        assertThat(
                        mvc.get()
                                .uri("/api/v1/match-runs/{id}", id)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"status\":\"DONE\",\"progress\":1.0,\"stats\":{\"total\":3,\"matched\":2,\"unmatched\":1},"
                                + "\"proposals\":[{},{}]}");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/match-runs/{id}", id)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .bodyJson()
                .extractingPath("$.proposals[0].explanation[*].criterion")
                .asArray()
                .contains("SKILLS", "LEVEL_GAP");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs/{id}/match-runs", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"objective\":\"BEST\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("objective");
        TestOrganisation other = organisations.create();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/match-runs/{id}", id)
                                .header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApiAnswersARunExactlyAsItsDecodedPairsWouldBeWritten() throws Exception {
        MatchRunView run = run(Objective.TOTAL, Algorithm.OPTIMAL);
        matching.lock(org.id(), run.id(), run.proposals().get(0).menteeId(), true);
        MatchRunView read = matching.run(org.id(), run.id());
        // What the answer was when every explanation was decoded and written again.
        MatchRunView decoded =
                new MatchRunView(
                        read.id(),
                        read.programId(),
                        read.status(),
                        read.progress(),
                        read.objective(),
                        read.algorithm(),
                        read.baseRunId(),
                        read.stats(),
                        read.proposals().stream()
                                .map(
                                        p ->
                                                new Proposal(
                                                        p.menteeId(),
                                                        p.mentorId(),
                                                        p.score(),
                                                        List.copyOf(p.explanation()),
                                                        p.locked(),
                                                        p.manual()))
                                .toList(),
                        read.unmatched(),
                        read.error(),
                        read.createdAt(),
                        read.finishedAt(),
                        read.publishedAt());
        assertThat(decoded.proposals()).isNotEmpty();
        assertThat(decoded.proposals()).allSatisfy(p -> assertThat(p.explanation()).isNotEmpty());

        var answer =
                mvc.get()
                        .uri("/api/v1/match-runs/{id}", run.id())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange();

        assertThat(answer).hasStatusOk();
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(decoded));
    }

    @Test
    void theReviewPagesShowProgressPairsWithReasonsAndComparisons() {
        var admin =
                TestOrganisations.signedIn(org.id(), "hr@acme.test", io.tandem.identity.Role.ADMIN);
        assertThat(mvc.get().uri("/programs/{id}/matching", program.id()).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("3 mentees and 3 mentors are enrolled", "No runs yet");

        var started =
                mvc.post()
                        .uri("/programs/{id}/match-runs", program.id())
                        .with(admin)
                        .with(csrf())
                        .param("objective", "PARTICIPATION")
                        .param("algorithm", "OPTIMAL")
                        .exchange();
        assertThat(started).hasStatus3xxRedirection();
        String location = started.getResponse().getRedirectedUrl();
        MatchRunId id =
                new MatchRunId(
                        java.util.UUID.fromString(
                                location.substring(location.lastIndexOf('/') + 1)));
        finished(matching.status(org.id(), id));

        assertThat(mvc.get().uri(location).header("HX-Request", "true").with(admin))
                .hasStatusOk()
                .hasHeader("HX-Refresh", "true");
        assertThat(mvc.get().uri(location).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("2 of 3 mentees", "Skills", "Without a mentor (1)")
                .doesNotContain("Matching in progress");

        MatchRunView other = run(Objective.TOTAL, Algorithm.GREEDY);
        assertThat(
                        mvc.get()
                                .uri("/match-runs/compare")
                                .param("a", id.toString())
                                .param("b", other.id().toString())
                                .with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Most people matched", "Quick (greedy)");
    }
}
