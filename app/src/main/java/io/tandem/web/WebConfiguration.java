package io.tandem.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration {

    /** The {@code spring.messages.*} settings, as Spring Boot's own message source reads them. */
    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    /**
     * Spring Boot's message source with those settings, keeping what it has read unless a cache
     * duration says the bundles are to be read again ({@link KeptMessages}).
     */
    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        KeptMessages messages = new KeptMessages(properties.getCacheDuration() == null);
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
            Properties common = new Properties();
            for (Resource resource : properties.getCommonMessages()) {
                try {
                    PropertiesLoaderUtils.fillProperties(common, resource);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + resource, e);
                }
            }
            messages.setCommonMessages(common);
        }
        return messages;
    }
}
