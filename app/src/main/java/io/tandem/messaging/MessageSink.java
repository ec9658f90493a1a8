package io.tandem.messaging;

import java.io.IOException;

/** Where a stream sends what changes in a conversation; see {@link StreamSink}. */
public interface MessageSink extends StreamSink {

    void send(MessageView message) throws IOException;
}
