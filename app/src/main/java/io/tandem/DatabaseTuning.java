package io.tandem;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, JDBC batches (a match run's thousands of proposals, a publish's mentorships) go as
 * multi-row inserts instead of one statement per row ({@code reWriteBatchedInserts}), whatever
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
}
