package io.tandem.audit;

import java.util.UUID;

/**
 * The result of checking an organisation's chain.
 *
 * @param entries how many entries were checked
 * @param firstBrokenId the first entry whose hash, predecessor or place does not fit, or {@code
 *     null} if the chain is whole (or only its end is missing)
 */
public record Verification(boolean valid, long entries, UUID firstBrokenId)
        implements java.io.Serializable {}
