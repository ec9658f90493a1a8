package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The review's "pair by hand" form on a program of 300 people: a page of each side, a search that
 * reaches anyone beyond it, and the refusals a hand-made pair always had, each beside its field.
 */
@TandemIntegrationTest
class MatchRunPairByHandIntegrationTests {

    private static final int SHOWN = 20;

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MatchingManagement matching;
    @Autowired SampleRuns runs;

    /** A run under review of 300 people (one in six a mentor of two places): many left over. */
    private record Review(
            TestOrganisation org,
            ProgramView program,
            MatchRunView run,
            Map<PersonId, PersonSummary> everyone) {

        String uri() {
            return "/match-runs/" + run.id();
        }

        /** The mentees left over, in the name order the form lists them. */
        List<PersonSummary> unmatched() {
            return run.unmatched().stream()
                    .map(u -> everyone.get(u.menteeId()))
                    .sorted(
                            Comparator.comparing(PersonSummary::lastName)
                                    .thenComparing(PersonSummary::firstName))
                    .toList();
        }

        RequestPostProcessor manager() {
            return TestOrganisations.signedIn(org.id(), "hr@hand.test", Role.ADMIN);
        }
    }

    @Test
    void theFormOffersAPageOfEachSideAndASearchFindsAnyoneBeyondIt() throws Exception {
        Review review = review();
        List<PersonSummary> left = review.unmatched();
        assertThat(left).hasSizeGreaterThan(SHOWN * 2);

        String html = page(review, review.uri());
        assertThat(options(html, "assign-mentee")).hasSize(SHOWN);
        assertThat(options(html, "assign-mentor")).hasSize(SHOWN);
        assertThat(html).contains("The first 20 of " + left.size() + ", in name order");
        assertThat(html).contains("The first 20 of 50, in name order");
        assertThat(html)
                .contains("<label for=\"find-mentee\"")
                .contains("<label for=\"assign-mentor\"");

        PersonSummary mentee = left.get(left.size() - 1);
        PersonSummary mentor = mentors(review).get(49);
        assertThat(options(html, "assign-mentee")).doesNotContain(id(mentee));
        assertThat(options(html, "assign-mentor")).doesNotContain(id(mentor));

        String found =
                page(
                        review,
                        review.uri() + "?findMentee={mentee}&findMentor={mentor}",
                        mentee.email().toUpperCase(),
                        mentor.firstName() + " " + mentor.lastName());
        assertThat(options(found, "assign-mentee")).containsExactly(id(mentee));
        assertThat(options(found, "assign-mentor"))
                .contains(id(mentor))
                .hasSizeLessThanOrEqualTo(SHOWN);
        // The search is carried by the pair's form, so a refusal comes back to what was found.
        assertThat(found)
                .contains("name=\"findMentee\" value=\"" + mentee.email().toUpperCase() + "\"");

        String nobody = page(review, review.uri() + "?findMentee={q}", "\"><script>x");
        assertThat(options(nobody, "assign-mentee")).isEmpty();
        assertThat(nobody)
                .contains("Nobody matches “&quot;&gt;&lt;script&gt;x”; search again.")
                .doesNotContain("\"><script>");
    }

    @Test
    void aPairFoundBySearchIsMadeByHandAndLocked() throws Exception {
        Review review = review();
        // A pair the run proposed, removed: the mentor has a place, and the pair scores enough.
        MatchRunView.Proposal removed = review.run().proposals().get(0);
        matching.remove(review.org().id(), review.run().id(), removed.menteeId());
        PersonSummary mentee = review.everyone().get(removed.menteeId());
        PersonSummary mentor = review.everyone().get(removed.mentorId());

        assertThat(assign(review, id(mentee), id(mentor), "findMentee", mentee.email()))
                .hasRedirectedUrl(review.uri())
                .flash()
                .containsEntry("notice", "match.assigned");
        MatchRunView.Proposal made =
                matching.run(review.org().id(), review.run().id()).proposals().stream()
                        .filter(p -> p.menteeId().equals(mentee.id()))
                        .findFirst()
                        .orElseThrow();
        assertThat(made.mentorId()).isEqualTo(mentor.id());
        assertThat(made.manual()).isTrue();
        assertThat(made.locked()).isTrue();
    }

