package io.tandem.people.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.identity.AccountState;
import io.tandem.identity.Role;
import io.tandem.people.PersonStatus;
import io.tandem.people.PersonSummary;
import io.tandem.people.ReportingLine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A profile's facts and reporting line, written without the template. */
class ProfileHtmlTests {

    private final ProfileHtml profiles = new ProfileHtml(TestMessages.source());

    @Test
    void everythingFromTheProfilesIsEscaped() {
        PersonSummary eve =
                DirectoryRowsTests.person(
                        "<script>x()</script>",
                        "Head of <i>",
                        PersonStatus.ACTIVE,
                        List.of("<b>Java</b>"));
        PersonSummary boss =
                DirectoryRowsTests.person(
                        "Boss\"><img>", "CEO & co", PersonStatus.ACTIVE, List.of());
        PersonSummary report =
                DirectoryRowsTests.person("Rep", "<u>", PersonStatus.ACTIVE, List.of());

        String html =
                profiles.html(
                        eve, new ReportingLine(List.of(boss), List.of(report)), "", Locale.ENGLISH);

        assertThat(html)
                .contains("<strong>&lt;script&gt;x()&lt;/script&gt; Bench</strong>")
                .contains("<span class=\"tag\">&lt;b&gt;Java&lt;/b&gt;</span>")
                .contains(
                        "<a href=\"/people/"
                                + boss.id().value()
                                + "\">Boss&quot;&gt;&lt;img&gt; Bench</a> <span"
                                + " class=\"muted\">CEO &amp; co</span>")
                .contains("<span class=\"muted\">&lt;u&gt;</span>")
                .doesNotContain("<script>")
                .doesNotContain("<img>")
                .doesNotContain("<b>")
                .doesNotContain("<u>");
    }

    @Test
    void showsEveryFactWithItsLabelAndTheReportingLineFromTheTop() {
        PersonSummary eve =
                DirectoryRowsTests.person("Eve", "Engineer", PersonStatus.ACTIVE, List.of());
        PersonSummary top = DirectoryRowsTests.person("Top", "CEO", PersonStatus.ACTIVE, List.of());
        PersonSummary middle =
                DirectoryRowsTests.person("Mid", "VP", PersonStatus.ACTIVE, List.of());

        String html =
                profiles.html(
                        eve,
                        // managers are held from the direct manager up
                        new ReportingLine(List.of(middle, top), List.of()),
                        "",
                        Locale.ENGLISH);

        assertThat(html)
                .contains("<h2 id=\"about\">About</h2>")
                .contains("<dt>E-mail</dt><dd><a href=\"mailto:someone@acme.test\">")
                .contains("<dt>Level</dt><dd>3</dd>")
                .contains("<dt>Work mode</dt><dd>Field</dd>")
                .contains("<dt>Languages</dt><dd>English</dd>")
                .contains("<dt>Division aspired to</dt><dd>—</dd>")
                .contains("<p class=\"bio\">No bio yet.</p>")
                .contains("<h3>Skills offered</h3><p><span>None yet.</span></p>")
                .contains("<h2 id=\"reporting\">Reporting line</h2>")
                .contains("aria-label=\"Managers, from the top of the organisation down\"")
                .containsSubsequence("Top Bench", "Mid Bench", "aria-current=\"page\"")
                .contains("<h3>Direct reports (0)</h3><p>No direct reports.</p>")
                .doesNotContain("null")
                .doesNotContain("??");
    }

    @Test
    void someoneAtTheTopHasNoChain() {
        PersonSummary ceo = DirectoryRowsTests.person("Top", "CEO", PersonStatus.ACTIVE, List.of());

        String html =
                profiles.html(ceo, new ReportingLine(List.of(), List.of()), "", Locale.ENGLISH);

        assertThat(html)
                .contains("<p>At the top of the organisation: no manager.</p>")
                .doesNotContain("class=\"chain\"");
    }

    @Test
    void anAdminSeesWhetherThePersonCanSignInAndChangesTheirRoleThroughATokenedForm() {
        AccountState invited =
                new AccountState(
                        AccountState.Status.INVITED,
                        Instant.parse("2026-12-01T09:30:00Z"),
                        null,
                        Role.PROGRAM_MANAGER);
        String csrf = "<input type=\"hidden\" name=\"_csrf\" value=\"t\">";

        String html = account(new ProfileHtml.AccountBox(invited, true, true, "/app", csrf));

        String action = "/app/people/" + EVE.id().value();
        assertThat(html)
                .contains("an activation mail was sent on 2026-12-01 09:30 UTC")
                .contains(
                        "<form action=\""
                                + action
                                + "/activation\" method=\"post\">"
                                + csrf
                                + "<button type=\"submit\" class=\"secondary\">Send the"
                                + " activation e-mail again</button></form>")
                .contains("<p class=\"alert success\" role=\"status\">Role changed.")
                .contains("<p>Role: Program manager</p>")
                .contains("<form class=\"inline-form\" action=\"" + action + "/role\"")
                .contains("<label for=\"role-select\">Role</label>")
                .contains("<option value=\"PROGRAM_MANAGER\" selected=\"selected\">")
                .contains("<option value=\"ADMIN\">Admin</option>")
                .doesNotContain("??");
    }

    @Test
    void withoutAnAccountTheRoleFormOffersEmployeeAndAProgramManagerGetsNoRoleForm() {
        String admin = account(new ProfileHtml.AccountBox(AccountState.NONE, true, false, "", ""));
        String manager =
                account(new ProfileHtml.AccountBox(AccountState.NONE, false, false, "", ""));

        assertThat(admin)
                .contains("Cannot sign in yet: no activation mail has been sent.")
                .contains(">Send activation e-mail</button>")
                .contains("<option value=\"EMPLOYEE\" selected=\"selected\">")
                .doesNotContain("Role changed")
                .doesNotContain("<p>Role:");
        assertThat(manager).contains("Send activation e-mail").doesNotContain("role-select");
    }

    private static final PersonSummary EVE =
            DirectoryRowsTests.person("Eve", "Engineer", PersonStatus.ACTIVE, List.of());

    private String account(ProfileHtml.AccountBox box) {
        return profiles.account(EVE, box, Locale.ENGLISH);
    }
}
