package io.tandem;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On H2, the statement time limit ({@code spring.jdbc.template.query-timeout}) is the session's own
 * {@code QUERY_TIMEOUT}, set once per connection, instead of {@code Statement.setQueryTimeout} on
 * every statement: H2 runs that as a {@code SET QUERY_TIMEOUT} command, and every {@code SET}
 * empties every connection's cache of parsed statements, so each statement was parsed and planned
 * again (a tenth of a workspace page's CPU time). The limit is the same; only where it is set
 * moved. PostgreSQL keeps {@code setQueryTimeout}, which costs it nothing of the kind.
 *
 * <p>On PostgreSQL, JDBC batches (a match run's thousands of proposals, a publish's mentorships) go
 * as multi-row inserts instead of one statement per row ({@code reWriteBatchedInserts}), whatever
 * {@code TANDEM_DB_URL} says. H2 refuses settings it does not know, so only PostgreSQL gets it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTuning {

    @Bean
    static BeanPostProcessor batchedInsertsOnPostgres() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool
                        && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !pool.getJdbcUrl().contains("reWriteBatchedInserts")) {
                    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }

    @Bean
    static BeanPostProcessor queryTimeoutOnH2(Environment environment) {
        Duration limit =
                environment.getProperty("spring.jdbc.template.query-timeout", Duration.class);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (limit != null && bean instanceof HikariDataSource pool && h2(pool)) {
                    pool.addDataSourceProperty("QUERY_TIMEOUT", String.valueOf(limit.toMillis()));
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (limit != null
                        && bean instanceof JdbcTemplate jdbc
                        && h2(jdbc.getDataSource())) {
                    jdbc.setQueryTimeout(-1);
                }
                return bean;
            }
        };
    }

    private static boolean h2(DataSource dataSource) {
        try {
            return dataSource != null
                    && dataSource.isWrapperFor(HikariDataSource.class)
                    && h2(dataSource.unwrap(HikariDataSource.class));
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean h2(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:");
    }
}
