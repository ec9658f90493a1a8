package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures count as "the database cannot be reached" (503) rather than a defect (500). */
class DatabaseUnavailableTests {

    @Test
    void aFailedRollbackAfterALostConnectionIsAnOutage() {
        // The shape PostgreSQL gives when the connection breaks inside the session lookup: the
        // rollback fails on the closed connection, and the lost connection is the application
        // exception, not the cause.
        TransactionSystemException rollbackFailed =
                new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new DataAccessResourceFailureException(
                        "PreparedStatementCallback",
                        new SQLException("An I/O error occurred while sending", "08006")));

        assertThat(ErrorResponses.databaseUnavailable(rollbackFailed)).isTrue();
        assertThat(
                        ErrorResponses.databaseUnavailable(
                                new jakarta.servlet.ServletException(rollbackFailed)))
                .isTrue();
    }

    @Test
    void aFailedRollbackAfterADefectIsNot() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DuplicateKeyException("primary key"));

        assertThat(ErrorResponses.databaseUnavailable(rollbackFailed)).isFalse();
        assertThat(ErrorResponses.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aLostConnectionHiddenAsASuppressedFailureIsAnOutage() {
        IllegalStateException closing = new IllegalStateException("close failed");
        closing.addSuppressed(new SQLException("Connection refused", "08001"));

        assertThat(ErrorResponses.databaseUnavailable(closing)).isTrue();
    }
}
