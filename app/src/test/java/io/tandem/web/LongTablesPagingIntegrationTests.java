package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.engagement.EngagementManagement;
import io.tandem.identity.Role;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The tables that grow with the organisation and had no pager: a program's pairs by health, the
 * programs list and the organisation's engagement view, a program's match runs (page and API) and a
 * person's self-match requests through the API. Each is walked page by page, and every row is on
 * exactly one page.
 */
@TandemIntegrationTest
class LongTablesPagingIntegrationTests {

    private static final Pattern PAIR_ROW = Pattern.compile("</span> → <span>([^<]+)</span></th>");
    private static final Pattern PROGRAM_ROW =
            Pattern.compile("<td><a href=\"/programs/([0-9a-f-]{36})\">");
    private static final Pattern ENGAGEMENT_ROW =
            Pattern.compile("<th scope=\"row\"><a href=\"/programs/([0-9a-f-]{36})/dashboard\">");
    private static final Pattern CELL_ROW =
            Pattern.compile("<th scope=\"row\">Mentor\\d Person</th><td>([^<]+)</td>");
    private static final Pattern RUN_LINK =
            Pattern.compile("<a href=\"/match-runs/([0-9a-f-]{36})\"");

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired EngagementManagement engagement;
    @Autowired MatchingManagement matching;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired NotificationManagement notifications;

    private final ObjectMapper json = new ObjectMapper();

    TestOrganisation org;
    RequestPostProcessor hr;

    @BeforeEach
    void anOrganisation() {
        org = organisations.create();
        hr = TestOrganisations.signedIn(org.id(), "hr@tables.test", Role.ADMIN);
    }

    @Test
    void aProgramsPairsByHealthArePaged() throws Exception {
        int mentees = 65;
        importPeople(5, mentees);
        ProgramId program =
                programs.create(org.id(), ProgramDraft.of("Many pairs", "CROSS_DIVISIONAL")).id();
        for (int i = 0; i < mentees; i++) {
            TestPairs.start(
                    programs,
                    enrolling,
                    mentorships,
                    org.id(),
                    program,
                    person("e%03d".formatted(i)),
                    person("m%d".formatted(i % 5)),
                    50);
        }
        await().atMost(Duration.ofMinutes(1))
                .until(() -> engagement.pairs(org.id(), program, null).size() == mentees);

        String base = "/programs/" + program.value() + "/engagement";
        String first = html(base);
        assertThat(first).contains("Showing 1–50 of " + mentees);
        assertThat(all(PAIR_ROW, first)).hasSize(50);
        assertThat(html(base + "?page=1")).contains("Showing 51–65 of " + mentees);

        List<String> seen = walk(2, page -> base + "?page=" + page, PAIR_ROW);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            expected.add("Mentee%03d Person".formatted(i));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);

        // The knowledge-flow map's cell Digital → Retail holds every pair, and pages them too.
        String cell =
                "/programs/"
                        + program.value()
                        + "/knowledge-flow?dimension=division&mentor=Digital&mentee=Retail&page=";
        assertThat(html(cell + 0)).contains("Showing 1–50 of " + mentees);
        assertThat(walk(2, page -> cell + page, CELL_ROW))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theProgramsListAndTheEngagementViewArePaged() throws Exception {
        int count = 30;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(
                    programs.create(
                                    org.id(),
                                    ProgramDraft.of(
                                            "Program %02d".formatted(i), "CROSS_DIVISIONAL"))
                            .id()
                            .value()
                            .toString());
        }

