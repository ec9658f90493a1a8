package io.tandem.people;

import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleProperties.class)
class PeopleConfiguration {

    @Bean
    DemoMode demoMode(
            PeopleProperties properties, DataSourceProperties settings, DataSource dataSource) {
        return DemoMode.of(properties.demo(), settings.getUrl(), dataSource);
    }
}
