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
import io.tandem.identity.Role;
import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RuleKind;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@TandemIntegrationTest
class SelfMatchIntegrationTests {

    /**
     * Bea heads the company; Max manages Eva and Eli; Mia, Mo and Ivy mentor from other branches.
     * Ivy will leave (inactive). Everyone speaks English.
     */
    static final String PEOPLE =
            "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,manager_employee_id,languages,skills\n"
                    + "B1,bea@self.test,Bea,Boss,Chief,9,Corp,Ops,London,Europe/London,HOME_OFFICE,,English,Leadership\n"
                    + "M1,max@self.test,Max,Manager,Sales lead,7,Retail,Sales,London,Europe/London,HOME_OFFICE,B1,English,Negotiation;Leadership\n"
                    + "M2,mia@self.test,Mia,Mentor,Engineering lead,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,B1,English;German,Java;Leadership\n"
                    + "M3,mo@self.test,Mo,Mentor,Finance lead,6,Finance,Finance,New York,America/New_York,HOME_OFFICE,B1,English,Budgeting;Negotiation\n"
                    + "M4,ivy@self.test,Ivy,Leaving,Ops lead,8,Corp,Ops,London,Europe/London,HOME_OFFICE,B1,English,Leadership\n"
                    + "E1,eva@self.test,Eva,Early,Sales rep,3,Retail,Sales,London,Europe/London,FIELD,M1,English,Negotiation\n"
                    + "E2,eli@self.test,Eli,Early,Sales rep,3,Retail,Sales,London,Europe/London,FIELD,M1,English,Negotiation\n"
                    + "E3,uma@self.test,Uma,Early,Analyst,2,Finance,Finance,Berlin,Europe/Berlin,FIELD,B1,English,Excel\n";

    @Autowired org.springframework.context.MessageSource messageSource;
    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired SelfMatchRecommendations recommender;
    @Autowired SelfMatchExpiry expiry;
    @Autowired MatchRuns runs;
    @Autowired MatchingManagement matching;
    @Autowired MentorshipManagement mentorships;
    @Autowired JdbcClient jdbc;
    @Autowired io.tandem.notifications.NotificationManagement notifications;

    TestOrganisation org;
    ProgramView program;
    Map<String, PersonId> ids = new HashMap<>();

