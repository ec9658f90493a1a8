package io.tandem.messaging;

import java.util.List;
import java.util.UUID;

/**
 * When each step of a delivery happened on this instance ({@link System#nanoTime()}), so a bench
 * can tell which step a late message spent its time in. Nothing is traced unless a bench sets one.
 */
interface DeliveryTrace {

    DeliveryTrace NONE = new DeliveryTrace() {};

    /** This instance heard that the conversation changed. */
    default void told(UUID conversation, long at) {}

    /** A delivery read these changes of its conversation. */
    default void read(List<MessageView> changes, long started, long done) {}

    /** One stream got one change (rendered and written). */
    default void sent(MessageView change, long started, long done) {}
}
