package io.tandem.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How an entry's hash is made: SHA-256 over the entry's fields and its predecessor's hash, or, with
 * {@code TANDEM_AUDIT_KEY} set, HMAC-SHA256 with that key, so that someone who can write to the
 * database but does not know the key cannot forge a consistent chain either.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private final byte[] key;

    AuditChain(AuditProperties settings) {
        String key = settings.key();
        this.key = key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the chain hashes in place of an actor's label: a keyed digest, so the label itself (an
     * e-mail) can be replaced when its person is erased and the chain still verifies. Null for no
     * label.
     */
    String labelDigest(String label) {
        return label == null ? null : digest("actor-label:" + label);
    }

    /** The label as the chain sees it: its digest, or the label itself on entries from before. */
    static String chained(String label, String labelDigest) {
        return labelDigest == null ? label : "#" + labelDigest;
    }

    String hash(
            UUID organisation,
            long seq,
            UUID id,
            Instant at,
            String actorKind,
            UUID actorId,
            String actorLabel,
            String action,
            String targetType,
            String targetId,
            String detail,
            String address,
            String previousHash) {
        StringBuilder text = new StringBuilder();
        for (Object field :
                new Object[] {
                    organisation,
                    seq,
                    id,
                    at.getEpochSecond() + "." + at.getNano(),
                    actorKind,
                    actorId,
                    actorLabel,
                    action,
                    targetType,
                    targetId,
                    detail,
                    address,
                    previousHash
                }) {
            // Length-prefixed, so no two different entries read as the same text.
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
        }
        return digest(text.toString());
    }

    private String digest(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
