package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A program's enrolments at the size a large organisation brings: paged, filtered, decided. */
@TandemIntegrationTest
class EnrolmentListsIntegrationTests {

    private static final Pattern SELECTABLE =
            Pattern.compile("name=\"enrolment\" form=\"bulk-decisions\" value=\"([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired ProgramInvitations invitations;
    @Autowired PeopleManagement people;

    TestOrganisation org;

    /** {@code count} active people, half in Retail, half in Digital, the first few as mentors. */
    private List<PersonSummary> organisationOf(int count) {
        org = organisations.create();
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,level,division,function,location,"
                                + "time_zone,work_mode,languages,skills,status\n");
        for (int i = 0; i < count; i++) {
            csv.append(
                    "E%05d,p%05d@big.test,Person,No%05d,3,%s,Sales,Berlin,Europe/Berlin,REMOTE,English,Java,ACTIVE\n"
                            .formatted(i, i, i, i % 2 == 0 ? "Retail" : "Digital"));
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        List<PersonSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch =
                    people.search(
                            org.id(),
                            new io.tandem.people.DirectoryQuery(
                                    null, null, null, null, null, null, null),
                            PageQuery.of(page, PageQuery.MAX_SIZE));
            all.addAll(batch.items());
            if (!batch.hasNext()) {
                return all;
            }
        }
    }

    private ProgramView programNeedingApproval() {
        return programs.create(
                org.id(),
                new ProgramDraft(
                        "Large", "CUSTOM", null, null, null, null, null, null, null, null, null,
                        null, true, null, null, null));
    }

    private List<EnrolmentView> everyoneAsksToJoin(
            ProgramView program, List<PersonSummary> everyone) {
        return everyone.stream()
                .map(
                        p ->
                                enrolling.enrol(
                                        org.id(),
                                        program.id(),
                                        Enrol.of(p.id(), EnrolmentRole.MENTEE)))
                .toList();
    }

    private RequestPostProcessor manager() {
        return TestOrganisations.signedIn(org.id(), "hr@big.test", Role.ADMIN);
    }

