package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.MatchRunView.Unmatched;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Criterion;
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
import io.tandem.programs.RulesManagement;
import io.tandem.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** No run, recommendation, request or hand-made pair offers a pair below the program's minimum. */
@TandemIntegrationTest
class MinimumScoreIntegrationTests {

    static final String PEOPLE =
            """
            employee_id,email,first_name,last_name,languages,skills
            M1,mia@acme.test,Mia,Java,English,Java;Kubernetes
            M2,max@acme.test,Max,Sales,English,Negotiation
            E1,eva@acme.test,Eva,Learner,English,
            E2,eli@acme.test,Eli,Gardener,English,
            """;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired RulesManagement programRules;
    @Autowired MatchingManagement matching;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired SelfMatchRecommendations recommender;
    @Autowired MockMvcTester mvc;

    TestOrganisation org;
    ProgramView program;
    PersonId mia;
    PersonId max;
    PersonId eva;
    PersonId eli;

    @BeforeEach
    void aProgramWhereOneMenteeFitsNobody() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        mia = person("mia@acme.test");
        max = person("max@acme.test");
        eva = person("eva@acme.test");
        eli = person("eli@acme.test");
        program =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Skills",
                                "CUSTOM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                MatchingMode.HYBRID,
                                2,
                                null,
                                null,
                                false,
                                null,
                                null,
                                null));
        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        enrol(mia, EnrolmentRole.MENTOR, null);
        enrol(max, EnrolmentRole.MENTOR, null);
        enrol(eva, EnrolmentRole.MENTEE, List.of("Java"));
        enrol(eli, EnrolmentRole.MENTEE, List.of("Gardening"));
    }

    @Test
    void aMenteeWhoseEveryMentorScoresBelowTheMinimumStaysUnmatchedAndSaysWhy() {
        MatchRunView run = finished(matching.start(org.id(), program.id(), null, null));

        assertThat(program.minimumScore()).isEqualTo(ProgramView.DEFAULT_MINIMUM_SCORE);
        assertThat(run.proposals())
                .extracting(Proposal::menteeId, Proposal::mentorId, Proposal::score)
                .containsExactly(tuple(eva, mia, 100));
        assertThat(run.unmatched())
                .containsExactly(new Unmatched(eli, UnmatchedReason.BELOW_MINIMUM_SCORE));
    }

    @Test
    void withNoMinimumTheSameMenteeGetsAPairThatScoresNothing() {
        programRules.changeMinimumScore(org.id(), program.id(), 0);

        MatchRunView run = finished(matching.start(org.id(), program.id(), null, null));

        assertThat(run.proposals())
                .extracting(Proposal::menteeId)
                .containsExactlyInAnyOrder(eva, eli);
        assertThat(run.proposals().stream().filter(p -> p.menteeId().equals(eli)))
                .extracting(Proposal::score)
                .containsExactly(0);
    }

    @Test
    void aHandMadePairBelowTheMinimumIsRefusedWithItsScore() {
        MatchRunView run = finished(matching.start(org.id(), program.id(), null, null));

        assertThatThrownBy(() -> matching.assign(org.id(), run.id(), eli, max))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInputException) e).errors())
                                        .extracting(io.tandem.shared.InputError::message)
                                        .containsExactly(
                                                "This pair scores 0 of 100 points, below the"
                                                        + " program's minimum of 20 points (20 %)."));
    }

    @Test
    void recommendationsAndRequestsLeaveOutPairsBelowTheMinimum() {
        assertThat(recommender.top(org.id(), program.id(), eli, 5)).isEmpty();
        assertThat(recommender.top(org.id(), program.id(), eva, 5))
                .extracting(Recommendation::mentorId)
                .containsExactly(mia);
        assertThatThrownBy(() -> selfMatch.request(org.id(), program.id(), eli, max, "Hi"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be asked");
    }

    @Test
    void theApiSetsTheMinimumOnCreateAndChangesItLater() throws Exception {
        String created =
                mvc.post()
                        .uri("/api/v1/programs")
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"Strict\",\"template\":\"CUSTOM\",\"minimumScore\":35}")
                        .exchange()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        assertThat(created).contains("\"minimumScore\":35");
        String id = created.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");

        assertThat(
                        mvc.patch()
                                .uri("/api/v1/programs/" + id)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"minimumScore\":50}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.minimumScore")
                .isEqualTo(50);
        assertThat(
                        mvc.patch()
                                .uri("/api/v1/programs/" + id)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"minimumScore\":150}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("minimumScore");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"Odd\",\"template\":\"CUSTOM\",\"minimumScore\":-1}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void theSafeguardsStayWhateverRulesTheApiSends() {
        assertThat(
                        mvc.put()
                                .uri("/api/v1/programs/" + program.id() + "/rules")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "[{\"criterion\":\"SKILLS\",\"kind\":\"OVERLAP\",\"hard\":false,\"weight\":80},"
                                                + "{\"criterion\":\"LANGUAGES\",\"kind\":\"OVERLAP\",\"hard\":false,\"weight\":20}]"))
                .hasStatusOk();

        List<MatchingRule> rules = programs.get(org.id(), program.id()).rules();
        assertThat(rules)
                .contains(
                        new MatchingRule(
                                Criterion.REPORTING_CHAIN,
                                RuleKind.NOT_IN_REPORTING_CHAIN,
                                true,
                                0,
                                null),
                        new MatchingRule(Criterion.LANGUAGES, RuleKind.OVERLAP, true, 0, null))
                .contains(new MatchingRule(Criterion.SKILLS, RuleKind.OVERLAP, false, 80, null))
                .hasSize(3);
    }

    private MatchRunView finished(MatchRunView started) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> matching.status(org.id(), started.id()).finished());
        MatchRunView run = matching.run(org.id(), started.id());
        assertThat(run.status()).as(run.error()).isEqualTo(MatchRunStatus.DONE);
        return run;
    }

    private void enrol(PersonId person, EnrolmentRole role, List<String> wanted) {
        enrolling.enrol(
                org.id(),
                program.id(),
                new Enrol(
                        person,
                        null,
                        role,
                        role == EnrolmentRole.MENTOR ? 2 : null,
                        null,
                        wanted,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    private PersonId person(String email) {
        return people.findByEmail(org.id(), email).orElseThrow().id();
    }
}
