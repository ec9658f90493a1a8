package io.tandem.people;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether this instance loads the demo organisation and its programs: {@code tandem.demo=true} or
 * {@code false}, or, left blank, only on the embedded database. Decided once, here, for every
 * module that adds demo data; and every module loads it through {@link #loadAlone}.
 */
public final class DemoMode {

    private final boolean enabled;
    private final DataSource dataSource;

    DemoMode(boolean enabled, DataSource dataSource) {
        this.enabled = enabled;
        this.dataSource = dataSource;
    }

    static DemoMode of(String demo, String databaseUrl, DataSource dataSource) {
        return new DemoMode(
                demo.isBlank()
                        ? databaseUrl != null && databaseUrl.startsWith("jdbc:h2:")
                        : Boolean.parseBoolean(demo.trim()),
                dataSource);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Runs a step of the demo's loading while no other instance runs one. Each step looks at what
     * the demo already holds and writes the rest, so two instances starting together on one
     * database would both find nothing and both write it. The step holds the {@code demo} row of
     * {@code job_lease} locked, on a connection of its own, while its work runs on others: a second
     * instance waits, then finds the demo written. An instance that dies releases the lock with its
     * connection.
     */
    public void loadAlone(Runnable step) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (var statement =
                    lock.prepareStatement(
                            "select name from job_lease where name = 'demo' for update")) {
                statement.executeQuery().close();
                step.run();
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the demo's lock", e);
        }
    }
}
