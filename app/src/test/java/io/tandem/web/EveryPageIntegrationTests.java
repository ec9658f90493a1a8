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
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
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
    @Autowired MatchingManagement matching;

    OrganisationId demo;
    List<ProgramView> demoPrograms;

    @BeforeEach
    void demo() {
        demo = identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        demoPrograms =
                programs.list(demo, true, io.tandem.web.PageQuery.of(0, 200)).items().stream()
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
            matching.runs(demo, program.id()).forEach(run -> pages.add("/match-runs/" + run.id()));
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

    @Test
    void aSelfMatchMenteesFindAMentorPageIsWhole() {
        ProgramView self =
                demoPrograms.stream()
                        .filter(p -> p.matchingMode() == MatchingMode.SELF)
                        .findFirst()
                        .orElseThrow();
        PersonSummary mentee =
                programs.activeEnrolments(demo, self.id()).stream()
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
