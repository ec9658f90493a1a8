package io.tandem.notifications;

import io.tandem.web.WebProperties;
import org.springframework.stereotype.Component;

/** Absolute links for mails, from the address people reach Tandem at ({@code tandem.base-url}). */
@Component
class Links {

    private final String baseUrl;

    Links(WebProperties settings) {
        String baseUrl = settings.baseUrl();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String to(String path) {
        return baseUrl + path;
    }
}
