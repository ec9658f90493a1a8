package io.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.people.PeopleManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TandemIntegrationTest
class InvitationMailsIntegrationTests {

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired ProgramInvitations invitations;
    @Autowired NotificationManagement notifications;

    @Test
    void everyoneInvitedGetsAMailWithTheLinkToTheProgram() {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name\n"
                                + "A1,ana@acme.test,Ana,Alvarez\n"
                                + "B1,ben@acme.test,Ben,Baker\n")
                        .getBytes(StandardCharsets.UTF_8));
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Tech for Sales", "CROSS_FUNCTIONAL"));

        invitations.inviteEmails(
                org.id(),
                program.id(),
                List.of("ana@acme.test", "ben@acme.test"),
                EnrolmentRole.MENTEE);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                notifications
                                                        .outbox(org.id(), PageQuery.of(0, 10))
                                                        .items())
                                        .hasSize(2)
                                        .allSatisfy(
                                                mail -> {
                                                    assertThat(mail.subject())
                                                            .isEqualTo(
                                                                    "You are invited to Tech for Sales");
                                                    assertThat(mail.text())
                                                            .contains(
                                                                    "as a mentee",
                                                                    "/programs/" + program.id());
                                                })
                                        .extracting(OutboxMailView::recipient)
                                        .containsExactlyInAnyOrder(
                                                "ana@acme.test", "ben@acme.test"));
    }
}
