package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Publishing, closing a program and leaving one ask first, saying what they will do. */
@TandemIntegrationTest
class ConfirmationsIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MatchingManagement matching;
    @Autowired ActivePairs pairs;

    TestOrganisation org;
    ProgramView program;
    List<EnrolmentView> mentees = new ArrayList<>();
    MatchRunView run;

    @BeforeEach
    void programWithARun() {
        org = organisations.create();
        people.importCsv(org.id(), MatchingBench.csv(60).getBytes(StandardCharsets.UTF_8));
        List<PersonSummary> everyone =
                people.search(org.id(), DirectoryQuery.all(), PageQuery.of(0, 100)).items();
        program =
                programs.moveTo(
                        org.id(),
                        programs.create(org.id(), ProgramDraft.of("Asked", "CROSS_DIVISIONAL"))
                                .id(),
                        ProgramStatus.ENROLLING);
        for (int i = 0; i < everyone.size(); i++) {
            EnrolmentView e =
                    enrolling.enrol(
                            org.id(),
                            program.id(),
                            Enrol.of(
                                    everyone.get(i).id(),
                                    i % 3 == 0 ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE));
            if (e.role() == EnrolmentRole.MENTEE) {
                mentees.add(e);
            }
        }
        MatchRunView started =
                matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matching.status(org.id(), started.id()).finished());
        run = matching.run(org.id(), started.id());
        assertThat(run.proposals()).isNotEmpty();
    }

    private RequestPostProcessor manager() {
        return TestOrganisations.signedIn(org.id(), "hr@asked.test", Role.ADMIN);
    }

    @Test
    void publishingShowsThePairsItStartsAndPublishesOnlyOnceConfirmed() {
        int pairCount = run.proposals().size();
        long mentorCount = run.proposals().stream().map(p -> p.mentorId()).distinct().count();
        assertThat(mvc.get().uri("/match-runs/{id}", run.id()).with(manager()))
                .bodyText()
                .contains("href=\"/match-runs/" + run.id() + "/publish\"");
        assertThat(mvc.get().uri("/match-runs/{id}/publish", run.id()).with(manager()))
                .hasStatusOk()
                .bodyText()
                .contains("Publish " + pairCount + " pairs?")
                .contains(
                        pairCount
                                + " mentorships start in Asked, with "
                                + mentorCount
                                + " mentors.")
                .contains("cannot be taken back")
                .contains("name=\"_csrf\"")
                .contains("name=\"confirmed\" value=\"true\"");

        assertThat(
                        mvc.post()
                                .uri("/match-runs/{id}/publish", run.id())
                                .with(manager())
                                .with(csrf()))
                .as("a publish without the confirmation only leads to the question")
                .hasRedirectedUrl("/match-runs/" + run.id() + "/publish");
        assertThat(matching.run(org.id(), run.id()).published()).isFalse();

        assertThat(
                        mvc.post()
                                .uri("/match-runs/{id}/publish", run.id())
                                .param("confirmed", "true")
                                .with(manager())
                                .with(csrf()))
                .hasRedirectedUrl("/match-runs/" + run.id());
        assertThat(matching.run(org.id(), run.id()).published()).isTrue();
        assertThat(pairs.in(org.id(), program.id())).hasSize(pairCount);

        assertThat(mvc.get().uri("/match-runs/{id}/publish", run.id()).with(manager()))
                .bodyText()
                .contains("This can no longer be done")
                .doesNotContain("name=\"confirmed\"");
    }

    @Test
    void closingCountsWhatItEndsAndClosesOnlyOnceConfirmed() {
        matching.publish(org.id(), run.id());
        int active = pairs.in(org.id(), program.id()).size();
        assertThat(mvc.get().uri("/programs/{id}", program.id()).with(manager()))
                .bodyText()
                .contains("href=\"/programs/" + program.id() + "/close\"");
        assertThat(mvc.get().uri("/programs/{id}/close", program.id()).with(manager()))
                .hasStatusOk()
                .bodyText()
                .contains("Close Asked?")
                .contains("The " + active + " active mentorships in it are completed.")
                .contains("60 people take part, 0 wait for approval, 0 invitations are unanswered")
                .contains("name=\"status\" value=\"CLOSED\"");

        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/status", program.id())
                                .param("status", "CLOSED")
                                .with(manager())
                                .with(csrf()))
                .hasRedirectedUrl("/programs/" + program.id() + "/close");
        assertThat(programs.get(org.id(), program.id()).status())
                .isEqualTo(ProgramStatus.ENROLLING);

        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/status", program.id())
                                .param("status", "CLOSED")
                                .param("confirmed", "true")
                                .with(manager())
                                .with(csrf()))
                .hasRedirectedUrl("/programs/" + program.id());
        assertThat(programs.get(org.id(), program.id()).status()).isEqualTo(ProgramStatus.CLOSED);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pairs.in(org.id(), program.id())).isEmpty());
    }

    @Test
    void leavingAProgramSaysWhatBecomesOfTheMentorshipAndWaitsForTheAnswer() {
        matching.publish(org.id(), run.id());
        var pair = run.proposals().get(0);
        EnrolmentView mine =
                mentees.stream()
                        .filter(e -> e.personId().equals(pair.menteeId()))
                        .findFirst()
                        .get();
        RequestPostProcessor mentee =
                TestOrganisations.signedIn(org.id(), mine.email(), Role.EMPLOYEE);

        assertThat(mvc.get().uri("/programs/{id}", program.id()).with(mentee))
                .bodyText()
                .contains(
                        "href=\"/programs/"
                                + program.id()
                                + "/enrolments/"
                                + mine.id()
                                + "/withdraw\"");
        assertThat(
                        mvc.get()
                                .uri(
                                        "/programs/{p}/enrolments/{e}/withdraw",
                                        program.id(),
                                        mine.id())
                                .with(mentee))
                .hasStatusOk()
                .bodyText()
                .contains("Withdraw from Asked?")
                .contains("You leave Asked, where you take part as Mentee.")
                .contains("There is one active mentorship in this program")
                .contains("name=\"mentorship\" value=\"end\"");

        assertThat(
                        mvc.post()
                                .uri(
                                        "/programs/{p}/enrolments/{e}/withdraw",
                                        program.id(),
                                        mine.id())
                                .param("mentorship", "end")
                                .with(mentee)
                                .with(csrf()))
                .hasRedirectedUrl(
                        "/programs/" + program.id() + "/enrolments/" + mine.id() + "/withdraw");
        assertThat(enrolling.enrolment(org.id(), mine.id()).status())
                .isEqualTo(EnrolmentStatus.ACTIVE);

        assertThat(
                        mvc.post()
                                .uri(
                                        "/programs/{p}/enrolments/{e}/withdraw",
                                        program.id(),
                                        mine.id())
                                .param("mentorship", "end")
                                .param("confirmed", "true")
                                .with(mentee)
                                .with(csrf()))
                .hasRedirectedUrl("/programs/" + program.id());
        assertThat(enrolling.enrolment(org.id(), mine.id()).status())
                .isEqualTo(EnrolmentStatus.WITHDRAWN);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(pairs.hasMentor(org.id(), program.id(), mine.personId()))
                                        .isFalse());

        assertThat(
                        mvc.get()
                                .uri(
                                        "/programs/{p}/enrolments/{e}/withdraw",
                                        program.id(),
                                        mentees.stream()
                                                .filter(e -> !e.id().equals(mine.id()))
                                                .findFirst()
                                                .get()
                                                .id())
                                .with(mentee))
                .as("another enrolment's page is not the mentee's to see")
                .hasStatus4xxClientError();
    }
}
