package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.ActivationSummary;
import io.tandem.notifications.NotificationManagement;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Activations for a whole organisation at once: every active person gets exactly one mail. */
@TandemIntegrationTest
class AccountsScaleIntegrationTests {

    private static final int PEOPLE = 1_000;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired NotificationManagement notifications;

    @Test
    void aThousandPeopleActivatedAtOnceGetOneMailEachAndTheListCountsThem() {
        TestOrganisation org = organisations.create();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name,status\n");
        for (int i = 0; i < PEOPLE; i++) {
            csv.append("S")
                    .append(i)
                    .append(",s")
                    .append(i)
                    .append('-')
                    .append(run)
                    .append("@scale.test,Sam,Number")
                    .append(i)
                    .append(',')
                    .append(i % 10 == 0 ? "INACTIVE" : "ACTIVE")
                    .append('\n');
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));

        ActivationSummary sent = people.sendActivations(org.id());
        assertThat(sent.requested()).isEqualTo(900);
        // Asked twice, as a double click would: nobody is activated yet, so each gets a second
        // mail.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> notifications.outbox(org.id(), PageQuery.of(0, 1)).total() == 900);

        AccountsOverview overview = people.accounts(org.id(), true, PageQuery.of(0, 50));
        assertThat(overview.waiting()).isEqualTo(900);
        assertThat(overview.invited()).isEqualTo(900);
        assertThat(overview.inactive()).isEqualTo(100);
        assertThat(overview.page().total()).isEqualTo(900);
        assertThat(overview.page().items()).hasSize(50);
    }
}
