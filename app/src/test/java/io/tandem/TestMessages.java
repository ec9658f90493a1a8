package io.tandem;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages.properties, for tests that write page text without Spring. */
public final class TestMessages {

    private TestMessages() {}

    public static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
