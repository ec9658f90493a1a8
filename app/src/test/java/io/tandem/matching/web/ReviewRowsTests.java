package io.tandem.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.matching.MatchRunId;
import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The review's pair rows, written without the template: escaped, explained, with their forms. */
class ReviewRowsTests {

    private final ReviewRows rows = new ReviewRows(TestMessages.source());
    private final MatchRunId run = new MatchRunId(UUID.randomUUID());
    private final DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t\"<k>");

    @Test
    void aPairUnderReviewShowsBothPeopleEscapedItsReasonsAndItsFormsWithTheToken() {
        ReviewRows.Row row = row(person("Eve <img>", "R&D"), person("Max Mentor", null), false);

        String html =
                rows.html(List.of(row), ReviewRows.Table.of(run, false, "", Locale.ENGLISH, csrf));

        assertThat(html)
                .contains(">Eve &lt;img&gt;</a>")
                .contains("R&amp;D · London · Europe/London")
                .contains(
                        ">Max Mentor</a><div class=\"muted small\"> · London · Europe/London</div>")
                .contains("<td>42</td>")
                .contains("<span>Skills</span>")
                .contains("aria-label=\"Skills: 30 of 40 points\"")
                .contains("max=\"40\" value=\"30\"")
                .contains("12/12")
                .doesNotContain("Level gap")
                .contains("action=\"/match-runs/" + run.value() + "/locks\"")
                .contains("action=\"/match-runs/" + run.value() + "/removals\"")
                .contains("name=\"_csrf\" value=\"t&quot;&lt;k&gt;\"")
                .contains("aria-label=\"Lock the pair of Eve &lt;img&gt;\">Lock</button>")
                .contains("aria-label=\"Remove the pair of Eve &lt;img&gt;\">Remove</button>")
                .doesNotContain("<img>")
                .doesNotContain("null");
    }

    @Test
    void aLockedPairOffersToUnlockAndAPublishedRunOffersNoForms() {
        ReviewRows.Row locked =
                row(person("Eve Early", "Retail"), person("Max Mentor", "Digital"), true);

        String review =
                rows.html(
                        List.of(locked), ReviewRows.Table.of(run, false, "", Locale.ENGLISH, csrf));
        String published =
                rows.html(
                        List.of(locked), ReviewRows.Table.of(run, true, "", Locale.ENGLISH, csrf));

        assertThat(review)
                .contains("<span class=\"badge\">locked</span>")
                .contains("name=\"locked\" value=\"false\"")
                .contains("aria-label=\"Unlock the pair of Eve Early\">Unlock</button>");
        assertThat(published)
                .contains("<span class=\"badge\">locked</span>")
                .endsWith("<td></td></tr>\n")
                .doesNotContain("<form")
                .doesNotContain("_csrf");
    }

    private static ReviewRows.Row row(PersonSummary mentee, PersonSummary mentor, boolean locked) {
        return new ReviewRows.Row(
                new Proposal(
                        mentee.id(),
                        mentor.id(),
                        42,
                        List.of(
                                new Contribution("SKILLS", 40, 0.75, 30),
                                new Contribution("LANGUAGE", 12, 1.0, 12),
                                new Contribution("LEVEL_GAP", 0, 0.0, 0)),
                        locked,
                        false),
                mentee,
                mentor);
    }

    static PersonSummary person(String name, String division) {
        String[] parts = name.split(" ", 2);
        return new PersonSummary(
                new PersonId(UUID.randomUUID()),
                "E1",
                "someone@acme.test",
                parts[0],
                parts.length > 1 ? parts[1] : "",
                null,
                3,
                division,
                "Sales",
                "London",
                "Europe/London",
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null);
    }
}
