package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The main pages at phone and desktop widths: no sideways scrolling, nothing out of its card. */
@TandemIntegrationTest
@Tag("browser")
class SmallScreenBrowserTests extends BrowserJourney {

    @Autowired IdentityManagement identity;
    @Autowired ProgramManagement programs;

    private static final int[] WIDTHS = {390, 1400};

    private static final String OVERFLOWS =
            """
            () => {
              const out = [];
              for (const card of document.querySelectorAll('.card')) {
                const box = card.getBoundingClientRect();
                for (const el of card.querySelectorAll('*')) {
                  const r = el.getBoundingClientRect();
                  if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
                    out.push(el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40));
                  }
                }
              }
              return out;
            }
            """;

    // Sign-ins are throttled per account (5 in the tests), and the journeys share the demo
    // accounts: each account signs in once here and walks both widths.
    @Test
    void mainPagesFitTheScreenAndNothingSpillsOutOfItsCard() {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        List<ProgramView> demoPrograms =
                programs.list(demo, true, PageQuery.of(0, 200)).items().stream()
                        .filter(p -> p.status() != ProgramStatus.DRAFT)
                        .toList();
        ProgramView self =
                demoPrograms.stream()
                        .filter(p -> p.matchingMode() == MatchingMode.SELF)
                        .findFirst()
                        .orElseThrow();
        List<String> problems = new ArrayList<>();

        page.setViewportSize(1400, 900);
        signIn(MENTEE);
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            check("/programs/" + self.id() + "/mentors", width, problems);
            for (String path : List.of("/", "/programs", "/requests", "/people", "/mentorships")) {
                check(path, width, problems);
            }
        }
        page.setViewportSize(1400, 900);
        signOut();

        signIn(ADMIN);
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            for (ProgramView program : demoPrograms) {
                check("/programs/" + program.id(), width, problems);
                check("/programs/" + program.id() + "/rules", width, problems);
                check("/programs/" + program.id() + "/matching", width, problems);
            }
            check("/people/import", width, problems);
            check("/admin/outbox", width, problems);
        }

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {390})
    void onAPhoneTheNavigationIsAMenuThatOpensWithoutScript(int width) {
        page.setViewportSize(width, 900);
        signIn(MENTOR);

        assertThat(
                        page.locator(".site-header")
                                .getByRole(
                                        AriaRole.LINK,
                                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                                .setName("Directory")
                                                .setExact(true)))
                .isHidden();
        page.locator(".nav-phone summary").click();

        assertThat(
                        page.locator(".site-header")
                                .getByRole(
                                        AriaRole.LINK,
                                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                                .setName("Directory")
                                                .setExact(true)))
                .isVisible();
        double headerHeight =
                ((Number)
                                page.evaluate(
                                        "() => document.querySelector('.site-header .brand').getBoundingClientRect().height"))
                        .doubleValue();
        assertThat(headerHeight).isLessThan(60);
        Browser.assertAccessible(page);
    }

    private void check(String path, int width, List<String> problems) {
        page.navigate(url(path));
        int scrollWidth =
                ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (scrollWidth > width) {
            problems.add(path + " is " + scrollWidth + " px wide at " + width);
        }
        @SuppressWarnings("unchecked")
        List<String> spilled = (List<String>) page.evaluate(OVERFLOWS);
        spilled.forEach(s -> problems.add(path + " at " + width + ": out of its card: " + s));
        Browser.assertAccessible(page);
    }
}
