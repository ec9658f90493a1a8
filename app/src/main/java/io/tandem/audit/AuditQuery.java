package io.tandem.audit;

import java.time.Instant;

/**
 * Which entries to list: any part may be {@code null}.
 *
 * @param actor matches the actor's e-mail or token name, in part and in any case
 * @param action matches the action exactly
 */
public record AuditQuery(Instant from, Instant to, String actor, String action) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);
}