    private String page(String uri) {
        MvcTestResult result = mvc.get().uri(uri).with(manager()).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyOneOfAThousandEnrolmentsIsReachableByFollowingThePagesWithTheFilterKept() {
        List<PersonSummary> everyone = organisationOf(1_060);
        ProgramView program = programNeedingApproval();
        Set<String> enrolled = new HashSet<>();
        everyoneAsksToJoin(program, everyone).forEach(e -> enrolled.add(e.id().toString()));

        List<String> seen = new ArrayList<>();
        String uri = "/programs/" + program.id() + "?status=PENDING&role=MENTEE";
        int pages = 0;
        String html = null;
        while (uri != null) {
            html = page(uri);
            if (pages == 0) {
                assertThat(html).contains("Showing 1–50 of 1,060");
            }
            seen.addAll(all(SELECTABLE, html));
            List<String> next = all(NEXT, html);
            uri = next.isEmpty() ? null : next.get(0).replace("&amp;", "&");
            if (uri != null) {
                assertThat(uri)
                        .as("the filter travels with every page link")
                        .contains("status=PENDING")
                        .contains("role=MENTEE")
                        .endsWith("#enrolments");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(22);
        assertThat(html).contains("Showing 1,051–1,060 of 1,060");
        assertThat(seen).as("no row on two pages").doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).as("every row on some page").isEqualTo(enrolled);

        assertThat(page("/programs/" + program.id() + "?status=ACTIVE"))
                .as("a filter nobody matches shows nobody")
                .contains("Nothing to show")
                .doesNotContain("name=\"enrolment\" form=\"bulk-decisions\"");
    }

    @Test
    void bulkDecisionsSayWhatHappenedAndChangeNothingWhenPressedTwice() {
        List<PersonSummary> everyone = organisationOf(400);
        ProgramView program = programNeedingApproval();
        List<EnrolmentView> pending = everyoneAsksToJoin(program, everyone);
        List<EnrolmentView> chosen = pending.subList(0, 250);

        for (int press = 1; press <= 2; press++) {
            var request =
                    mvc.post()
                            .uri("/programs/{id}/enrolments/decisions", program.id())
                            .param("approve", "true")
                            .param("status", "PENDING")
                            .with(manager())
                            .with(csrf());
            for (EnrolmentView e : chosen) {
                request = request.param("enrolment", e.id().toString());
            }
            MvcTestResult result = request.exchange();
            assertThat(result)
                    .hasStatus3xxRedirection()
                    .hasRedirectedUrl("/programs/" + program.id() + "?status=PENDING#enrolments");
            BulkDecision summary = (BulkDecision) result.getMvcResult().getFlashMap().get("bulk");
            assertThat(summary)
                    .isEqualTo(
                            press == 1
                                    ? new BulkDecision(true, 250, 0)
                                    : new BulkDecision(true, 0, 250));
        }
        assertThat(count(program, EnrolmentStatus.ACTIVE)).isEqualTo(250);
        assertThat(count(program, EnrolmentStatus.PENDING)).isEqualTo(150);
        assertThat(page("/programs/" + program.id())).contains("Approve all 150 pending");

        for (int press = 1; press <= 2; press++) {
            MvcTestResult result =
                    mvc.post()
                            .uri("/programs/{id}/enrolments/decisions", program.id())
                            .param("approve", "false")
                            .param("scope", "all")
                            .with(manager())
                            .with(csrf())
                            .exchange();
            assertThat(result.getMvcResult().getFlashMap().get("bulk"))
                    .isEqualTo(new BulkDecision(false, press == 1 ? 150 : 0, 0));
        }
        assertThat(count(program, EnrolmentStatus.DECLINED)).isEqualTo(150);
        assertThat(count(program, EnrolmentStatus.ACTIVE))
                .as("approved stay approved")
                .isEqualTo(250);

        String after = page("/programs/" + program.id());
        assertThat(after).doesNotContain("Approve all").doesNotContain("Decline selected");
    }

    @Test
    void theSummaryOfABulkDecisionIsShownOnThePage() throws Exception {
        List<PersonSummary> everyone = organisationOf(3);
        ProgramView program = programNeedingApproval();
        List<EnrolmentView> pending = everyoneAsksToJoin(program, everyone);
        enrolling.decide(org.id(), pending.get(0).id(), true, null);

        MvcTestResult result =
                mvc.post()
                        .uri("/programs/{id}/enrolments/decisions", program.id())
                        .param("approve", "true")
                        .param("enrolment", pending.get(0).id().toString())
                        .param("enrolment", pending.get(1).id().toString())
                        .with(manager())
                        .with(csrf())
                        .exchange();
        // The summary travels in the session to the page the redirect leads to.
        var session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String html =
                mvc.get()
                        .uri(result.getResponse().getRedirectedUrl())
                        .cookie(session)
                        .with(manager())
                        .exchange()
                        .getResponse()
                        .getContentAsString();
        assertThat(html).contains("Approved 1. One was already decided and stayed as it was.");
        assertThat(html).contains("Approve all 1 pending");
    }

    @Test
    void invitingEveryoneShowsWhoItWouldReachAndSendsNothingUntilConfirmed() throws Exception {
        organisationOf(120);
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Open", "CUSTOM"));
        invitations.inviteEmails(
                org.id(), program.id(), List.of("p00000@big.test"), EnrolmentRole.MENTEE);

        MvcTestResult preview = invite(program, "", false);
        assertThat(preview).hasStatusOk();
        String html = preview.getResponse().getContentAsString();
        assertThat(html)
                .contains("Invite 119 people to Open?")
                .contains("this is everyone active in the organisation")
                .contains("One person in this audience is already invited or enrolled")
                .contains("Person No00001")
                .contains("and 109 more")
                .contains("Send 119 invitations")
                .contains("name=\"_csrf\"");
        assertThat(count(program, EnrolmentStatus.INVITED)).as("nothing sent yet").isEqualTo(1);

        MvcTestResult confirmed = invite(program, "", true);
        assertThat(confirmed).hasStatus3xxRedirection();
        assertThat(confirmed.getMvcResult().getFlashMap().get("invited")).isEqualTo(119);
        assertThat(count(program, EnrolmentStatus.INVITED)).isEqualTo(120);

        assertThat(invite(program, "", true).getMvcResult().getFlashMap().get("invited"))
                .as("confirming twice invites nobody twice")
                .isEqualTo(0);
    }

    @Test
    void aSmallSegmentIsInvitedAtOnceAndALongListOfAddressesIsPreviewedFirst() throws Exception {
        organisationOf(140);
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Lists", "CUSTOM"));

        MvcTestResult small =
                mvc.post()
                        .uri("/programs/{id}/invitations", program.id())
                        .param("role", "MENTOR")
                        .param("division", "Retail")
                        .param("level", "")
                        .param("emails", "p00001@big.test\np00003@big.test")
                        .with(manager())
                        .with(csrf())
                        .exchange();
        assertThat(small).hasStatus3xxRedirection();
        assertThat(small.getMvcResult().getFlashMap().get("invited"))
                .as("two addresses take precedence over the segment and need no preview")
                .isEqualTo(2);

        StringBuilder emails = new StringBuilder("email\n");
        for (int i = 0; i < 60; i++) {
            emails.append("p%05d@big.test\n".formatted(i * 2));
        }
        MvcTestResult preview =
                mvc.post()
                        .uri("/programs/{id}/invitations", program.id())
                        .param("role", "MENTEE")
                        .param("emails", emails.toString())
                        .with(manager())
                        .with(csrf())
                        .exchange();
        assertThat(preview).hasStatusOk();
        String html = preview.getResponse().getContentAsString();
        assertThat(html).contains("Invite 60 people to Lists?").doesNotContain("everyone active");
        assertThat(count(program, EnrolmentStatus.INVITED)).isEqualTo(2);

        MvcTestResult confirmed =
                mvc.post()
                        .uri("/programs/{id}/invitations", program.id())
                        .param("role", "MENTEE")
                        .param("emails", emails.toString())
                        .param("confirmed", "true")
                        .with(manager())
                        .with(csrf())
                        .exchange();
        assertThat(confirmed.getMvcResult().getFlashMap().get("invited")).isEqualTo(60);
        assertThat(count(program, EnrolmentStatus.INVITED)).isEqualTo(62);
    }

    private MvcTestResult invite(ProgramView program, String division, boolean confirmed) {
        return mvc.post()
                .uri("/programs/{id}/invitations", program.id())
                .param("role", "MENTEE")
                .param("division", division)
                .param("function", "")
                .param("location", "")
                .param("level", "")
                .param("workMode", "")
                .param("emails", "")
                .param("confirmed", String.valueOf(confirmed))
                .with(manager())
                .with(csrf())
                .exchange();
    }

    private long count(ProgramView program, EnrolmentStatus status) {
        return enrolling.enrolments(org.id(), program.id(), status, PageQuery.of(0, 1)).total();
    }
}
