package io.tandem.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The web module's settings, {@code tandem.*} (see {@code docs/configuration.md}); modules read the
 * upload limit from here so that its default is written once.
 *
 * @param baseUrl the address people reach the application at, for links in mail and the log
 * @param imports {@code tandem.import.*}
 */
@ConfigurationProperties("tandem")
public record WebProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue Limits limits,
        @Name("import") @DefaultValue Import imports,
        @DefaultValue Health health) {

    /** {@code tandem.limits.*}: the largest JSON body and form a request may carry. */
    public record Limits(@DefaultValue("1MB") DataSize json, @DefaultValue("1MB") DataSize form) {}

    /** {@code tandem.import.max-bytes}: the largest CSV file an import takes. */
    public record Import(@DefaultValue("20971520") long maxBytes) {}

    /** {@code tandem.health.database-timeout}: readiness answers DOWN after this long. */
    public record Health(@DefaultValue("PT0.8S") Duration databaseTimeout) {}
}
