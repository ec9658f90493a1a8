package io.tandem.messaging;

import java.io.IOException;

/** Where a person's unread count goes when it changes; see {@link MessageSink}. */
public interface UnreadSink {

    void unread(long total) throws IOException;

    default void heartbeat() throws IOException {}

    default void end() {}
}
