package io.tandem.audit;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: what it records and from whom, that an action and its entry commit together, and
 * that editing or removing an entry in the database is found by the check.
 */
@TandemIntegrationTest
class AuditIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;
    @Autowired ProgramManagement programs;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    TestOrganisation org;

    @BeforeEach
    void anOrganisation() {
        org = organisations.create();
    }

    @Test
    void signInsAndRefusedSignInsAreRecordedWithTheAddress() {
        String email = "audited-" + UUID.randomUUID() + "@audit.test";
        identity.ensureAccount(org.id(), email, "Audited admin", "audit-secret-42", Role.ADMIN);

        assertThat(mvc.perform(formLogin("/login").user(email).password("wrong-password")))
                .hasStatus3xxRedirection();
        assertThat(mvc.perform(formLogin("/login").user(email).password("audit-secret-42")))
                .hasStatus3xxRedirection();

        List<AuditEntry> entries =
                entries(org.id()).stream().filter(e -> e.action().startsWith("SIGN_IN")).toList();
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly("SIGN_IN", "SIGN_IN_FAILED");
        assertThat(entries)
                .allSatisfy(
                        e -> {
                            assertThat(e.actorLabel()).isEqualTo(email);
                            assertThat(e.actorKind()).isEqualTo("ACCOUNT");
                            assertThat(e.address()).isEqualTo("127.0.0.1");
                        });
        assertThat(entries.get(1).detail()).isEqualTo("BadCredentialsException");
    }

    @Test
    void anActionThatRollsBackLeavesNoEntryAndOneThatCommitsLeavesOne() {
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Audited", "CROSS_DIVISIONAL"));
        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(
                    status -> {
                        programs.moveTo(org.id(), program.id(), ProgramStatus.CLOSED);
                        throw new IllegalStateException("changed my mind");
                    });
        } catch (IllegalStateException expected) {
            // The close and its entry went together.
        }
        assertThat(actions(org.id(), "PROGRAM_STATUS"))
                .extracting(AuditEntry::detail)
                .containsExactly("DRAFT->ENROLLING");

        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs/{id}/status", program.id().value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType("application/json")
                                .content("{\"status\":\"CLOSED\"}"))
                .hasStatus2xxSuccessful();
        assertThat(actions(org.id(), "PROGRAM_STATUS"))
                .first()
                .satisfies(
                        e -> {
                            assertThat(e.detail()).isEqualTo("ENROLLING->CLOSED");
                            assertThat(e.actorKind()).isEqualTo("TOKEN");
                            assertThat(e.actorLabel()).isEqualTo("API token test admin");
                            assertThat(e.targetId()).isEqualTo(program.id().value().toString());
                        });
    }

    @Test
    void tokensAndImportsAreRecordedWithCountsOnly() {
        // The same file twice: the second import changes nobody, and is recorded all the same.
        for (int i = 0; i < 2; i++) {
            assertThat(
                            mvc.post()
                                    .uri("/api/v1/people/import")
                                    .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                    .contentType("text/csv")
                                    .content(
                                            "employee_id,email,first_name,last_name\n"
                                                    + "A1,ann@audit.test,Ann,Secret-Surname\n"
                                                    + "B1,bob@audit.test,Bob,Other\n"))
                    .hasStatus2xxSuccessful();
        }
        var token = identity.issueToken(org.id(), "HR sync", Role.ADMIN, "tests");
        identity.revokeToken(org.id(), token.id());

        assertThat(actions(org.id(), "PEOPLE_IMPORTED"))
                .extracting(AuditEntry::detail)
                .containsExactlyInAnyOrder(
                        "created=2; updated=0; unchanged=0", "created=0; updated=0; unchanged=2");
        assertThat(actions(org.id(), "PEOPLE_IMPORTED"))
                .allSatisfy(e -> assertThat(e.actorLabel()).isEqualTo("API token test admin"));
        assertThat(entries(org.id()))
                .noneSatisfy(
                        e -> assertThat(String.valueOf(e.detail())).contains("Secret-Surname"));
        assertThat(actions(org.id(), "TOKEN_ISSUED"))
                .extracting(AuditEntry::detail)
                .contains("name=HR sync; role=ADMIN");
        assertThat(actions(org.id(), "TOKEN_REVOKED"))
                .singleElement()
                .extracting(AuditEntry::targetId)
                .isEqualTo(token.id().toString());
    }

    @Test
    void downloadsOfReportsAndOfTheLogItselfAreRecorded() {
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Reported", "CROSS_DIVISIONAL"));
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report.csv", program.id().value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/audit.csv")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk();

        assertThat(actions(org.id(), "REPORT_EXPORTED"))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.detail()).isEqualTo("report.csv");
                            assertThat(e.targetId()).isEqualTo(program.id().value().toString());
                        });
        assertThat(actions(org.id(), "AUDIT_EXPORTED")).hasSize(1);
    }

    @Test
    void concurrentWritersBuildOneUnbrokenChain() throws Exception {
        long before = log.verify(org.id()).entries();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(
                    pool.submit(
                            () -> {
                                for (int i = 0; i < 25; i++) {
                                    tx.executeWithoutResult(
                                            status -> {
                                                log.record(org.id(), "TEST", "thing", 1, "a");
                                                log.record(org.id(), "TEST", "thing", 2, "b");
                                            });
                                }
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        Verification verification = log.verify(org.id());
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(before + 400);
        assertThat(
                        jdbc.sql(
                                        "select count(distinct seq) from audit_entry where organisation_id = ?")
                                .param(org.id().value())
                                .query(Long.class)
                                .single())
                .isEqualTo(before + 400);
    }

    @Test
    void anEditedEntryARemovedEntryAndAMissingEndAreEachFound() {
        long base = log.verify(org.id()).entries();
        for (int i = 1; i <= 5; i++) {
            log.record(org.id(), "TEST", "thing", i, "entry " + i);
        }
        assertThat(verify()).contains("\"valid\":true", "\"entries\":" + (base + 5));
        AuditEntry third = entry(base + 3);

        jdbc.sql("update audit_entry set detail = 'entry 3, edited' where id = ?")
                .param(third.id())
                .update();
        assertThat(log.verify(org.id())).isEqualTo(new Verification(false, base + 5, third.id()));
        assertThat(verify())
                .contains("\"valid\":false", "\"firstBrokenId\":\"" + third.id() + "\"");

        jdbc.sql("update audit_entry set detail = 'entry 3' where id = ?")
                .param(third.id())
                .update();
        assertThat(log.verify(org.id()).valid()).isTrue();

        AuditEntry second = entry(base + 2);
        String secondDigest =
                jdbc.sql("select actor_label_digest from audit_entry where id = ?")
                        .param(second.id())
                        .query(String.class)
                        .optional()
                        .orElse(null);
        jdbc.sql("delete from audit_entry where id = ?").param(second.id()).update();
        assertThat(log.verify(org.id())).isEqualTo(new Verification(false, base + 4, third.id()));

        // Put it back, then drop the newest: the chain itself is whole, but its end is gone.
        insertBack(second, secondDigest);
        assertThat(log.verify(org.id()).valid()).isTrue();
        jdbc.sql("delete from audit_entry where id = ?").param(entry(base + 5).id()).update();
        assertThat(log.verify(org.id())).isEqualTo(new Verification(false, base + 4, null));
    }

    @Test
    void adminsFilterPageAndDownloadTheLogAndNobodyElseSeesIt() {
        long base = log.verify(org.id()).entries();
        for (int i = 1; i <= 60; i++) {
            log.record(
                    org.id(),
                    i % 2 == 0 ? "EVEN" : "ODD",
                    "thing",
                    i,
                    i == 7 ? "=cmd|' /C calc'!A0" : null);
        }
        var admin = signedIn(org.id(), "admin@audit.test", Role.ADMIN);

        assertThat(
                        mvc.get()
                                .uri("/api/v1/audit?action=EVEN&size=10")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(
                        json -> {
                            json.assertThat().extractingPath("$.total").isEqualTo(30);
                            json.assertThat().extractingPath("$.items.length()").isEqualTo(10);
                            json.assertThat().extractingPath("$.items[0].targetId").isEqualTo("60");
                        });
        assertThat(
                        mvc.get()
                                .uri("/api/v1/audit?from=yesterday")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(422)
                .bodyText()
                .contains("\"field\":\"from\"");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/audit.csv")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyText()
                .startsWith("seq,id,occurred_at")
                .contains("'=cmd|' /C calc'!A0")
                .doesNotContain(",=cmd");
        assertThat(mvc.get().uri("/admin/audit?page=1").with(admin))
                .hasStatusOk()
                .bodyText()
                // The 60 written here and the download of the log just before.
                .contains("Entries (" + (base + 61) + ")")
                .contains("Page 2 of 2");
        assertThat(mvc.get().uri("/admin/audit?to=not-a-date").with(admin))
                .hasStatus(422)
                .bodyText()
                .contains("Enter a date as 2026-12-31.");
        assertThat(mvc.post().uri("/admin/audit/verify").with(admin).with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .containsEntry("verification", new Verification(true, base + 61, null));
        assertThat(
                        mvc.get()
                                .uri("/admin/audit")
                                .with(signedIn(org.id(), "e@audit.test", Role.EMPLOYEE)))
                .hasStatus(403);
        assertThat(
                        mvc.get()
                                .uri("/admin/audit")
                                .with(signedIn(org.id(), "pm@audit.test", Role.PROGRAM_MANAGER)))
                .hasStatus(403);
        // Another organisation's admin sees only their own log: their token's creation.
        TestOrganisation other = organisations.create();
        assertThat(mvc.get().uri("/api/v1/audit").header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(
                        json -> {
                            json.assertThat().extractingPath("$.total").isEqualTo(1);
                            json.assertThat()
                                    .extractingPath("$.items[0].action")
                                    .isEqualTo("TOKEN_ISSUED");
                        });
    }

    private String verify() {
        return new String(
                mvc.post()
                        .uri("/api/v1/audit/verify")
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray());
    }

    private List<AuditEntry> entries(OrganisationId organisation) {
        return log.find(organisation, AuditQuery.ALL, PageQuery.of(0, 200)).items();
    }

    private List<AuditEntry> actions(OrganisationId organisation, String action) {
        return log.find(
                        organisation,
                        new AuditQuery(null, null, null, action),
                        PageQuery.of(0, 200))
                .items();
    }

    private AuditEntry entry(long seq) {
        return entries(org.id()).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    private void insertBack(AuditEntry e, String labelDigest) {
        new AuditEntries(jdbc).insert(org.id(), labelDigest, e);
    }
}