        String list = html("/programs");
        assertThat(list).contains("Showing 1–25 of " + count);
        assertThat(all(PROGRAM_ROW, list)).hasSize(25);
        assertThat(walk(2, page -> "/programs?page=" + page, PROGRAM_ROW))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);

        String view = html("/engagement");
        assertThat(view).contains("Showing 1–25 of " + count);
        assertThat(all(ENGAGEMENT_ROW, view)).hasSize(25);
        assertThat(walk(2, page -> "/engagement?page=" + page, ENGAGEMENT_ROW))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aProgramsMatchRunsArePagedOnItsPagesAndInTheApi() throws Exception {
        importPeople(1, 2);
        ProgramView program = enrolled("Run often", MatchingMode.ADMIN, 2);
        int count = 27;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MatchRunView run =
                    matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> matching.status(org.id(), run.id()).finished());
            ids.add(run.id().toString());
        }

        String base = "/programs/" + program.id() + "/matching";
        String first = html(base);
        assertThat(first).contains("Showing 1–25 of " + count);
        assertThat(all(RUN_LINK, section(first, "runs-list-heading"))).hasSize(25);
        assertThat(
                        walk(
                                2,
                                page -> base + "?page=" + page,
                                RUN_LINK,
                                html -> section(html, "runs-list-heading")))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);

        // The review of the newest run lists the others, page by page.
        String newest = ids.get(count - 1);
        List<String> others =
                walk(
                        2,
                        page -> "/match-runs/" + newest + "?runs=" + page,
                        RUN_LINK,
                        html -> section(html, "runs-heading"));
        assertThat(others)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, count - 1));

        List<String> api = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer =
                    api("/api/v1/programs/" + program.id() + "/match-runs?size=10&page=" + page);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(10);
            assertThat(answer.get("total").asLong()).isEqualTo(count);
            answer.get("items").forEach(item -> api.add(item.get("id").asText()));
        }
        assertThat(api).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/" + program.id() + "/match-runs?size=201")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(400);
    }

    @Test
    void aPersonsRequestsArePagedInTheApi() throws Exception {
        int mentees = 60;
        importPeople(1, mentees);
        ProgramView program = enrolled("Asked often", MatchingMode.SELF, 2);
        PersonId mentor = person("m0");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            ids.add(
                    selfMatch
                            .request(
                                    org.id(),
                                    program.id(),
                                    person("e%03d".formatted(i)),
                                    mentor,
                                    "Please")
                            .id()
                            .value()
                            .toString());
        }

        JsonNode whole = api("/api/v1/requests?personId=" + mentor.value());
        assertThat(whole.get("size").asInt()).isEqualTo(PageQuery.DEFAULT_SIZE);
        assertThat(whole.get("total").asLong()).isEqualTo(mentees);
        assertThat(whole.get("items")).hasSize(PageQuery.DEFAULT_SIZE);

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer =
                    api("/api/v1/requests?size=25&page=" + page + "&personId=" + mentor.value());
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("total").asLong()).isEqualTo(mentees);
            answer.get("items").forEach(item -> seen.add(item.get("id").asText()));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        // The mentee who sent one sees that one.
        assertThat(api("/api/v1/requests?personId=" + person("e007").value()).get("total").asLong())
                .isEqualTo(1);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/requests?size=0&personId=" + mentor.value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(400);
    }

    @Test
    void theInboxIsPaged() throws Exception {
        int count = 60;
        String email = "busy@tables.test";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "Notice number %03d".formatted(i);
            notifications.notify(org.id(), "paging-" + i, email, text, null);
            texts.add(text);
        }
        RequestPostProcessor busy = TestOrganisations.signedIn(org.id(), email, Role.EMPLOYEE);
        Pattern item = Pattern.compile("<span>(Notice number \\d{3})</span>");
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            String html =
                    mvc.get()
                            .uri("/notifications?page=" + page)
                            .with(busy)
                            .exchange()
                            .getResponse()
                            .getContentAsString();
            assertThat(html).contains(page == 0 ? "Showing 1–50 of 60" : "Showing 51–60 of 60");
            seen.addAll(all(item, html));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(texts);
    }

    private void importPeople(int mentors, int mentees) {
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,level,division,function,location,time_zone,work_mode,languages,skills\n");
        for (int i = 0; i < mentors; i++) {
            csv.append(
                    "M%d,m%d@tables.test,Mentor%d,Person,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,English,Leadership\n"
                            .formatted(i, i, i));
        }
        for (int i = 0; i < mentees; i++) {
            csv.append(
                    "E%03d,e%03d@tables.test,Mentee%03d,Person,3,Retail,Sales,London,Europe/London,FIELD,English,Sales\n"
                            .formatted(i, i, i));
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A program with mentor m0 (with {@code capacity} places) and every imported mentee. */
    private ProgramView enrolled(String name, MatchingMode mode, int capacity) {
        ProgramView created =
                programs.create(
                        org.id(),
                        ProgramDraft.of(name, "LEADERSHIP_READINESS").withMatching(mode, capacity));
        ProgramView program = programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
        enrolling.enrol(org.id(), program.id(), Enrol.mentor(person("m0"), capacity));
        for (int i = 0; ; i++) {
            var mentee = people.findByEmail(org.id(), "e%03d@tables.test".formatted(i));
            if (mentee.isEmpty()) {
                return program;
            }
            enrolling.enrol(
                    org.id(), program.id(), Enrol.mentee(mentee.get().id(), List.of("Leadership")));
        }
    }

    private PersonId person(String local) {
        return people.findByEmail(org.id(), local + "@tables.test").orElseThrow().id();
    }

    private String html(String uri) throws Exception {
        return mvc.get().uri(uri).with(hr).exchange().getResponse().getContentAsString();
    }

    private JsonNode api(String uri) throws Exception {
        String body =
                mvc.get()
                        .uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange()
                        .getResponse()
                        .getContentAsString();
        return json.readTree(body);
    }

    private List<String> walk(int pages, IntFunction<String> uri, Pattern row) throws Exception {
        return walk(pages, uri, row, html -> html);
    }

    private List<String> walk(
            int pages,
            IntFunction<String> uri,
            Pattern row,
            java.util.function.UnaryOperator<String> part)
            throws Exception {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            seen.addAll(all(row, part.apply(html(uri.apply(page)))));
        }
        return seen;
    }

    /** The HTML of the section headed by {@code heading}, up to the section's end. */
    private static String section(String html, String heading) {
        int start = html.indexOf("id=\"" + heading + "\"");
        assertThat(start).as(heading).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
