package io.tandem.messaging;

/** An open stream; closing it stops deliveries. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