    @BeforeEach
    void selfMatchProgramWithEnrolments() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        for (String code : List.of("B1", "M1", "M2", "M3", "M4", "E1", "E2", "E3")) {
            ids.put(code, TestPeople.id(people, org.id(), code));
        }
        program = selfMatchProgram("Leaders", MatchingMode.SELF);
        // Mo has room for one mentee only; the others for two.
        for (String mentor : List.of("B1", "M1", "M2", "M3", "M4")) {
            enrol(program, mentor, EnrolmentRole.MENTOR, mentor.equals("M3") ? 1 : 2);
        }
        for (String mentee : List.of("E1", "E2", "E3")) {
            enrol(program, mentee, EnrolmentRole.MENTEE, null);
        }
        // Ivy leaves the company after enrolling.
        people.importCsv(
                org.id(),
                "employee_id,email,first_name,last_name,status\nM4,ivy@self.test,Ivy,Leaving,INACTIVE\n"
                        .getBytes(StandardCharsets.UTF_8));
    }

    ProgramView selfMatchProgram(String name, MatchingMode mode) {
        ProgramView created =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                name,
                                "LEADERSHIP_READINESS",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                mode,
                                2,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        return programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
    }

    void enrol(ProgramView in, String code, EnrolmentRole role, Integer capacity) {
        enrolling.enrol(
                org.id(),
                in.id(),
                new Enrol(
                        ids.get(code),
                        null,
                        role,
                        capacity,
                        null,
                        role == EnrolmentRole.MENTEE ? List.of("Leadership") : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    RequestView ask(String mentee, String mentor) {
        return selfMatch.request(
                org.id(), program.id(), ids.get(mentee), ids.get(mentor), "Hello " + mentor);
    }

    List<MentorshipSummary> mentorshipsOf(String code) {
        return mentorships.find(org.id(), program.id(), ids.get(code), PageQuery.of(0, 50)).items();
    }

    static List<String> messages(Throwable e) {
        return ((InvalidInputException) e).errors().stream().map(InputError::message).toList();
    }

    /**
     * A request's message or a decline's reason that is refused comes back on the same card with
     * status 422, what was typed, and the reason beside the field (it was a redirect that lost the
     * text).
     */
    @Test
    void aRefusedMessageOrReasonStaysOnItsCardBesideTheField() throws Exception {
        var eva = TestOrganisations.signedIn(org.id(), "eva@self.test", Role.EMPLOYEE);
        var mia = TestOrganisations.signedIn(org.id(), "mia@self.test", Role.EMPLOYEE);
        List<Recommendation> top = recommender.top(org.id(), program.id(), ids.get("E1"), 10);
        int card = top.stream().map(Recommendation::mentorId).toList().indexOf(ids.get("M2"));
        assertThat(card).as("Mia is recommended to Eva").isNotNegative();
        String tooLong = "m".repeat(2_001);
        var asked =
                mvc.post()
                        .uri("/programs/{id}/requests", program.id())
                        .with(eva)
                        .with(csrf())
                        .param("mentorId", ids.get("M2").toString())
                        .param("message", tooLong)
                        .exchange();
        assertThat(asked).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(
                        io.tandem.web.PageFormErrorsIntegrationTests.shownInline(
                                asked.getResponse().getContentAsString(StandardCharsets.UTF_8),
                                "message-" + card,
                                null,
                                tooLong))
                .isNull();
        assertThat(selfMatch.sent(org.id(), ids.get("E1"), PageQuery.of(0, 10)).total()).isZero();

        ask("E1", "M2");
        var declined =
                mvc.post()
                        .uri(
                                "/requests/{id}/decline",
                                selfMatch
                                        .received(org.id(), ids.get("M2"), PageQuery.of(0, 10))
                                        .items()
                                        .get(0)
                                        .id()
                                        .value())
                        .with(mia)
                        .with(csrf())
                        .param("reason", "r".repeat(1_001))
                        .exchange();
        assertThat(declined).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(
                        io.tandem.web.PageFormErrorsIntegrationTests.shownInline(
                                declined.getResponse().getContentAsString(StandardCharsets.UTF_8),
                                "reason-0",
                                null,
                                "r".repeat(1_001)))
                .isNull();
    }

    @Test
    void recommendsNobodyFromTheReportingLineNorAnyoneInactiveAndExplainsEveryScore() {
        List<Recommendation> top = recommender.top(org.id(), program.id(), ids.get("E1"), 10);

        assertThat(top)
                .extracting(Recommendation::mentorId)
                .as("Max manages Eva and Bea manages Max; Ivy has left")
                .containsExactlyInAnyOrder(ids.get("M2"), ids.get("M3"));
        assertThat(top).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> b - a);
        assertThat(top)
                .allSatisfy(
                        r -> {
                            assertThat(r.reasons()).isNotEmpty();
                            assertThat(
                                            r.reasons().stream()
                                                    .mapToInt(Contribution::contribution)
                                                    .sum())
                                    .isEqualTo(r.score());
                            assertThat(r.reasons()).allMatch(c -> c.contribution() <= c.weight());
                            assertThat(r.score()).isBetween(0, r.maxScore());
                            assertThat(r.remainingCapacity()).isEqualTo(r.capacity());
                            assertThat(r.requested()).isFalse();
                        });

        assertThat(recommender.top(org.id(), program.id(), ids.get("E1"), 1)).hasSize(1);
    }

    @Test
    void keepsTheReportingLineOutEvenWhenTheProgramsRulesLeaveItOut() {
        ProgramView created =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Skills only",
                                "CUSTOM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                MatchingMode.SELF,
                                2,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(
                                        new MatchingRule(
                                                io.tandem.programs.Criterion.SKILLS,
                                                RuleKind.OVERLAP,
                                                false,
                                                100,
                                                null))));
        ProgramView skillsOnly = programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
        enrol(skillsOnly, "M1", EnrolmentRole.MENTOR, 2);
        enrol(skillsOnly, "M2", EnrolmentRole.MENTOR, 2);
        enrol(skillsOnly, "E1", EnrolmentRole.MENTEE, null);

        assertThat(recommender.top(org.id(), skillsOnly.id(), ids.get("E1"), 5))
                .extracting(Recommendation::mentorId)
                .containsExactly(ids.get("M2"));
        assertThatThrownBy(
                        () ->
                                selfMatch.request(
                                        org.id(),
                                        skillsOnly.id(),
                                        ids.get("E1"),
                                        ids.get("M1"),
                                        null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .containsExactly(
                                                "The mentor is in the mentee's reporting line."));
    }

    @Test
    void refusesToAskAMentorTheRulesForbidSayingWhichRule() {
        assertThatThrownBy(() -> ask("E1", "M1"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .contains("The mentor is in the mentee's reporting line."));
        assertThatThrownBy(() -> ask("E1", "B1"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .contains("The mentor is in the mentee's reporting line."));
        assertThatThrownBy(() -> ask("E1", "M4"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .containsExactly(
                                                "This person is not an active mentor of the program."));
        assertThatThrownBy(() -> ask("M2", "M3"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .containsExactly(
                                                "This person is not an active mentee of the program."));
    }

    @Test
    void refusesASecondRequestAFullMentorAndAMenteeWhoHasAMentor() {
        RequestView first = ask("E1", "M2");
        assertThat(first.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(first.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThatThrownBy(() -> ask("E1", "M2"))
                .isInstanceOfSatisfying(Conflict.class, saying("asked this mentor already"));
        assertThat(recommender.top(org.id(), program.id(), ids.get("E1"), 5))
                .filteredOn(r -> r.mentorId().equals(ids.get("M2")))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.requested()).isTrue();
                            assertThat(r.requestId()).isEqualTo(first.id());
                        });

        // Mo takes Eli, his only place.
        RequestView eli = ask("E2", "M3");
        selfMatch.accept(org.id(), eli.id(), ids.get("M3"));

        assertThatThrownBy(() -> ask("E3", "M3"))
                .isInstanceOfSatisfying(Conflict.class, saying("no place left"));
        assertThat(recommender.top(org.id(), program.id(), ids.get("E3"), 5))
                .extracting(Recommendation::mentorId)
                .doesNotContain(ids.get("M3"))
                .contains(ids.get("M2"));
        assertThatThrownBy(() -> ask("E2", "M2"))
                .isInstanceOfSatisfying(
                        Conflict.class, saying("has a mentor in this program already"));
        assertThat(recommender.hasMentor(org.id(), program.id(), ids.get("E2"))).isTrue();

        ProgramView bulk = selfMatchProgram("Bulk only", MatchingMode.ADMIN);
        assertThatThrownBy(() -> recommender.top(org.id(), bulk.id(), ids.get("E1"), 5))
                .isInstanceOfSatisfying(Conflict.class, saying("program manager makes the pairs"));
    }

    @Test
    void onlyTheMentorAskedAnswersAndADeclineNeedsAReason() {
        RequestView request = ask("E1", "M2");

        assertThatThrownBy(() -> selfMatch.accept(org.id(), request.id(), ids.get("M3")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .containsExactly(
                                                "Only the mentor the request was sent to can answer it."));
        assertThatThrownBy(() -> selfMatch.decline(org.id(), request.id(), ids.get("M2"), " "))
                .isInstanceOf(InvalidInputException.class);

        RequestView declined =
                selfMatch.decline(org.id(), request.id(), ids.get("M2"), "Full this quarter");
        assertThat(declined.status()).isEqualTo(RequestStatus.DECLINED);
        assertThat(declined.reason()).isEqualTo("Full this quarter");
        assertThatThrownBy(() -> selfMatch.accept(org.id(), request.id(), ids.get("M2")))
                .isInstanceOfSatisfying(Conflict.class, saying("it is Declined"));
        assertThat(
                        selfMatch
                                .requestsFor(
                                        org.id(),
                                        ids.get("E1"),
                                        PageQuery.of(0, PageQuery.MAX_SIZE))
                                .items())
                .singleElement()
                .extracting(RequestView::status, RequestView::mentorName)
                .containsExactly(RequestStatus.DECLINED, "Mia Mentor");
    }

    @Test
    void acceptingStartsTheMentorshipAndWithdrawsTheMenteesOtherRequests() {
        RequestView toMia = ask("E1", "M2");
        RequestView toMo = ask("E1", "M3");

        RequestView accepted = selfMatch.accept(org.id(), toMia.id(), ids.get("M2"));

        assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(selfMatch.get(org.id(), toMo.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThatThrownBy(() -> selfMatch.accept(org.id(), toMo.id(), ids.get("M3")))
                .isInstanceOfSatisfying(Conflict.class, saying("Withdrawn"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(mentorshipsOf("E1"))
                                        .singleElement()
                                        .satisfies(
                                                m -> {
                                                    assertThat(m.mentorId())
                                                            .isEqualTo(ids.get("M2"));
                                                    assertThat(m.score())
                                                            .isEqualTo(accepted.score());
                                                }));
        assertThat(runs.excluded(org.id(), program.id(), true))
                .as("no bulk run pairs them again")
                .contains(List.of(ids.get("E1"), ids.get("M2")));
        assertThat(
                        selfMatch
                                .requestsFor(
                                        org.id(),
                                        ids.get("M2"),
                                        PageQuery.of(0, PageQuery.MAX_SIZE))
                                .items())
                .extracting(RequestView::menteeName, RequestView::status)
                .containsExactly(tuple("Eva Early", RequestStatus.ACCEPTED));
        String miaEmail = people.find(org.id(), ids.get("M2")).orElseThrow().email();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(notifications.inbox(org.id(), miaEmail))
                                        .extracting(io.tandem.notifications.InboxItemView::text)
                                        .anySatisfy(
                                                text ->
                                                        assertThat(text)
                                                                .contains(
                                                                        "Eva Early asked you to be their mentor")));
    }

    @Test
    void publishingARunWithdrawsTheOpenRequestsOfTheMenteesItPairs() {
        RequestView eva = ask("E1", "M2");
        RequestView uma = ask("E3", "M2");
        MatchRunView started =
                matching.start(
                        org.id(),
                        program.id(),
                        io.tandem.matching.engine.Objective.PARTICIPATION,
                        io.tandem.matching.engine.Algorithm.OPTIMAL);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> matching.status(org.id(), started.id()).finished());
        matching.publish(org.id(), started.id());
        MatchRunView run = matching.run(org.id(), started.id());
        List<PersonId> paired = run.proposals().stream().map(p -> p.menteeId()).toList();
        assertThat(paired).contains(ids.get("E1"), ids.get("E3"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                List.of(
                                                        selfMatch.get(org.id(), eva.id()).status(),
                                                        selfMatch.get(org.id(), uma.id()).status()))
                                        .containsOnly(RequestStatus.WITHDRAWN));
        assertThatThrownBy(() -> ask("E1", "M3"))
                .isInstanceOfSatisfying(
                        Conflict.class, saying("has a mentor in this program already"));
    }

    @Test
    void anExpiredRequestCanNoLongerBeAccepted() {
        RequestView request = ask("E1", "M2");
        // Only this request's time runs out: a moved clock would expire every organisation's
        // requests in the shared test database, the demo's included.
        jdbc.sql("update self_match_request set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), request.id().value())
                .update();

        assertThat(selfMatch.get(org.id(), request.id()).status()).isEqualTo(RequestStatus.EXPIRED);
        assertThatThrownBy(() -> selfMatch.accept(org.id(), request.id(), ids.get("M2")))
                .isInstanceOfSatisfying(Conflict.class, saying("Expired"));
        assertThat(recommender.top(org.id(), program.id(), ids.get("E1"), 5))
                .noneMatch(Recommendation::requested);

        assertThat(expiry.expireOverdue()).isPositive();
        assertThat(
                        jdbc.sql("select status from self_match_request where id = ?")
                                .param(request.id().value())
                                .query(String.class)
                                .single())
                .isEqualTo("EXPIRED");
        assertThat(ask("E1", "M2").status())
                .as("the mentee may ask again")
                .isEqualTo(RequestStatus.OPEN);
        assertThat(mentorshipsOf("E1")).isEmpty();
    }

    @Test
    void theApiRecommendsRequestsAcceptsAndRefusesWithProblemDetails() throws Exception {
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/recommendations", program.id())
                                .param("menteeId", ids.get("E1").toString())
                                .param("k", "3")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].mentorId")
                .asArray()
                .containsExactlyInAnyOrder(
                        ids.get("M2").value().toString(), ids.get("M3").value().toString());
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/recommendations", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("menteeId");

        String body =
                "{\"menteeId\":\"%s\",\"mentorId\":\"%s\",\"message\":\"Hi Mia\"}"
                        .formatted(ids.get("E1"), ids.get("M2"));
        var created =
                mvc.post()
                        .uri("/api/v1/programs/{id}/requests", program.id())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange();
        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"status\":\"OPEN\",\"menteeName\":\"Eva Early\",\"mentorName\":\"Mia Mentor\",\"message\":\"Hi Mia\"}");
        String id =
                com.jayway.jsonpath.JsonPath.read(
                        created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs/{id}/requests", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("asked this mentor already");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs/{id}/requests", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"menteeId\":\"%s\",\"mentorId\":\"%s\"}"
                                                .formatted(ids.get("E1"), ids.get("M1"))))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"errors\":[{\"field\":\"mentorId\",\"message\":\"The mentor is in the mentee's reporting line.\"}]}");

        assertThat(
                        mvc.post()
                                .uri("/api/v1/requests/{id}/decline", id)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"mentorId\":\"%s\"}".formatted(ids.get("M2"))))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/requests/{id}/accept", id)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"mentorId\":\"%s\"}".formatted(ids.get("M2"))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACCEPTED");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/requests")
                                .param("personId", ids.get("M2").toString())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);

        TestOrganisation other = organisations.create();
        assertThat(
                        mvc.post()
                                .uri("/api/v1/requests/{id}/accept", id)
                                .header(HttpHeaders.AUTHORIZATION, other.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"mentorId\":\"%s\"}".formatted(ids.get("M2"))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/recommendations", program.id())
                                .param("menteeId", ids.get("E3").toString())
                                .header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/recommendations", program.id())
                                .param("menteeId", ids.get("E3").toString()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theMenteeAsksFromTheMentorsPageAndTheMentorAcceptsOnTheRequestsPage() {
        var eva = TestOrganisations.signedIn(org.id(), "eva@self.test", Role.EMPLOYEE);
        var mia = TestOrganisations.signedIn(org.id(), "mia@self.test", Role.EMPLOYEE);

        assertThat(mvc.get().uri("/programs/{id}/mentors", program.id()).with(eva))
                .hasStatusOk()
                .bodyText()
                .contains("Mia Mentor", "Mo Mentor", "<meter", "Ask Mia Mentor to mentor you")
                .doesNotContain("Max Manager", "Bea Boss", "Ivy Leaving", "style=");
        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/requests", program.id())
                                .with(eva)
                                .with(csrf())
                                .param("mentorId", ids.get("M2").toString())
                                .param("message", "I would like to learn to lead"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/programs/" + program.id() + "/mentors");
        RequestView sent =
                selfMatch
                        .requestsFor(org.id(), ids.get("E1"), PageQuery.of(0, PageQuery.MAX_SIZE))
                        .items()
                        .get(0);
        assertThat(sent.message()).isEqualTo("I would like to learn to lead");

        assertThat(mvc.get().uri("/requests").with(mia))
                .hasStatusOk()
                .bodyText()
                .contains("Eva Early", "I would like to learn to lead", "Accept Eva Early");
        assertThat(mvc.post().uri("/requests/{id}/accept", sent.id()).with(mia).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/requests");
        assertThat(selfMatch.get(org.id(), sent.id()).status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(mvc.get().uri("/programs/{id}/mentors", program.id()).with(eva))
                .hasStatusOk()
                .bodyText()
                .contains("You have a mentor in this program already");
        assertThat(mvc.get().uri("/requests").with(eva))
                .hasStatusOk()
                .bodyText()
                .contains("Sent by you", "Mia Mentor", "Accepted");
        assertThat(mvc.get().uri("/programs/{id}/mentors", program.id()).with(mia))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("not an active mentee of the program");
    }

    /** A refusal whose text, as a page or the API shows it, says each part. */
    private Consumer<Conflict> saying(String... parts) {
        return refused ->
                assertThat(messageSource.getMessage(refused, Locale.ENGLISH)).contains(parts);
    }
}
