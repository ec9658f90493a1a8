package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The review of a run with more pairs than one page holds. */
@TandemIntegrationTest
class MatchRunReviewPagingIntegrationTests {

    private static final Pattern MENTEE_LINK =
            Pattern.compile("<tr>\\s*<td><a href=\"/people/([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired MatchingManagement matching;
    @Autowired SampleRuns runs;

    @Test
    void everyPairOfALargeRunIsOnExactlyOnePageInTheChosenOrder() throws Exception {
        TestOrganisation org = organisations.create();
        MatchRunView run = bigRun(org);
        int pairs = run.proposals().size();
        assertThat(pairs).isGreaterThan(100);

        List<String> seen = new ArrayList<>();
        String uri = "/match-runs/" + run.id() + "?sort=mentee";
        int pages = 0;
        while (uri != null) {
            String html =
                    mvc.get()
                            .uri(uri)
                            .with(TestOrganisations.signedIn(org.id(), "hr@run.test", Role.ADMIN))
                            .exchange()
                            .getResponse()
                            .getContentAsString();
            if (pages == 0) {
                assertThat(html).contains("Showing 1–50 of " + pairs);
            }
            Matcher m = MENTEE_LINK.matcher(html);
            while (m.find()) {
                seen.add(m.group(1));
            }
            Matcher next = NEXT.matcher(html);
            uri = next.find() ? next.group(1).replace("&amp;", "&") : null;
            if (uri != null) {
                assertThat(uri).contains("sort=mentee");
            }
            pages++;
        }
        assertThat(pages).isEqualTo((pairs + 49) / 50);
        assertThat(seen).doesNotHaveDuplicates().hasSize(pairs);
        assertThat(new HashSet<>(seen))
                .isEqualTo(
                        new HashSet<>(
                                run.proposals().stream()
                                        .map(p -> p.menteeId().value().toString())
                                        .toList()));
    }

    /** A finished run of 180 people (a third mentors) in a new organisation: 100+ pairs. */
    private MatchRunView bigRun(TestOrganisation org) {
        return runs.finished(org.id(), "Big run", 180, 3).run();
    }

    @Test
    void theNameFilterKeepsExactlyThePairsWithThatNameAndEachRowExplainsItsScore()
            throws Exception {
        TestOrganisation org = organisations.create();
        MatchRunView run = bigRun(org);
        java.util.Map<io.tandem.people.PersonId, PersonSummary> found =
                people.findAll(
                        org.id(),
                        run.proposals().stream()
                                .flatMap(
                                        p -> java.util.stream.Stream.of(p.menteeId(), p.mentorId()))
                                .toList());
        // A mentee's whole name: it may also be part of other people's names, all of which count.
        String needle = found.get(run.proposals().get(0).menteeId()).name().toLowerCase();
        java.util.Set<String> expected = new HashSet<>();
        for (MatchRunView.Proposal p : run.proposals()) {
            if (found.get(p.menteeId()).name().toLowerCase().contains(needle)
                    || found.get(p.mentorId()).name().toLowerCase().contains(needle)) {
                expected.add(p.menteeId().value().toString());
            }
        }

        String html =
                mvc.get()
                        .uri("/match-runs/{id}?q={q}", run.id(), needle.toUpperCase())
                        .with(TestOrganisations.signedIn(org.id(), "hr@run.test", Role.ADMIN))
                        .exchange()
                        .getResponse()
                        .getContentAsString();

        java.util.Set<String> shown = new HashSet<>();
        Matcher m = MENTEE_LINK.matcher(html);
        while (m.find()) {
            shown.add(m.group(1));
        }
        assertThat(shown).isEqualTo(expected);
        // Every shown pair carries its explanation (one meter per criterion with a weight).
        assertThat(html.split("<ul class=\"why\">", -1)).hasSize(expected.size() + 1);
        assertThat(html).contains("<meter min=\"0\"");
    }

    @Test
    void aPublishedRunsReviewShowsAPersonsNewNameInItsPlaceInTheOrder() throws Exception {
        TestOrganisation org = organisations.create();
        MatchRunView run = bigRun(org);
        matching.publish(org.id(), run.id());
        String uri = "/match-runs/" + run.id() + "?sort=mentee";
        // Seen once before the change, as a manager would have.
        assertThat(firstMentee(review(org, uri))).isNotNull();
        MatchRunView.Proposal last = run.proposals().get(run.proposals().size() - 1);
        PersonSummary mentee = people.get(org.id(), last.menteeId());
        String row =
                mentee.employeeId() + "," + mentee.email() + "," + mentee.firstName() + ",Bench,";
        String csv = MatchingBench.csv(180);
        assertThat(csv).contains(row);
        people.importCsv(
                org.id(),
                csv.replace(row, row.replace(",Bench,", ",Aardvark,"))
                        .getBytes(StandardCharsets.UTF_8));

        String html = review(org, uri);
        // Everyone else is called Bench: the renamed mentee now comes first, under the new name.
        assertThat(firstMentee(html)).isEqualTo(last.menteeId().value().toString());
        assertThat(html).contains(mentee.firstName() + " Aardvark");
    }

    private String review(TestOrganisation org, String uri) throws Exception {
        return mvc.get()
                .uri(uri)
                .with(TestOrganisations.signedIn(org.id(), "hr@run.test", Role.ADMIN))
                .exchange()
                .getResponse()
                .getContentAsString();
    }

    private static String firstMentee(String html) {
        Matcher m = MENTEE_LINK.matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
