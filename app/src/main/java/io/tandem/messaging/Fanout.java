package io.tandem.messaging;

import java.util.UUID;

/**
 * Tells every instance's streams that a conversation changed, once the change is committed. Only
 * the conversation's id travels; each stream reads what changed from the database.
 */
interface Fanout {

    /** Called inside the transaction that made the change. */
    void announce(UUID conversation);
}
