package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Everyone in the HR file gets in: an admin imports five people and sends them activations, one of
 * them sets a password from the mail (read from a real SMTP server), signs in and answers an
 * invitation from the home page; on a desktop and on a phone, axe-core checking every page. Its own
 * context, since it needs SMTP; closed after the class so its mail poller stops.
 */
@TandemIntegrationTest
@Tag("browser")
@TestPropertySource(properties = "tandem.mail.poll=PT0.2S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccountsJourneyBrowserTests extends BrowserJourney {

    private static final ServerSetup SMTP = ServerSetupTest.SMTP.port(freePort());
    private static final Pattern LINK =
            Pattern.compile("https?://\\S+(/account/activate\\?token=\\S+)");

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
        // This journey makes its own organisation: without the demo, no demo mail queues ahead.
        registry.add("tandem.demo", () -> "false");
    }

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void leaveOtherTestsMailAlone() {
        // The database is shared with the main context, whose tests queue hundreds of mails: this
        // context's poller would send all of them before the activation mail.
        jdbc.sql(
                        "update outbox_mail set status = 'FAILED', last_error = 'another test''s mail'"
                                + " where status = 'PENDING'")
                .update();
    }

    @Autowired IdentityManagement identity;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired ProgramInvitations invitations;
    @Autowired PeopleManagement people;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void anImportedPersonActivatesFromTheMailAndAnswersAnInvitationFromHome(int width) {
        page.setViewportSize(width, 900);
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId org = identity.ensureOrganisation("journey-" + run, "Journey " + run);
        String admin = "hr-" + run + "@journey.example";
        identity.ensureAccount(org, admin, "Hana Reyes", PASSWORD, Role.ADMIN);
        String ada = "ada-" + run + "@journey.example";

        // 1. The admin imports five people and sends them activation mails.
        signIn(admin);
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Welcome, Hana Reyes")))
                .isVisible();
        assertThat(page.getByText("No program yet")).isVisible();
        accessibleAndNoSidewaysScroll();
        link("Import people").first().click();
        StringBuilder csv =
                new StringBuilder("employee_id,email,first_name,last_name,division,languages\n");
        String[] names = {"Ada", "Ben", "Cleo", "Dev", "Eli"};
        for (String name : names) {
            csv.append(name)
                    .append(run)
                    .append(',')
                    .append(name.toLowerCase())
                    .append('-')
                    .append(run)
                    .append("@journey.example,")
                    .append(name)
                    .append(",Lovelace,")
                    .append(name.equals("Ben") ? "Healthcare" : "Energy")
                    .append(",English\n");
        }
        page.getByLabel("CSV file")
                .setInputFiles(
                        new FilePayload(
                                "people.csv",
                                "text/csv",
                                csv.toString().getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.locator("#outcome")).containsText("5 created");

        page.navigate(url("/"));
        link("Who can sign in").click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Who can sign in")))
                .isVisible();
        assertThat(page.locator("main"))
                .containsText("0 can sign in; 5 active people cannot sign in yet");
        accessibleAndNoSidewaysScroll();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName(
                                        "Send an activation mail to the 5 people who cannot sign in yet"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS))
                .containsText("5 activation mails are on their way");
        assertThat(page.locator("main")).containsText("(5 of them have an activation mail)");
        accessibleAndNoSidewaysScroll();

        // The admin invites Ada to a program (the program's own journey covers the page).
        ProgramView program =
                programs.create(
                        org,
                        new ProgramDraft(
                                "Energy exchange " + run,
                                "CROSS_DIVISIONAL",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                MatchingMode.SELF,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        programs.moveTo(org, program.id(), ProgramStatus.ENROLLING);
        invitations.inviteEmails(org, program.id(), List.of(ada), EnrolmentRole.MENTEE);
        PersonId ben =
                people.findByEmail(org, "ben-" + run + "@journey.example").orElseThrow().id();
        enrolling.enrol(org, program.id(), Enrol.of(ben, EnrolmentRole.MENTOR));
        signOut();

        // 2. Ada activates her account from the mail.
        String link =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> activationLink(ada), l -> l != null);
        page.navigate(url(link));
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName("Welcome to Tandem: choose your password")))
                .isVisible();
        accessibleAndNoSidewaysScroll();
        page.getByLabel("New password").fill("password1234");
        page.getByLabel("Type the password again").fill("password1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();
        assertThat(page.locator("#password-error"))
                .containsText("one of the passwords people try first");
        accessibleAndNoSidewaysScroll();
        page.getByLabel("New password").fill(PASSWORD + " for ada");
        page.getByLabel("Type the password again").fill(PASSWORD + " for ada");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/login\\?activated"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your account is ready");
        accessibleAndNoSidewaysScroll();

        // 3. She signs in and answers the invitation from her home page.
        page.getByLabel("E-mail").fill(ada);
        page.getByLabel("Password").fill(PASSWORD + " for ada");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Invitations to answer (1)")))
                .isVisible();
        accessibleAndNoSidewaysScroll();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Accept and enrol in " + program.name()))
                .click();
        assertThat(page).hasURL(Pattern.compile("/programs/" + program.id() + "/enrol"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol")).click();
        assertThat(page).hasURL(url("/programs/" + program.id()));
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("You are enrolled");

        // 4. She finds a mentor, as in the self-match journey.
        link("Find a mentor").click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName("Find a mentor in " + program.name())))
                .isVisible();
        Locator mentor =
                page.getByRole(
                        AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Ben Lovelace"));
        Browser.assertAccessible(page);
        mentor.getByLabel("Your message to Ben Lovelace").fill("I would like to learn Healthcare.");
        mentor.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Ask Ben Lovelace to mentor you"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("Your request has been sent to Ben Lovelace");

        page.navigate(url("/"));
        assertThat(page.locator("main")).containsText("Nothing waits for you right now");
        assertThat(page.locator("main"))
                .containsText("You asked Ben Lovelace to mentor you in " + program.name());
        accessibleAndNoSidewaysScroll();
    }

    /** A visible link with this name; on a phone, found in the navigation menu if need be. */
    private Locator link(String name) {
        Locator visible =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))
                        .filter(new Locator.FilterOptions().setVisible(true));
        Locator menu = page.locator(".nav-phone summary");
        if (visible.count() == 0 && menu.isVisible()) {
            menu.click();
        }
        return visible;
    }

    private void accessibleAndNoSidewaysScroll() {
        Browser.assertAccessible(page);
        Object overflow =
                page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("sideways scroll on %s", page.url())
                .isLessThanOrEqualTo(0);
    }

    private static String activationLink(String recipient) throws Exception {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                Matcher m = LINK.matcher(String.valueOf(message.getContent()));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
