package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.IdentityManagement;
import io.tandem.notifications.NotificationManagement;
import io.tandem.notifications.OutboxMailView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/** With tandem.accounts.activate-on-import, the import itself mails the people it creates. */
@TandemIntegrationTest
class ActivateOnImportIntegrationTests {

    @Autowired TestOrganisations organisations;
    @Autowired People people;
    @Autowired DirectoryIndex index;
    @Autowired WorkingWeeks weeks;
    @Autowired MessageSource messages;
    @Autowired IdentityManagement identity;
    @Autowired NotificationManagement notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired PersonHistory history;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    @Test
    void everyActivePersonTheImportCreatesGetsAnActivationMailAndNobodyElse() {
        TestOrganisation org = organisations.create();
        // Accounts outlive a run on PostgreSQL, and an e-mail signs in to one organisation only.
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        // The same management as the application's, with the setting on.
        PeopleManagement activating =
                new PeopleManagement(
                        people,
                        weeks,
                        index,
                        new KeptPeople(),
                        history,
                        messages,
                        identity,
                        new PeopleProperties("", new PeopleProperties.Accounts(true)),
                        events,
                        java.time.Clock.systemUTC());
        String csv =
                "employee_id,email,first_name,last_name,status\n"
                        + "I1,in1-"
                        + run
                        + "@import.test,Ines,One,ACTIVE\n"
                        + "I2,in2-"
                        + run
                        + "@import.test,Ivan,Two,ACTIVE\n"
                        + "I3,in3-"
                        + run
                        + "@import.test,Iris,Three,INACTIVE\n";
        transactions.executeWithoutResult(
                tx -> activating.importCsv(org.id(), csv.getBytes(StandardCharsets.UTF_8)));
        // A second import of the same file creates nobody, so it mails nobody.
        transactions.executeWithoutResult(
                tx -> activating.importCsv(org.id(), csv.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                notifications
                                                        .outbox(org.id(), PageQuery.of(0, 50))
                                                        .items())
                                        .extracting(OutboxMailView::recipient)
                                        .containsExactlyInAnyOrder(
                                                "in1-" + run + "@import.test",
                                                "in2-" + run + "@import.test"));
        assertThat(notifications.outbox(org.id(), PageQuery.of(0, 50)).items())
                .allSatisfy(mail -> assertThat(mail.text()).contains("/account/activate?token="));
    }
}
