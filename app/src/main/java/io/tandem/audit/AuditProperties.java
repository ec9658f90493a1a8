package io.tandem.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings, {@code tandem.audit.*} (see {@code docs/configuration.md}).
 *
 * @param key the HMAC key the chain is made with ({@code TANDEM_AUDIT_KEY}); blank: plain SHA-256
 */
@ConfigurationProperties("tandem.audit")
record AuditProperties(@DefaultValue("") String key) {}
