package io.tandem.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened, as the audit trail keeps it.
 *
 * @param seq the entry's place in its organisation's chain, from 1
 * @param actorKind {@code ACCOUNT} (a person signed in), {@code TOKEN} (an API token) or {@code
 *     SYSTEM} (Tandem itself: a scheduled job, an import's consequence)
 * @param actorLabel the account's e-mail or the token's name
 * @param detail counts and settings, never what a pair wrote
 * @param address the client's address as the server saw it
 */
public record AuditEntry(
        UUID id,
        long seq,
        Instant occurredAt,
        String actorKind,
        UUID actorId,
        String actorLabel,
        String action,
        String targetType,
        String targetId,
        String detail,
        String address,
        String previousHash,
        String hash) {}
