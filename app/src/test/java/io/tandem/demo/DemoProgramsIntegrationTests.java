package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.RequestStatus;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@TandemIntegrationTest
class DemoProgramsIntegrationTests {

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MatchingManagement matching;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired MentorshipManagement mentorships;
    @Autowired DemoPrograms demoPrograms;
    @Autowired DemoWorkspace demoWorkspace;
    @Autowired DemoMeetings demoMeetings;
    @Autowired io.tandem.meetings.MeetingManagement meetings;
    @Autowired io.tandem.mentorships.WorkspaceManagement workspaces;
    @Autowired MockMvcTester mvc;

    OrganisationId demo;

    @BeforeEach
    void demo() {
        demo = identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
    }

    @Test
    void theDemoHasAProgramInEachState() {
        Map<String, ProgramView> byName = demoProgramsByName();

        assertThat(byName.get(DemoPrograms.ENROLLING).status()).isEqualTo(ProgramStatus.ENROLLING);
        assertThat(
                        enrolling
                                .enrolments(
                                        demo,
                                        byName.get(DemoPrograms.ENROLLING).id(),
                                        EnrolmentStatus.PENDING,
                                        PageQuery.of(0, 50))
                                .total())
                .as("enrolments waiting for approval")
                .isPositive();
        assertThat(byName.get(DemoPrograms.ACTIVE).status()).isEqualTo(ProgramStatus.ACTIVE);
        ProgramView self = byName.get(DemoPrograms.SELF_MATCH);
        assertThat(self.matchingMode()).isEqualTo(MatchingMode.SELF);
        assertThat(self.status()).isEqualTo(ProgramStatus.ENROLLING);
    }

    @Test
    void theDemoMenteeHasAnActiveMentorWithThePairsPublished() {
        ProgramView active = demoProgramsByName().get(DemoPrograms.ACTIVE);
        PersonSummary sam = people.findByEmail(demo, DemoPrograms.MENTEE_EMAIL).orElseThrow();
        PersonSummary priya = people.findByEmail(demo, DemoPrograms.MENTOR_EMAIL).orElseThrow();

        List<MentorshipSummary> his =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        mentorships
                                                .find(
                                                        demo,
                                                        active.id(),
                                                        sam.id(),
                                                        PageQuery.of(0, 10))
                                                .items(),
                                list -> !list.isEmpty());

