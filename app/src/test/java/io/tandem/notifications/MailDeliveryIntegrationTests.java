package io.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery over a real, in-process SMTP server. This is the suite's one extra Spring context (it
 * needs SMTP configured and a fast poll); it is closed after the class so that its poller stops.
 * The database is shared with the main context, so every test only looks at its own recipients.
 */
@TandemIntegrationTest
@TestPropertySource(
        properties = {
            "tandem.mail.poll=PT0.2S",
            "tandem.mail.max-attempts=2",
            "tandem.mail.retry-delay=PT0.1S",
            "tandem.mail.from=tandem@tandem.test"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailDeliveryIntegrationTests {

    // A port chosen before either Spring or GreenMail starts, so their start order does not matter.
    private static final ServerSetup SMTP = ServerSetupTest.SMTP.port(freePort());

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
        // This context delivers over SMTP: without the demo, no demo programs' invitations and
        // pair mails queue ahead of each test's own mail.
        registry.add("tandem.demo", () -> "false");
    }

    @Autowired NotificationManagement notifications;
    @Autowired MailDelivery delivery;
    @Autowired TestOrganisations organisations;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void leaveOtherTestsMailAlone() {
        // The database is shared with the main context, whose tests queue hundreds of mails (a
        // program of 200 pairs published): this context's poller would send all of them first.
        jdbc.sql(
                        "update outbox_mail set status = 'FAILED', last_error = 'another test''s mail'"
                                + " where status = 'PENDING'")
                .update();
    }

    @Test
    void queuedMailIsDeliveredOverSmtpAndMarkedSent() throws Exception {
        OrganisationId org = organisations.create().id();
        String to = unique("sam") + "@acme.test";

        notifications.queueMail(
                org, to, "Welcome to Tandem", "Hello Sam,\n\nyour mentor is Priya.\nTandem");

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(to).size() == 1);
        MimeMessage mail = receivedBy(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("Welcome to Tandem");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("tandem@tandem.test");
        assertThat(
                        Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                .map(Object::toString))
                .containsExactly(to);
        assertThat(GreenMailUtil.getBody(mail).replace("\r\n", "\n"))
                .isEqualTo("Hello Sam,\n\nyour mentor is Priya.\nTandem");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(only(org))
                                        .satisfies(
                                                m -> {
                                                    assertThat(m.status())
                                                            .isEqualTo(MailStatus.SENT);
                                                    assertThat(m.sentAt()).isNotNull();
                                                    assertThat(m.error()).isNull();
                                                }));
    }

    @Test
    void mailQueuedInATransactionThatRollsBackIsNeverSent() throws Exception {
        OrganisationId org = organisations.create().id();
        String rolledBack = unique("rolled-back") + "@acme.test";
        String control = unique("control") + "@acme.test";

        transactions.executeWithoutResult(
                tx -> {
                    notifications.queueMail(org, rolledBack, "Never", "This must never arrive.");
                    tx.setRollbackOnly();
                });
        notifications.queueMail(org, control, "Control", "Queued after the rollback.");

        // Once the later mail has arrived, a pass has run after the rollback: the first would be
        // in.
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(control).size() == 1);
        assertThat(receivedBy(rolledBack)).isEmpty();
        assertThat(notifications.outbox(org, PageQuery.of(0, 10)).items())
                .extracting(OutboxMailView::recipient)
                .containsExactly(control);
    }

    @Test
    void twoDeliveryPassesRacingSendEachMailExactlyOnce() throws Exception {
        OrganisationId org = organisations.create().id();
        String prefix = unique("race");
        int count = 30;
        // One transaction, so every mail becomes pending at the same moment for both passes.
        transactions.executeWithoutResult(
                tx ->
                        IntStream.range(0, count)
                                .forEach(
                                        i ->
                                                notifications.queueMail(
                                                        org,
                                                        prefix + "-" + i + "@acme.test",
                                                        "Race " + i,
                                                        "Mail " + i)));

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> passes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                passes.add(
                        threads.submit(
                                () -> {
                                    start.await();
                                    return delivery.deliverPending();
                                }));
            }
            for (Future<Integer> pass : passes) {
                pass.get();
            }
        } finally {
            threads.shutdown();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                notifications.outbox(org, PageQuery.of(0, 50)).items().stream()
                                        .allMatch(m -> m.status() == MailStatus.SENT));
        // Every mail was claimed once: a second send needs a second claim, which counts an attempt.
        assertThat(
                        jdbc.sql("select attempts from outbox_mail where organisation_id = ?")
                                .param(org.value())
                                .query(Integer.class)
                                .list())
                .hasSize(count)
                .containsOnly(1);
        for (int i = 0; i < count; i++) {
            assertThat(receivedBy(prefix + "-" + i + "@acme.test")).as("mail %d", i).hasSize(1);
        }
    }

    @Test
    void mailThatCannotBeSentIsGivenUpAfterItsAttemptsKeepingTheError() {
        OrganisationId org = organisations.create().id();
        transactions.executeWithoutResult(
                tx -> {
                    notifications.queueMail(org, unique("bad") + "@acme.test", "Bad", "Body");
                    // What queueMail refuses, a row can still hold if it was written some other
                    // way.
                    jdbc.sql("update outbox_mail set recipient = ? where organisation_id = ?")
                            .params("not an address", org.value())
                            .update();
                });

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            OutboxMailView mail = only(org);
                            assertThat(mail.status()).isEqualTo(MailStatus.FAILED);
                            assertThat(mail.error()).contains("address");
                            assertThat(mail.sentAt()).isNull();
                        });
        assertThat(
                        jdbc.sql("select attempts from outbox_mail where organisation_id = ?")
                                .param(org.value())
                                .query(Integer.class)
                                .single())
                .isEqualTo(2);
    }

    @Test
    void mailLeftSendingByAnInstanceThatDiedIsSentByAnother() throws Exception {
        OrganisationId org = organisations.create().id();
        String to = unique("orphan") + "@acme.test";
        transactions.executeWithoutResult(
                tx -> {
                    notifications.queueMail(org, to, "Orphan", "Claimed, then the instance died.");
                    jdbc.sql(
                                    "update outbox_mail set status = 'SENDING', claimed_at = ?,"
                                            + " attempts = 1 where organisation_id = ?")
                            .params(
                                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(6))),
                                    org.value())
                            .update();
                });

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(to).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> only(org).status() == MailStatus.SENT);
    }

    @Test
    void aFreshClaimIsLeftToTheInstanceThatHoldsIt() throws Exception {
        OrganisationId org = organisations.create().id();
        String to = unique("held") + "@acme.test";
        String control = unique("held-control") + "@acme.test";
        transactions.executeWithoutResult(
                tx -> {
                    notifications.queueMail(org, to, "Held", "Another instance is sending this.");
                    jdbc.sql(
                                    "update outbox_mail set status = 'SENDING', claimed_at = ?,"
                                            + " attempts = 1 where organisation_id = ?")
                            .params(Timestamp.from(Instant.now()), org.value())
                            .update();
                });
        notifications.queueMail(org, control, "Control", "Sent by the poll.");

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(control).size() == 1);
        assertThat(receivedBy(to)).isEmpty();
        assertThat(notifications.outbox(org, PageQuery.of(0, 10)).items())
                .filteredOn(m -> m.recipient().equals(to))
                .extracting(OutboxMailView::status)
                .containsExactly(MailStatus.SENDING);
    }

    private OutboxMailView only(OrganisationId org) {
        List<OutboxMailView> mails = notifications.outbox(org, PageQuery.of(0, 10)).items();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> receivedBy(String recipient) throws MessagingException {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            for (var address : message.getAllRecipients()) {
                if (address.toString().equalsIgnoreCase(recipient)) {
                    mine.add(message);
                }
            }
        }
        return mine;
    }

    private static String unique(String name) {
        return name + "-" + java.util.UUID.randomUUID();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
