package io.tandem.people.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PersonId;
import io.tandem.people.PersonStatus;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.shared.Paged;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The directory's rows, written without the template: escaped, linked, marked when inactive. */
class DirectoryRowsTests {

    private final DirectoryRows rows = new DirectoryRows(TestMessages.source());

    @Test
    void everyTextOfARowIsEscapedAndTheNameLinksToTheProfile() {
        PersonSummary eve =
                person(
                        "<script>alert(1)</script>",
                        "R&D \"lead\"",
                        PersonStatus.ACTIVE,
                        List.of("<b>Java</b>"));

        String html = rows.html(List.of(eve), "/ctx", Locale.ENGLISH);

        assertThat(html)
                .startsWith("<tr><td><a href=\"/ctx/people/" + eve.id().value() + "\">")
                .contains(">&lt;script&gt;alert(1)&lt;/script&gt; Bench</a></td>")
                .contains("<td>R&amp;D &quot;lead&quot;</td>")
                .contains("<span class=\"tag\">&lt;b&gt;Java&lt;/b&gt;</span>")
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .doesNotContain("Inactive")
                .endsWith("</td></tr>\n");
    }

    @Test
    void anInactivePersonIsMarkedAndOnlyTheFirstFourSkillsShowWithoutNulls() {
        PersonSummary gone =
                person("Max", null, PersonStatus.INACTIVE, List.of("a", "b", "c", "d", "e"));

        String html = rows.html(List.of(gone), "", Locale.ENGLISH);

        assertThat(html)
                .contains("Max Bench</a> <span class=\"badge muted\">Inactive</span></td>")
                .contains("<span class=\"tag\">d</span>")
                .doesNotContain("<span class=\"tag\">e</span>")
                .contains("<td></td>")
                .doesNotContain("null")
                .doesNotContain("??");
    }

    static PersonSummary person(
            String firstName, String title, PersonStatus status, List<String> skills) {
        return new PersonSummary(
                new PersonId(UUID.randomUUID()),
                "E1",
                "someone@acme.test",
                firstName,
                "Bench",
                title,
                3,
                "Retail",
                "Sales",
                "London",
                "Europe/London",
                WorkMode.FIELD,
                null,
                status,
                List.of("English"),
                skills,
                List.of(),
                null,
                null,
                null);
    }

    @Test
    void thePagerMovesWithEveryGivenFilterEscapedForTheAddressAndTheAttribute() {
        DirectoryQuery query =
                new DirectoryQuery(
                        "R&D \"lead\"+", "Retail", null, null, null, null, WorkMode.REMOTE);
        Paged<String> third = new Paged<>(List.of("a", "b"), 2, 25, 80);

        String pager = rows.pager(third, query, "/app", Locale.ENGLISH);

        String previous =
                "/app/people?q=R%26D%20%22lead%22%2B&amp;division=Retail&amp;workMode=REMOTE&amp;page=1";
        assertThat(pager)
                .startsWith("<nav class=\"pager\" aria-label=\"Pages\">")
                .contains("<p class=\"pager-range\">Showing 51–52 of 80</p>")
                .contains(
                        "<a rel=\"prev\" href=\""
                                + previous
                                + "\" hx-get=\""
                                + previous
                                + "\" hx-target=\"#results\" hx-push-url=\"true\">Previous page</a>")
                .contains("<span>Page 3 of 4</span>")
                .contains(
                        "<a rel=\"next\" href=\"/app/people?q=R%26D%20%22lead%22%2B&amp;division=Retail&amp;workMode=REMOTE&amp;page=3\"")
                .doesNotContain("function=")
                .doesNotContain("\"lead\"");
    }

    @Test
    void oneOrNoPageHasNoPagerAndTheFirstNoPreviousLink() {
        DirectoryQuery any = new DirectoryQuery(null, null, null, null, null, null, null);

        assertThat(rows.pager(new Paged<>(List.of("a"), 0, 25, 1), any, "", Locale.ENGLISH))
                .isEmpty();
        assertThat(rows.pager(new Paged<>(List.of("a"), 0, 25, 30), any, "", Locale.ENGLISH))
                .doesNotContain("rel=\"prev\"")
                .contains("<a rel=\"next\" href=\"/people?page=1\"");
    }
}
