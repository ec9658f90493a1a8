package io.tandem.messaging;

import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The embedded database has one instance: tell this instance's streams after the commit. */
class InProcessFanout implements Fanout {

    private final Streams streams;

    InProcessFanout(Streams streams) {
        this.streams = streams;
    }

    @Override
    public void announce(UUID conversation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            streams.changed(conversation);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        streams.changed(conversation);
                    }
                });
    }
}