        assertThat(his).hasSize(1);
        assertThat(his.get(0).status()).isEqualTo(MentorshipStatus.ACTIVE);
        assertThat(his.get(0).mentorId()).isEqualTo(priya.id());
        assertThat(mentorships.find(demo, active.id(), null, PageQuery.of(0, 200)).total())
                .as("pairs started in the active program")
                .isGreaterThan(30);
    }

    @Test
    void theDemoRunProposesPairsThatFitTheirPurpose() {
        ProgramView active = demoProgramsByName().get(DemoPrograms.ACTIVE);
        MatchRunView run = matching.runs(demo, active.id(), PageQuery.of(0, 1)).items().get(0);

        assertThat(run.published()).isTrue();
        assertThat(run.stats().maxScore()).isEqualTo(100);
        // Before the demo had profiles, the mean was 16 of 100 with pairs scoring 0.
        assertThat(run.stats().meanScore()).isGreaterThan(50.0);
        assertThat(run.stats().minScore()).isGreaterThanOrEqualTo(active.minimumScore());
    }

    @Test
    void mostDemoPeopleWantToLearnSomethingAndSomeAspire() {
        List<PersonSummary> everyone = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            everyone.addAll(
                    people.search(demo, DirectoryQuery.all(), PageQuery.of(page, 200)).items());
        }
        long wanting = everyone.stream().filter(p -> !p.skillsWanted().isEmpty()).count();
        long aspiring = everyone.stream().filter(p -> p.aspiredDivision() != null).count();

        assertThat(wanting).isGreaterThan(everyone.size() * 3L / 4);
        assertThat(aspiring).isBetween(everyone.size() / 10L, everyone.size() / 2L);
    }

    @Test
    void theSelfMatchProgramHasRequestsWaiting() {
        ProgramView self = demoProgramsByName().get(DemoPrograms.SELF_MATCH);
        List<MentorshipSummary> none =
                mentorships.find(demo, self.id(), null, PageQuery.of(0, 10)).items();

        long open =
                enrolling.activeEnrolments(demo, self.id()).stream()
                        .flatMap(
                                e ->
                                        selfMatch
                                                .requestsFor(
                                                        demo,
                                                        e.personId(),
                                                        PageQuery.of(0, PageQuery.MAX_SIZE))
                                                .items()
                                                .stream())
                        .filter(r -> r.programId().equals(self.id()))
                        .filter(r -> r.status() == RequestStatus.OPEN)
                        .map(r -> r.id())
                        .distinct()
                        .count();

        assertThat(none).isEmpty();
        assertThat(open).isEqualTo(2);
    }

    @Test
    void loadingTheDemoAgainAddsNoProgram() throws Exception {
        long before = programs.list(demo, true, PageQuery.of(0, 200)).total();

        demoPrograms.run(null);

        assertThat(programs.list(demo, true, PageQuery.of(0, 200)).total()).isEqualTo(before);
    }

    private Map<String, ProgramView> demoProgramsByName() {
        return programs.list(demo, true, PageQuery.of(0, 200)).items().stream()
                .filter(
                        p ->
                                List.of(
                                                DemoPrograms.ENROLLING,
                                                DemoPrograms.ACTIVE,
                                                DemoPrograms.SELF_MATCH)
                                        .contains(p.name()))
                .collect(Collectors.toMap(ProgramView::name, Function.identity(), (a, b) -> a));
    }

    @Test
    void theDemoPairsWorkspaceShowsAMentorshipAtWorkAndIsWrittenOnlyOnce() {
        ProgramView active = demoProgramsByName().get(DemoPrograms.ACTIVE);
        PersonSummary sam = people.findByEmail(demo, DemoPrograms.MENTEE_EMAIL).orElseThrow();
        PersonSummary priya = people.findByEmail(demo, DemoPrograms.MENTOR_EMAIL).orElseThrow();
        MentorshipSummary pair =
                mentorships.find(demo, active.id(), sam.id(), PageQuery.of(0, 10)).items().get(0);

        var seen = workspaces.workspace(demo, pair.id(), sam.id());
        assertThat(seen.agreement().signed()).as("signed by both").isTrue();
        assertThat(seen.goals())
                .extracting(g -> g.status().name(), g -> g.progress())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("IN_PROGRESS", 40),
                        org.assertj.core.groups.Tuple.tuple("IN_PROGRESS", 25),
                        org.assertj.core.groups.Tuple.tuple("NOT_STARTED", 0));
        assertThat(seen.goals().stream().mapToLong(g -> g.milestonesMet()).sum()).isEqualTo(1);
        assertThat(seen.openActionItems()).hasSize(2);
        assertThat(seen.doneActionItems()).hasSize(1);
        assertThat(seen.notes()).singleElement().matches(n -> n.shared());
        assertThat(seen.timeline())
                .extracting(e -> e.kind())
                .contains("AGREEMENT_SIGNED", "GOAL_CREATED", "MILESTONE_MET", "ACTION_DONE");
        assertThat(workspaces.workspace(demo, pair.id(), priya.id()).notes())
                .as("the note is shared with the mentor")
                .hasSize(1);

        // What a second and a third start of the application do.
        assertThat(demoWorkspace.fill()).isFalse();
        assertThat(demoWorkspace.fill()).isFalse();
        var again = workspaces.workspace(demo, pair.id(), sam.id());
        assertThat(again.goals()).hasSize(3);
        assertThat(again.actionItems()).hasSize(3);
        assertThat(again.notes()).hasSize(1);
        assertThat(again.timeline()).hasSameSizeAs(seen.timeline());
    }

    /**
     * What issue 16 promises a visitor signed in as the demo mentee, read from his pages: a
     * mentorship with a signed agreement, goals in progress, a past and a next meeting and a
     * conversation.
     */
    @Test
    void theDemoMenteeSeesAMentorshipAliveOnHisPages() throws Exception {
        ProgramView active = demoProgramsByName().get(DemoPrograms.ACTIVE);
        PersonSummary sam = people.findByEmail(demo, DemoPrograms.MENTEE_EMAIL).orElseThrow();
        MentorshipSummary pair =
                mentorships.find(demo, active.id(), sam.id(), PageQuery.of(0, 10)).items().get(0);
        var asSam =
                io.tandem.TestOrganisations.signedIn(
                        demo, DemoPrograms.MENTEE_EMAIL, io.tandem.identity.Role.EMPLOYEE);
        String workspace = "/mentorships/" + pair.id().value();

        assertThat(page("/", asSam))
                .as("the home page shows the mentorship with Priya")
                .contains("Priya")
                .contains("href=\"" + workspace + "\"");

        String seen = page(workspace, asSam);
        assertThat(seen).as("a signed agreement").contains("Signed by both of you");
        assertThat(seen.split(">In progress<", -1)).as("goals in progress").hasSizeGreaterThan(2);
        assertThat(seen)
                .as("the next meeting, accepted")
                .contains("Fortnightly check-in")
                .contains(">Accepted<");
        assertThat(seen)
                .as("the conversation")
                .contains("Bring your questions on Tuesday.")
                .contains("I have a first draft");

        String meetingsPage = page(workspace + "/meetings", asSam);
        int past = meetingsPage.indexOf("id=\"past-heading\"");
        assertThat(past).isPositive();
        assertThat(meetingsPage.substring(0, past)).contains("Fortnightly check-in");
        assertThat(meetingsPage.substring(past)).contains("Getting to know each other");
    }

    private String page(
            String uri, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        var result = mvc.get().uri(uri).with(who).exchange();
        assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    @Test
    void theDemoPairHasAHeldMeetingWithANoteAndAnAcceptedFortnightlyOneAhead() {
        ProgramView active = demoProgramsByName().get(DemoPrograms.ACTIVE);
        PersonSummary sam = people.findByEmail(demo, DemoPrograms.MENTEE_EMAIL).orElseThrow();
        PersonSummary priya = people.findByEmail(demo, DemoPrograms.MENTOR_EMAIL).orElseThrow();
        MentorshipSummary pair =
                mentorships.find(demo, active.id(), sam.id(), PageQuery.of(0, 10)).items().get(0);

        var seen = meetings.ofMentorship(demo, pair.id(), sam.id());
        assertThat(seen).hasSize(2);
        var held = seen.stream().filter(m -> m.nextStart() == null).findFirst().orElseThrow();
        assertThat(held.outcomes()).singleElement().matches(o -> o.held());
        assertThat(meetings.notes(demo, held.id(), sam.id()))
                .singleElement()
                .matches(n -> n.shared() && n.body().contains("demo outline"));
        var next = seen.stream().filter(m -> m.nextStart() != null).findFirst().orElseThrow();
        assertThat(next.recurrence()).isEqualTo(io.tandem.meetings.Recurrence.FORTNIGHTLY);
        assertThat(next.response()).isEqualTo(io.tandem.meetings.Response.ACCEPTED);
        assertThat(next.nextStart()).isAfter(java.time.Instant.now());
        assertThat(workspaces.workspace(demo, pair.id(), priya.id()).timeline())
                .extracting(e -> e.kind())
                .contains("MEETING_HELD", "MEETING_PLANNED");

        // A second start of the application plans nothing more.
        assertThat(demoMeetings.fill()).isFalse();
        assertThat(meetings.ofMentorship(demo, pair.id(), sam.id())).hasSize(2);
    }
}