    @Test
    void whatAHandMadePairRefusedItStillRefusesBesideTheFieldNeverWithAServerError()
            throws Exception {
        Review review = review();
        PersonSummary mentee = review.unmatched().get(0);
        PersonSummary mentor = mentors(review).get(0);
        String back = review.uri() + "?findMentee=" + mentee.firstName() + "#pair-by-hand";

        // Nothing chosen, or a value that is no one's id: the field is named, nothing is made.
        assertThat(assign(review, null, id(mentor), "findMentee", mentee.firstName()))
                .hasRedirectedUrl(back)
                .flash()
                .containsEntry("assignErrors", Map.of("mentee", "Choose the mentee to pair."));
        assertThat(
                        assign(
                                review,
                                id(mentee),
                                "'; drop table person",
                                "findMentee",
                                mentee.firstName()))
                .hasRedirectedUrl(back)
                .flash()
                .containsEntry(
                        "assignErrors", Map.of("mentor", "Choose the mentor to pair them with."));

        // A mentee as the mentor; a mentor already at capacity; another organisation's person.
        assertThat(assign(review, id(mentee), id(review.unmatched().get(1)), null, null))
                .flash()
                .containsEntry(
                        "assignErrors",
                        Map.of("mentor", "This person is not an active mentor of the program."));
        // Which left-over mentee a full mentor could otherwise have depends on the scores: the
        // refusal is asked of each in turn until capacity is the reason.
        PersonSummary full = fullMentor(review, mentee);
        String capacity = "This mentor already has as many mentees as their capacity allows (2).";
        List<String> refusals = new ArrayList<>();
        for (PersonSummary other : review.unmatched()) {
            if (!allowed(other, full) || refusals.contains(capacity)) {
                continue;
            }
            var result = assign(review, id(other), id(full), null, null).exchange();
            assertThat(result).hasRedirectedUrl(review.uri() + "#pair-by-hand");
            @SuppressWarnings("unchecked")
            Map<String, String> errors =
                    (Map<String, String>) result.getMvcResult().getFlashMap().get("assignErrors");
            refusals.add(errors.get("mentor"));
        }
        assertThat(refusals).contains(capacity);
        Review other = review();
        assertThat(assign(review, id(mentee), id(mentors(other).get(0)), null, null))
                .flash()
                .containsEntry(
                        "assignErrors",
                        Map.of("mentor", "This person is not an active mentor of the program."));
        // Another organisation's run is not found at all.
        assertThat(
                        mvc.post()
                                .uri(other.uri() + "/assignments")
                                .param("mentee", id(mentee))
                                .param("mentor", id(mentor))
                                .with(review.manager())
                                .with(csrf()))
                .hasStatus(404);
        assertThat(matching.run(review.org().id(), review.run().id()).proposals())
                .noneMatch(p -> p.menteeId().equals(mentee.id()));

        // The refusal shows beside its field on the review it leads back to, tied to the field
        // for a screen reader.
        var refused = assign(review, id(mentee), null, "findMentee", mentee.firstName()).exchange();
        String html =
                mvc.get()
                        .uri(back.replace("#pair-by-hand", ""))
                        .with(review.manager())
                        .cookie(refused.getResponse().getCookies())
                        .exchange()
                        .getResponse()
                        .getContentAsString();
        assertThat(html)
                .contains(
                        "<select id=\"assign-mentor\" name=\"mentor\"\n          aria-invalid=\"true\"")
                .contains("aria-describedby=\"assign-mentor-error assign-mentor-hint\"")
                .contains(
                        "<p id=\"assign-mentor-error\" class=\"field-error\">Choose the mentor to"
                                + " pair them with.</p>")
                .contains("value=\"" + mentee.firstName() + "\"");
    }

    private MockMvcTester.MockMvcRequestBuilder assign(
            Review review, String mentee, String mentor, String search, String value) {
        var post =
                mvc.post().uri(review.uri() + "/assignments").with(review.manager()).with(csrf());
        if (mentee != null) {
            post = post.param("mentee", mentee);
        }
        if (mentor != null) {
            post = post.param("mentor", mentor);
        }
        if (search != null) {
            post = post.param(search, value);
        }
        return post;
    }

    private String page(Review review, String uri, Object... values) throws Exception {
        return mvc.get()
                .uri(uri, values)
                .with(review.manager())
                .exchange()
                .getResponse()
                .getContentAsString();
    }

    private static final Pattern OPTION = Pattern.compile("<option value=\"([0-9a-f-]{36})\"");

    /** The ids a select of the page offers. */
    private static List<String> options(String html, String select) {
        int start = html.indexOf("id=\"" + select + "\"");
        assertThat(start).as(select).isPositive();
        String body = html.substring(start, html.indexOf("</select>", start));
        List<String> ids = new ArrayList<>();
        Matcher m = OPTION.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String id(PersonSummary person) {
        return person.id().value().toString();
    }

    private List<PersonSummary> mentors(Review review) {
        return enrolling.activeMentors(review.org().id(), review.program().id()).stream()
                .map(review.everyone()::get)
                .sorted(
                        Comparator.comparing(PersonSummary::lastName)
                                .thenComparing(PersonSummary::firstName))
                .toList();
    }

    private Map<PersonId, Long> load(Review review) {
        return matching.run(review.org().id(), review.run().id()).proposals().stream()
                .collect(
                        Collectors.groupingBy(
                                MatchRunView.Proposal::mentorId, Collectors.counting()));
    }

    /** A mentor {@code mentee} may have, but whose two places the run has taken. */
    private PersonSummary fullMentor(Review review, PersonSummary mentee) {
        Map<PersonId, Long> load = load(review);
        return mentors(review).stream()
                .filter(m -> load.getOrDefault(m.id(), 0L) >= 2 && allowed(mentee, m))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Another division and neither in the other's reporting line (in MatchingBench.csv, person i's
     * manager is person i / 8).
     */
    private static boolean allowed(PersonSummary mentee, PersonSummary mentor) {
        int a = Integer.parseInt(mentee.employeeId().substring(1));
        int b = Integer.parseInt(mentor.employeeId().substring(1));
        return !mentee.division().equals(mentor.division()) && !above(a, b) && !above(b, a);
    }

    private static boolean above(int manager, int person) {
        for (int at = person; at > 0; at /= 8) {
            if (at / 8 == manager) {
                return true;
            }
        }
        return false;
    }

    private Review review() {
        TestOrganisation org = organisations.create();
        SampleRuns.SampleRun sample = runs.finished(org.id(), "By hand", 300, 6);
        return new Review(
                org,
                sample.program(),
                sample.run(),
                sample.everyone().stream()
                        .collect(Collectors.toMap(PersonSummary::id, Function.identity())));
    }
}
