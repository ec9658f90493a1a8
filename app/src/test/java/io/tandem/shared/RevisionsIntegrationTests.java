package io.tandem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tandem.TandemIntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's first write creates its revision row inside the writer's transaction: it needs
 * no second connection, so writers queued on each other cannot run the pool dry (fifty self-match
 * acceptances at once, with every connection held, failed that way), and two first writes racing
 * both count.
 */
@TandemIntegrationTest
class RevisionsIntegrationTests {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    Revisions revisions() {
        return new Revisions(jdbc, transactions, "people_revision");
    }

    @Test
    void oneStatementReadsEachTablesRevisionOfTheOrganisation() {
        Revisions people = revisions();
        Revisions enrolments = new Revisions(jdbc, transactions, "enrolment_revision");
        UUID organisation = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        new TransactionTemplate(transactions)
                .executeWithoutResult(
                        status -> {
                            people.move(organisation);
                            people.move(organisation);
                            enrolments.move(other);
                        });

        assertThat(people.readAll(organisation))
                .containsEntry("people_revision", 2L)
                // An organisation without a row is at revision 0.
                .containsEntry("enrolment_revision", 0L);
        assertThat(enrolments.readAll(other))
                .containsEntry("people_revision", 0L)
                .containsEntry("enrolment_revision", 1L);
    }

    @Test
    void theFirstWriteOfAnOrganisationNeedsNoSecondConnection() throws SQLException {
        Revisions revisions = revisions();
        UUID organisation = UUID.randomUUID();
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> heldByOthers = new ArrayList<>();
        try {
            new TransactionTemplate(transactions)
                    .executeWithoutResult(
                            status -> {
                                // This transaction holds one connection; the others hold the rest.
                                take(poolSize - 1, heldByOthers);
                                revisions.move(organisation);
                            });
        } finally {
            for (Connection connection : heldByOthers) {
                connection.close();
            }
        }
        assertThat(revisions.read(organisation)).isEqualTo(1);
    }

    @Test
    void twoFirstWritesRacingBothCount() throws Exception {
        Revisions revisions = revisions();
        UUID organisation = UUID.randomUUID();
        CountDownLatch firstMoved = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CompletableFuture<Void> first =
                CompletableFuture.runAsync(
                        () ->
                                transaction.executeWithoutResult(
                                        status -> {
                                            revisions.move(organisation);
                                            firstMoved.countDown();
                                            await(commitFirst);
                                        }));
        await(firstMoved);
        // The second finds no committed row, inserts, and waits on the first's uncommitted one.
        CompletableFuture<Void> second =
                CompletableFuture.runAsync(
                        () ->
                                transaction.executeWithoutResult(
                                        status -> revisions.move(organisation)));
        Thread.sleep(300);
        commitFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        assertThat(revisions.read(organisation)).isEqualTo(2);
    }

    private void take(int count, List<Connection> into) {
        try {
            for (int i = 0; i < count; i++) {
                into.add(dataSource.getConnection());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
