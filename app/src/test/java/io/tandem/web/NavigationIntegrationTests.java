package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The navigation shows each caller the links their role opens, in the wide bar and in the phone
 * menu alike, now that the layout reads the caller's facts once instead of asking Spring Security
 * per link.
 */
@TandemIntegrationTest
class NavigationIntegrationTests {

    static final List<String> EVERYONE =
            List.of("/programs", "/mentorships", "/requests", "/people", "/notifications");
    static final List<String> PROGRAM_MANAGERS = List.of("/people/import", "/messaging/reports");
    static final List<String> ADMINS =
            List.of(
                    "/admin/tokens",
                    "/admin/sso",
                    "/admin/video",
                    "/admin/outbox",
                    "/engagement",
                    "/admin/audit",
                    "/admin/retention");

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired io.tandem.identity.Navigation navigation;

    TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = organisations.create();
    }

    @Test
    void anEmployeeSeesTheLinksEveryoneHasAndNoManagersOrAdminsLinks() throws Exception {
        String page = page(Role.EMPLOYEE);
        EVERYONE.forEach(link -> assertThat(links(page, link)).as(link).isEqualTo(2));
        PROGRAM_MANAGERS.forEach(link -> assertThat(links(page, link)).as(link).isZero());
        ADMINS.forEach(link -> assertThat(links(page, link)).as(link).isZero());
    }

    @Test
    void aProgramManagerAlsoSeesImportAndReportedMessagesButNoAdminLinks() throws Exception {
        String page = page(Role.PROGRAM_MANAGER);
        EVERYONE.forEach(link -> assertThat(links(page, link)).as(link).isEqualTo(2));
        PROGRAM_MANAGERS.forEach(link -> assertThat(links(page, link)).as(link).isEqualTo(2));
        ADMINS.forEach(link -> assertThat(links(page, link)).as(link).isZero());
    }

    @Test
    void anAdminSeesEveryLink() throws Exception {
        String page = page(Role.ADMIN);
        EVERYONE.forEach(link -> assertThat(links(page, link)).as(link).isEqualTo(2));
        PROGRAM_MANAGERS.forEach(link -> assertThat(links(page, link)).as(link).isEqualTo(2));
        ADMINS.forEach(link -> assertThat(links(page, link)).as(link).isEqualTo(2));
    }

    @Test
    void eachRoleKeepsItsOwnLinksWhicheverRoleWasServedBefore() throws Exception {
        // The fixed links are written once per role set and reused: an admin's must never reach
        // an employee served after them, nor the other way round.
        page(Role.ADMIN);
        String employee = page(Role.EMPLOYEE);
        String adminAgain = page(Role.ADMIN);
        ADMINS.forEach(link -> assertThat(links(employee, link)).as(link).isZero());
        PROGRAM_MANAGERS.forEach(link -> assertThat(links(employee, link)).as(link).isZero());
        ADMINS.forEach(link -> assertThat(links(adminAgain, link)).as(link).isEqualTo(2));
    }

    @Test
    void bothListsSignOutWithThePagesOwnTokenAndCountTheUnreadNotifications() throws Exception {
        String page = page(Role.EMPLOYEE);
        java.util.regex.Matcher meta =
                java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                        .matcher(page);
        assertThat(meta.find()).isTrue();
        String form =
                "<form action=\"/logout\" method=\"post\" class=\"inline\"><input"
                        + " type=\"hidden\" name=\"_csrf\" value=\""
                        + meta.group(1)
                        + "\"/><button type=\"submit\" class=\"link\">Sign out</button></form>";
        assertThat(page.split(java.util.regex.Pattern.quote(form), -1)).hasSize(3);
        assertThat(page).contains("<ul class=\"nav-wide\">", "<ul class=\"nav-list\">");
        assertThat(page.split(">Notifications</a>", -1)).hasSize(3);
    }

    @Test
    void eachCountedLinkSaysItsOwnCountWhateverWasCountedBefore() {
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertThat(navigation.counted("nav.notifications", 3L, en))
                .isEqualTo("Notifications (3 new)");
        assertThat(navigation.counted("nav.messages", 3L, en)).isEqualTo("Messages (3 new)");
        assertThat(navigation.counted("nav.notifications", 4L, en))
                .isEqualTo("Notifications (4 new)");
        assertThat(navigation.counted("nav.notifications", 3L, en))
                .isEqualTo("Notifications (3 new)");
        assertThat(navigation.counted("nav.notifications", 0L, en)).isEqualTo("Notifications");
        assertThat(navigation.counted("nav.notifications", null, en)).isEqualTo("Notifications");
        assertThat(navigation.counted("nav.notifications", 1234L, en))
                .isEqualTo("Notifications (1,234 new)");
    }

    @Test
    void aStrangerSeesNoMenu() throws Exception {
        String page = mvc.get().uri("/login").exchange().getResponse().getContentAsString();
        assertThat(page).doesNotContain("nav-phone").doesNotContain("nav-wide");
        assertThat(links(page, "/programs")).isZero();
    }

    private String page(Role role) throws Exception {
        var result =
                mvc.get()
                        .uri("/notifications")
                        .with(TestOrganisations.signedIn(org.id(), "someone@nav.test", role))
                        .exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static int links(String page, String href) {
        return page.split("href=\"" + href + "\"", -1).length - 1;
    }
}
