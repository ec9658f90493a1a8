package io.tandem.messaging;

import java.io.IOException;

/**
 * Where a stream sends what changes: an SSE connection, or a test's list. A sink that throws is
 * dropped. Calls come one at a time and in order, from a writer thread of the stream's own (not
 * always the same thread), so a sink may block without holding up other streams.
 */
public interface StreamSink {

    /** Nothing changed for a while: proves the connection is still there. */
    default void heartbeat() throws IOException {}

    /** The instance is stopping: end the stream, so the client reconnects elsewhere. */
    default void end() {}
}
