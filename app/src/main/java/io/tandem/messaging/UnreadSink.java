package io.tandem.messaging;

import java.io.IOException;

/** Where a person's unread count goes when it changes; see {@link StreamSink}. */
public interface UnreadSink extends StreamSink {

    void unread(long total) throws IOException;
}
