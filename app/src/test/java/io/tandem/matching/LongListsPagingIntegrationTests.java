package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A sought-after mentor's requests and a run's mentees without a mentor run to hundreds; both lists
 * page, and every row is on exactly one page.
 */
@TandemIntegrationTest
class LongListsPagingIntegrationTests {

    static final int MENTEES = 210;
    private static final Pattern CARD = Pattern.compile("id=\"incoming-\\d+\">([^<]+)</h3>");
    private static final Pattern PERSON = Pattern.compile("href=\"/people/([0-9a-f-]{36})\"");

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired MatchingManagement matching;

    TestOrganisation org;
    PersonId mentor;
    List<PersonId> mentees = new ArrayList<>();

    @BeforeEach
    void oneMentorAndHundredsOfMentees() {
        org = organisations.create();
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,level,division,function,location,time_zone,work_mode,languages,skills\n"
                                + "M0,mona@long.test,Mona,Mentor,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,English,Leadership\n");
        for (int i = 0; i < MENTEES; i++) {
            csv.append(
                    "E%03d,e%03d@long.test,Mentee%03d,Person,3,Retail,Sales,London,Europe/London,FIELD,English,Sales\n"
                            .formatted(i, i, i));
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        mentor = people.findByEmail(org.id(), "mona@long.test").orElseThrow().id();
        for (int i = 0; i < MENTEES; i++) {
            mentees.add(
                    people.findByEmail(org.id(), "e%03d@long.test".formatted(i))
                            .orElseThrow()
                            .id());
        }
    }

    ProgramView program(String name, MatchingMode mode) {
        ProgramView created =
                programs.create(
                        org.id(),
                        ProgramDraft.of(name, "LEADERSHIP_READINESS").withMatching(mode, 2));
        ProgramView program = programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
        enrolling.enrol(org.id(), program.id(), Enrol.mentor(mentor, 2));
        for (PersonId mentee : mentees) {
            enrolling.enrol(org.id(), program.id(), Enrol.mentee(mentee, List.of("Leadership")));
        }
        return program;
    }

    private String html(String uri, RequestPostProcessor who) throws Exception {
        return mvc.get().uri(uri).with(who).exchange().getResponse().getContentAsString();
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void aMentorWithHundredsOfRequestsSeesThemPageByPage() throws Exception {
        ProgramView program = program("Asked a lot", MatchingMode.SELF);
        for (PersonId mentee : mentees) {
            selfMatch.request(org.id(), program.id(), mentee, mentor, "Please");
        }
        RequestPostProcessor mona =
                TestOrganisations.signedIn(org.id(), "mona@long.test", Role.EMPLOYEE);

        String first = html("/requests", mona);
        assertThat(first).contains("Showing 1–25 of " + MENTEES);
        List<String> page1 = all(CARD, first);
        assertThat(page1).hasSize(25);

        String second = html("/requests?incoming=1", mona);
        assertThat(second).contains("Showing 26–50 of " + MENTEES);
        List<String> page2 = all(CARD, second);
        assertThat(page2).hasSize(25).doesNotContainAnyElementsOf(page1);

        List<String> seen = new ArrayList<>();
        int pages = (MENTEES + 24) / 25;
        for (int page = 0; page < pages; page++) {
            seen.addAll(all(CARD, html("/requests?incoming=" + page, mona)));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(MENTEES);
        assertThat(seen.subList(0, 50)).containsExactlyElementsOf(concat(page1, page2));

        // The home page counts every request waiting, shows the newest few and links to the rest.
        String home = html("/", mona);
        assertThat(home)
                .contains("Mentoring requests to answer (" + MENTEES + ")")
                .contains("See all " + MENTEES + " requests waiting for your answer");
        assertThat(home.split("asks you to be their mentor in", -1)).hasSize(6);
    }

    @Test
    void hundredsOfMenteesWithoutAMentorPageOnTheRunsReview() throws Exception {
        ProgramView program = program("Too few mentors", MatchingMode.ADMIN);
        MatchRunView started =
                matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matching.status(org.id(), started.id()).finished());
        MatchRunView run = matching.run(org.id(), started.id());
        int without = run.unmatched().size();
        assertThat(without).isGreaterThan(200);
        RequestPostProcessor hr = TestOrganisations.signedIn(org.id(), "hr@long.test", Role.ADMIN);

        String first = html("/match-runs/" + run.id(), hr);
        assertThat(first).contains("Showing 1–50 of " + without);
        List<String> page1 = all(PERSON, unmatchedList(first));
        assertThat(page1).hasSize(50);

        String second = html("/match-runs/" + run.id() + "?unmatched=1", hr);
        assertThat(second).contains("Showing 51–100 of " + without);
        List<String> page2 = all(PERSON, unmatchedList(second));
        assertThat(page2).hasSize(50).doesNotContainAnyElementsOf(page1);

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < (without + 49) / 50; page++) {
            seen.addAll(
                    all(
                            PERSON,
                            unmatchedList(
                                    html("/match-runs/" + run.id() + "?unmatched=" + page, hr))));
        }
        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        run.unmatched().stream()
                                .map(u -> u.menteeId().value().toString())
                                .toList());
    }

    private static String unmatchedList(String html) {
        int start = html.indexOf("class=\"unmatched-list\"");
        assertThat(start).as("the list of mentees without a mentor").isPositive();
        return html.substring(start, html.indexOf("</ul>", start));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
