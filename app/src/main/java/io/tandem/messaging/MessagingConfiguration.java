package io.tandem.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingConfiguration {

    /** LISTEN/NOTIFY on PostgreSQL; in process on the embedded database (one instance). */
    @Bean
    Fanout messagingFanout(
            DataSource dataSource, JdbcClient jdbc, Streams streams, MessagingProperties properties)
            throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        return "PostgreSQL".equalsIgnoreCase(product)
                ? new PostgresFanout(jdbc, dataSource, streams, properties.channel())
                : new InProcessFanout(streams);
    }

    /** The digest job, every {@code tandem.messaging.digest-poll}, on one instance at a time. */
    @Bean
    com.github.kagkarlsson.scheduler.task.Task<Void> messagingDigestTask(
            Digests digests, MessagingProperties properties) {
        return com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring(
                        "messaging-digest",
                        com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(
                                properties.digestPoll()))
                .execute((instance, context) -> digests.run());
    }
}
