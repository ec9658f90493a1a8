package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin connects their organisation to its identity provider (a real OpenID Connect server in
 * the test), signs out, signs in with "Sign in with <company>", checks the audit log, and signs out
 * again: RP-initiated logout passes through the provider and ends the Tandem session. axe-core
 * checks every page on the way.
 */
@TandemIntegrationTest
@Tag("browser")
class SsoJourneyBrowserTests extends BrowserJourney {

    static final String CLIENT_ID = "tandem-browser";
    static MockOAuth2Server idp;

    @Autowired IdentityManagement identity;

    @BeforeAll
    static void startIdentityProvider() {
        idp = new MockOAuth2Server();
        idp.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        // Not started when the browser journey was skipped before it (no Chromium or axe here).
        if (idp != null) {
            idp.shutdown();
        }
    }

    @Test
    void anAdminConnectsTheCompanyProviderAndSignsInAndOutThroughIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String company = "Fabrikam " + run;
        OrganisationId org = identity.ensureOrganisation("sso-" + run, company);
        String admin = "it-" + run + "@fabrikam.example";
        identity.ensureAccount(org, admin, "Ines Torres", PASSWORD, Role.ADMIN);

        signIn(admin);
        page.navigate(url("/admin/sso"));
        page.locator("input[name=enabled]").check();
        page.locator("#sso-issuer").fill(idp.issuerUrl("default").toString());
        page.locator("#sso-client-id").fill(CLIENT_ID);
        page.locator("#sso-secret").fill("browser-secret");
        page.locator("#sso-claim").fill("email");
        page.locator("input[name=passwordSignIn]").check();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Single sign-on settings saved.")).isVisible();
        Browser.assertAccessible(page);
        signOut();

        // The provider vouches for the admin's verified e-mail.
        idp.enqueueCallback(
                new DefaultOAuth2TokenCallback(
                        "default",
                        "sub-" + run,
                        "JWT",
                        List.of(CLIENT_ID),
                        Map.of("email", admin, "email_verified", true),
                        3600));
        page.navigate(url("/login"));
        Browser.assertAccessible(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in with " + company))
                .click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByText("Ines Torres").first()).isVisible();
        Browser.assertAccessible(page);

        page.navigate(url("/admin/audit"));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Check the log has not been changed"))
                .click();
        assertThat(page.getByText(Pattern.compile("The log is whole: \\d+ entries checked")))
                .isVisible();
        assertThat(
                        page.getByRole(
                                        AriaRole.CELL,
                                        new Page.GetByRoleOptions()
                                                .setName("Changed single sign-on settings"))
                                .first())
                .isVisible();
        Browser.assertAccessible(page);

        // RP-initiated logout: through the provider's end-session endpoint and back.
        signOut();
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile("/login"));
        page.navigate(url("/admin/audit"));
        assertThat(page).hasURL(Pattern.compile("/login"));
    }
}
