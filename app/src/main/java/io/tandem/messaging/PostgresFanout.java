package io.tandem.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several instances on one PostgreSQL: {@code NOTIFY} in the writing transaction (PostgreSQL
 * delivers it on commit, and never for a rollback), and one dedicated connection per instance
 * listening on the channel. When that connection breaks (the database restarts), it reconnects and
 * every open stream catches up from the database, so nothing is missed meanwhile.
 */
class PostgresFanout implements Fanout, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresFanout.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Streams streams;
    private final String channel;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread listener;

    PostgresFanout(JdbcClient jdbc, DataSource dataSource, Streams streams, String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("tandem.messaging.channel: not a channel name");
        }
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.streams = streams;
        this.channel = channel;
    }

    @Override
    public void announce(UUID conversation) {
        jdbc.sql("select pg_notify(?, ?)").params(channel, conversation.toString()).query(rs -> {});
    }

    /** Whether this instance is listening now (for tests and health). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "messaging-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 250;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                backoff = 250;
                // Anything committed while nobody listened is read now.
                streams.resync();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            streams.changed(UUID.fromString(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Messaging listener lost its connection; retrying: {}", e.toString());
                }
            } finally {
                listening = false;
                connection = null;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 5_000);
        }
    }

    /** A connection of its own, outside the pool, so the listener never starves the requests. */
    private Connection open() throws SQLException {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
            Connection c =
                    java.sql.DriverManager.getConnection(
                            hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
            c.setAutoCommit(true);
            return c;
        }
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }
}
