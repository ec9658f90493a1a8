package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestPairs;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.messaging.DigestRun;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Sam (mentee) and Priya (mentor) talk in two browsers at once: messages arrive live over SSE
 * without a reload, the navigation's unread count moves, Priya corrects her message within 15
 * minutes, Sam reports it and the program team hides it; then Sam goes away and gets one digest
 * mail (read from a real SMTP server) for what Priya wrote meanwhile. axe-core checks every page at
 * desktop and phone widths. Its own context, since it needs SMTP; closed after the class so its
 * mail poller stops.
 */
@TandemIntegrationTest
@Tag("browser")
@TestPropertySource(properties = "tandem.mail.poll=PT0.2S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MessagingJourneyBrowserTests {

    // A port chosen before either Spring or GreenMail starts, so their start order does not matter.
    private static final ServerSetup SMTP = ServerSetupTest.SMTP.port(freePort());

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext application;

    private OrganisationId demo;
    private PersonId samId;
    private Page sam;
    private Page priya;
    private Page alex;
    private MentorshipId pair;
    private String programName;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void samAndPriyaArePaired() {
        demo = identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        programName = "Messaging journey " + UUID.randomUUID().toString().substring(0, 8);
        ProgramView program =
                programs.create(demo, ProgramDraft.of(programName, "CROSS_DIVISIONAL"));
        PersonId priyaId = people.findByEmail(demo, BrowserJourney.MENTOR).orElseThrow().id();
        samId = people.findByEmail(demo, BrowserJourney.MENTEE).orElseThrow().id();
        pair =
                TestPairs.start(
                        programs, enrolling, mentorships, demo, program.id(), samId, priyaId, 70);
        sam = browser.newPage();
        priya = browser.newPage();
        alex = browser.newPage();
        for (Page page : new Page[] {sam, priya, alex}) {
            page.setDefaultTimeout(15_000);
        }
    }

    @AfterEach
    void closePages() {
        for (Page page : new Page[] {sam, priya, alex}) {
            if (page != null) {
                browser.closePage(page);
            }
        }
    }

    @Test
    void twoPeopleTalkLiveCorrectAMessageReportOneAndTheAwayOneGetsADigest() throws Exception {
        signIn(sam, BrowserJourney.MENTEE);
        signIn(priya, BrowserJourney.MENTOR);
        long samUnread = messaging.unread(demo, samId);

        // Priya opens the pair's conversation from the workspace; Sam stays on the home page.
        priya.navigate(url("/mentorships/" + pair));
        link(priya, "Open the conversation").click();
        assertThat(heading(priya, "Conversation with Sam Taylor")).isVisible();
        assertThat(priya.locator("#messages-empty")).isVisible();
        checkBothWidths(priya);
        sam.navigate(url("/"));
        Locator samNav = sam.locator(".nav-wide [sse-swap=unread]");
        assertThat(samNav).hasText(navText(samUnread));
        waitForStream(sam);
        waitForStream(priya);

        // Priya writes; Sam's navigation counts it without a reload.
        messageBox(priya).fill("Hello Sam! My notes: https://example.org/notes");
        button(priya, "Send").click();
        assertThat(priya.locator("#messages")).containsText("Hello Sam!");
        assertThat(priya.locator("#messages a[href='https://example.org/notes']")).isVisible();
        assertThat(messageBox(priya)).hasValue("");
        assertThat(samNav).hasText(navText(samUnread + 1));
        checkBothWidths(sam);

        // Sam opens the conversation: it is read, and the count goes back.
        sam.locator(".nav-wide a[href='/conversations']").click();
        checkBothWidths(sam);
        sam.locator(".inbox li")
                .filter(new Locator.FilterOptions().setHasText(programName))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Priya Raman"))
                .click();
        assertThat(sam.locator("#messages")).containsText("Hello Sam!");
        assertThat(samNav).hasText(navText(samUnread));
        checkBothWidths(sam);
        waitForStream(sam);

        // Sam answers; the answer reaches Priya's open page live, and Sam's own page too.
        messageBox(sam).fill("Thanks Priya, reading them tonight.");
        button(sam, "Send").click();
        assertThat(sam.locator("#messages li.message.mine")).containsText("reading them tonight");
        assertThat(priya.locator("#messages")).containsText("Thanks Priya, reading them tonight.");
        assertThat(priya.locator("#messages li.message")).hasCount(2);
        assertThat(sam.locator("#messages li.message")).hasCount(2);

        // Within 15 minutes Priya corrects her message; Sam sees the correction without a reload.
        Locator priyasFirst = priya.locator("#messages li.message.mine").first();
        priyasFirst
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        assertThat(heading(priya, "Edit your message")).isVisible();
        checkBothWidths(priya);
        messageBox(priya).fill("Hello Sam! My notes are at https://example.org/notes-v2");
        button(priya, "Save").click();
        assertThat(priya.locator("#messages")).containsText("notes-v2");
        Locator samsCopy = sam.locator("#messages li.message").first();
        assertThat(samsCopy).containsText("notes-v2");
        assertThat(samsCopy).containsText("(edited)");
        assertThat(sam.locator("#messages li.message")).hasCount(2);

        // Sam reports Priya's message (from the row that arrived live).
        samsCopy.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report"))
                .click();
        assertThat(sam.getByRole(AriaRole.STATUS).first())
                .containsText("a program manager will look at the message you reported");
        checkBothWidths(sam);

        // The program team sees that one message with its author, and hides it.
        signIn(alex, BrowserJourney.ADMIN);
        alex.navigate(url("/messaging/reports"));
        Locator report =
                alex.locator("article").filter(new Locator.FilterOptions().setHasText("notes-v2"));
        assertThat(report).containsText("Message by Priya Raman");
        assertThat(alex.locator("main")).not().containsText("reading them tonight");
        checkBothWidths(alex);
        report.getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide the message"))
                .click();
        assertThat(alex.getByRole(AriaRole.STATUS).first()).containsText("hidden");
        sam.reload();
        assertThat(sam.locator("#messages li.message").first())
                .containsText("hidden by a program manager");
        assertThat(sam.locator("#messages")).not().containsText("notes-v2");

        // Sam goes away; Priya writes twice more. Once the messages are older than the digest
        // delay (30 minutes), Sam gets one mail for both, not one per message.
        browser.closePage(sam);
        sam = null;
        for (String text : new String[] {"Are you free on Thursday?", "Or Friday morning?"}) {
            messageBox(priya).fill(text);
            button(priya, "Send").click();
            assertThat(priya.locator("#messages")).containsText(text);
            // The row comes by the stream, the fresh form by the post's answer: wait for both,
            // as a person does, before typing the next one.
            assertThat(messageBox(priya)).hasValue("");
        }
        jdbc.sql("update message set created_at = ? where conversation_id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), pair.value())
                .update();
        // The database is shared with other contexts, whose tests queue hundreds of mails (on
        // PostgreSQL, every earlier run's too): this context's poller would send them all first.
        jdbc.sql(
                        "update outbox_mail set status = 'FAILED', last_error = 'another test''s mail'"
                                + " where status = 'PENDING'")
                .update();
        DigestRun.now(application);
        DigestRun.now(application);
        String link = "/conversations/" + pair.value();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !digestsTo(BrowserJourney.MENTEE, link).isEmpty());
        List<MimeMessage> digests = digestsTo(BrowserJourney.MENTEE, link);
        org.assertj.core.api.Assertions.assertThat(digests).hasSize(1);
        MimeMessage digest = digests.get(0);
        String body = String.valueOf(digest.getContent());
        org.assertj.core.api.Assertions.assertThat(digest.getSubject()).contains("unread messages");
        org.assertj.core.api.Assertions.assertThat(body)
                .contains("2 new from Priya Raman: ")
                .contains(link)
                .doesNotContain("Friday morning");
        org.assertj.core.api.Assertions.assertThat(digest.getHeader("List-Unsubscribe-Post"))
                .containsExactly("List-Unsubscribe=One-Click");
        org.assertj.core.api.Assertions.assertThat(digest.getHeader("List-Unsubscribe"))
                .singleElement()
                .asString()
                .contains("/unsubscribe?kind=NEW_MESSAGE");
    }

    /** The digest mails that reached the SMTP server for this person and name the conversation. */
    private static List<MimeMessage> digestsTo(String email, String conversationLink)
            throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)
                    && message.getSubject().contains("unread messages")
                    && String.valueOf(message.getContent()).contains(conversationLink)) {
                found.add(message);
            }
        }
        return found;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The navigation's text for a number of unread messages. */
    private static String navText(long unread) {
        return unread > 0 ? "Messages (" + unread + " new)" : "Messages";
    }

    /**
     * Waits until the page's event streams are open, so that what happens next is delivered live
     * and not by the page having been loaded after it.
     */
    private static void waitForStream(Page page) {
        String states =
                "() => [...document.querySelectorAll('[sse-connect]')].map(e => {"
                        + " const d = e['htmx-internal-data'];"
                        + " return e.tagName + ' ' + e.getAttribute('sse-connect') + ' '"
                        + " + (d && d.sseEventSource ? d.sseEventSource.readyState : 'none'); })";
        try {
            page.waitForFunction(
                    "() => [...document.querySelectorAll('[sse-connect]')].every(e =>"
                            + " e['htmx-internal-data'] && e['htmx-internal-data'].sseEventSource"
                            + " && e['htmx-internal-data'].sseEventSource.readyState === 1)");
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError(
                    "event streams not open on " + page.url() + ": " + page.evaluate(states), e);
        }
    }

    /** axe-core at a desktop width, then at a phone width, then back. */
    static void checkBothWidths(Page page) {
        page.setViewportSize(1400, 900);
        Browser.assertAccessible(page);
        page.setViewportSize(390, 844);
        Browser.assertAccessible(page);
        page.setViewportSize(1400, 900);
    }

    private static Locator messageBox(Page page) {
        return page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(BrowserJourney.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }
}
