package io.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.shared.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The outbox page on the main context, which has no SMTP server: mail waits there. */
@TandemIntegrationTest
class OutboxPageIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired NotificationManagement notifications;
    @Autowired MailDelivery delivery;

    @Test
    void adminsReadTheirOrganisationsMailEscapedWithItsLineBreaks() {
        OrganisationId org = organisations.create().id();
        OrganisationId other = organisations.create().id();
        notifications.queueMail(
                org,
                "sam@acme.test",
                "Your <b>mentor</b> is ready",
                "Hello <i>Sam</i>,\nmeet Priya & Co.\n\nTandem");
        notifications.queueMail(other, "someone@other.test", "Other organisation", "Not yours");

        assertThat(mvc.get().uri("/admin/outbox").with(user(org, Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("Your &lt;b&gt;mentor&lt;/b&gt; is ready")
                .doesNotContain("<b>mentor</b>")
                .contains("sam@acme.test")
                .contains("Hello &lt;i&gt;Sam&lt;/i&gt;,<br>meet Priya &amp; Co.<br><br>Tandem")
                .contains("Waiting to be sent")
                .contains("No SMTP server is configured")
                .doesNotContain("Other organisation");
    }

    @Test
    void withoutSmtpMailIsKeptPendingAndNotSent() {
        OrganisationId org = organisations.create().id();
        notifications.queueMail(org, "kept@acme.test", "Kept", "Stays here");

        // A blank spring.mail.host, as application.properties has it, means no SMTP.
        assertThat(notifications.deliversMail()).isFalse();
        assertThat(delivery.deliverPending()).isZero();
        assertThat(notifications.outbox(org, PageQuery.of(0, 10)).items())
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.PENDING));
    }

    @Test
    void employeesAreRefused() {
        OrganisationId org = organisations.create().id();
        assertThat(mvc.get().uri("/admin/outbox").with(user(org, Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/outbox").with(user(org, Role.PROGRAM_MANAGER)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFreshOrganisationSeesTheEmptyState() {
        OrganisationId org = organisations.create().id();
        assertThat(mvc.get().uri("/admin/outbox").with(user(org, Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Outbox</h1>")
                .contains("No mail yet.")
                .doesNotContain("<article");
    }

    @Test
    void mailIsListedNewestFirstAndPagedWithTheFragmentForHtmx() throws Exception {
        OrganisationId org = organisations.create().id();
        for (int i = 1; i <= 21; i++) {
            notifications.queueMail(org, "p" + i + "@acme.test", "Mail number " + i, "Body " + i);
        }

        String first =
                mvc.get()
                        .uri("/admin/outbox")
                        .with(user(org, Role.ADMIN))
                        .exchange()
                        .getResponse()
                        .getContentAsString();
        assertThat(first)
                .contains("21 mails", "Mail number 21", "Mail number 2<", "Page 1 of 2")
                .doesNotContain("Mail number 1<");
        assertThat(first.indexOf("Mail number 21")).isLessThan(first.indexOf("Mail number 20"));

        assertThat(
                        mvc.get()
                                .uri("/admin/outbox?page=1")
                                .header("HX-Request", "true")
                                .with(user(org, Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("Mail number 1<", "Page 2 of 2")
                .doesNotContain("Mail number 2<", "<html", "<h1>");
    }

    @Test
    void queueingRefusesWhatIsNotOneAddressOrHasNoSubjectAndWritesNothing() {
        OrganisationId org = organisations.create().id();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> notifications.queueMail(org, "not an address", "S", "T"));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> notifications.queueMail(org, "a@acme.test, b@acme.test", "S", "T"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> notifications.queueMail(org, "a@acme.test", " \n ", "T"));
        assertThat(notifications.outbox(org, PageQuery.of(0, 10)).total()).isZero();
    }

    private static RequestPostProcessor user(OrganisationId org, Role role) {
        return TestOrganisations.signedIn(org, role.name().toLowerCase() + "@acme.test", role);
    }
}
