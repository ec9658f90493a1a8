package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.matching.MatchingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Walks every page a signed-in person can open, on the populated demo organisation, as an admin and
 * as employees, and fails on any page that does not answer or shows a raw message key.
 */
@TandemIntegrationTest
class EveryPageIntegrationTests {

    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s<]+\\?\\?");
    private static final String ADMIN = "alex.morgan@northwind.example";
    private static final String MENTOR = "priya.raman@northwind.example";
    private static final String MENTEE = "sam.taylor@northwind.example";

    @Autowired MockMvcTester mvc;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MatchingManagement matching;

    OrganisationId demo;
    List<ProgramView> demoPrograms;

    @BeforeEach
    void demo() {
        demo = identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        demoPrograms =
                programs.list(demo, true, io.tandem.shared.PageQuery.of(0, 200)).items().stream()
                        .filter(p -> p.status() != ProgramStatus.DRAFT)
                        .toList();
        assertThat(demoPrograms).as("the demo's programs").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void everyPageAnAdminOpensIsWholeAndShowsNoRawMessageKey() {
        List<String> pages =
                new ArrayList<>(
                        List.of(
                                "/",
                                "/programs",
                                "/programs/new",
                                "/programs/new?template=LEADERSHIP_READINESS",
                                "/requests",
                                "/people",
                                "/people?q=engineer",
                                "/people/import",
                                "/profile/edit",
                                "/admin/tokens",
                                "/admin/outbox",
                                "/notifications",
                                "/mentorships"));
        for (ProgramView program : demoPrograms) {
            String base = "/programs/" + program.id();
            pages.addAll(List.of(base, base + "/rules", base + "/matching", base + "/enrol"));
            matching.runs(demo, program.id(), PageQuery.of(0, PageQuery.MAX_SIZE))
                    .items()
                    .forEach(run -> pages.add("/match-runs/" + run.id()));
        }
        people.findByEmail(demo, MENTOR).ifPresent(p -> pages.add("/people/" + p.id()));

        assertWhole(pages, TestOrganisations.signedIn(demo, ADMIN, Role.ADMIN));
    }

    @Test
    void everyPageAnEmployeeOpensIsWholeAndShowsNoRawMessageKey() {
        List<String> pages =
                new ArrayList<>(
                        List.of(
                                "/",
                                "/programs",
                                "/requests",
                                "/people",
                                "/profile/edit",
                                "/profile/hours",
                                "/profile/calendar",
                                "/notifications",
                                "/mentorships"));
        for (ProgramView program : demoPrograms) {
            pages.add("/programs/" + program.id());
            if (program.status().acceptsEnrolments()) {
                pages.add("/programs/" + program.id() + "/enrol");
            }
        }
        people.findByEmail(demo, MENTOR).ifPresent(p -> pages.add("/people/" + p.id()));

        assertWhole(pages, TestOrganisations.signedIn(demo, MENTEE, Role.EMPLOYEE));
        assertWhole(
                List.of("/", "/requests", "/mentorships", "/notifications"),
                TestOrganisations.signedIn(demo, MENTOR, Role.EMPLOYEE));
    }

    /** Created once per database, so reruns on a kept database add nothing. */
    static final String QUIET_DRAFT = "Quiet draft the employees must not see";

    @Test
    void noDraftProgramsNameAppearsOnAnyPageOrApiAnswerAnEmployeeGets() throws Exception {
        ProgramView quiet =
                programs.list(demo, true, io.tandem.shared.PageQuery.of(0, 200)).items().stream()
                        .filter(p -> p.name().equals(QUIET_DRAFT))
                        .findFirst()
                        .orElseGet(
                                () ->
                                        programs.create(
                                                demo,
                                                io.tandem.programs.ProgramDraft.of(
                                                        QUIET_DRAFT, "CROSS_DIVISIONAL")));
        List<String> drafts =
                programs.list(demo, true, io.tandem.shared.PageQuery.of(0, 200)).items().stream()
                        .filter(p -> p.status() == ProgramStatus.DRAFT)
                        .map(ProgramView::name)
                        .toList();
        assertThat(drafts).contains(QUIET_DRAFT);

        List<String> pages =
                new ArrayList<>(
                        List.of(
                                "/",
                                "/programs",
                                "/requests",
                                "/people",
                                "/profile/edit",
                                "/notifications",
                                "/mentorships",
                                "/programs/" + quiet.id(),
                                "/programs/" + quiet.id() + "/enrol",
                                "/programs/" + quiet.id() + "/mentors"));
        for (ProgramView program : demoPrograms) {
            pages.add("/programs/" + program.id());
            pages.add("/programs/" + program.id() + "/enrol");
            pages.add("/programs/" + program.id() + "/mentors");
        }
        List<String> seen = new ArrayList<>();
        for (String employee : List.of(MENTEE, MENTOR)) {
            for (String page : pages) {
                seen.addAll(
                        leaks(
                                page,
                                mvc.get()
                                        .uri(page)
                                        .with(
                                                TestOrganisations.signedIn(
                                                        demo, employee, Role.EMPLOYEE))
                                        .exchange(),
                                drafts));
            }
        }

        String token = identity.issueToken(demo, "draft walk", Role.EMPLOYEE, "tests").secret();
        try {
            List<String> api =
                    new ArrayList<>(
                            List.of(
                                    "/api/v1/programs",
                                    "/api/v1/programs?size=200",
                                    "/api/v1/program-templates",
                                    "/api/v1/requests",
                                    "/api/v1/mentorships",
                                    "/api/v1/programs/" + quiet.id(),
                                    "/api/v1/programs/" + quiet.id() + "/recommendations",
                                    "/api/v1/programs/" + quiet.id() + "/enrolments"));
            for (ProgramView program : demoPrograms) {
                api.add("/api/v1/programs/" + program.id());
                api.add("/api/v1/programs/" + program.id() + "/recommendations");
            }
            for (String path : api) {
                seen.addAll(
                        leaks(
                                path,
                                mvc.get()
                                        .uri(path)
                                        .header(
                                                org.springframework.http.HttpHeaders.AUTHORIZATION,
                                                "Bearer " + token)
                                        .exchange(),
                                drafts));
            }
        } finally {
            identity.tokens(demo).stream()
                    .filter(t -> t.name().equals("draft walk") && t.active())
                    .forEach(t -> identity.revokeToken(demo, t.id()));
        }
        assertThat(seen).isEmpty();
    }

    private static List<String> leaks(String path, MvcTestResult result, List<String> drafts)
            throws java.io.UnsupportedEncodingException {
        List<String> found = new ArrayList<>();
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            found.add(path + " answered " + status);
        }
        String body = result.getResponse().getContentAsString();
        for (String draft : drafts) {
            if (body.contains(draft)
                    || body.contains(org.springframework.web.util.HtmlUtils.htmlEscape(draft))) {
                found.add(path + " shows the draft \u201c" + draft + "\u201d");
            }
        }
        return found;
    }

    @Test
    void aSelfMatchMenteesFindAMentorPageIsWhole() {
        ProgramView self =
                demoPrograms.stream()
                        .filter(p -> p.matchingMode() == MatchingMode.SELF)
                        .findFirst()
                        .orElseThrow();
        PersonSummary mentee =
                enrolling.activeEnrolments(demo, self.id()).stream()
                        .filter(e -> e.role() == EnrolmentRole.MENTEE)
                        .map(e -> people.get(demo, e.personId()))
                        .findFirst()
                        .orElseThrow();

        assertWhole(
                List.of("/programs/" + self.id() + "/mentors", "/requests", "/"),
                TestOrganisations.signedIn(demo, mentee.email(), Role.EMPLOYEE));
    }

    private void assertWhole(List<String> pages, RequestPostProcessor user) {
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            MvcTestResult result = mvc.get().uri(page).with(user).exchange();
            int status = result.getResponse().getStatus();
            if (status != 200) {
                problems.add(page + " answered " + status);
                continue;
            }
            String body;
            try {
                body = result.getResponse().getContentAsString();
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
            Matcher raw = RAW_KEY.matcher(body);
            while (raw.find()) {
                problems.add(page + " shows " + raw.group());
            }
        }
        assertThat(problems).isEmpty();
    }
}
