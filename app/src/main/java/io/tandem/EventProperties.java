package io.tandem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How event publications that did not complete are delivered again, {@code tandem.events.*} (see
 * {@code docs/configuration.md}).
 *
 * @param resubmission how often one instance looks for incomplete publications
 * @param resubmitAfter how old an incomplete publication must be before it is resubmitted, so that
 *     one still being handled is left alone
 */
@ConfigurationProperties("tandem.events")
record EventProperties(
        @DefaultValue("PT1M") Duration resubmission,
        @DefaultValue("PT1M") Duration resubmitAfter) {}
