package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * This instance's open streams. Every delivery runs on one dispatcher thread, so a stream gets its
 * events one at a time and in order; each stream remembers the last event it got, and a delivery
 * reads from the database what came after it. Being told twice, or too late, therefore costs a
 * query and never a duplicate or a gap.
 */
@Component
class Streams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    private static final int BATCH = 500;

    private final Conversations conversations;
    private final MessagingProperties properties;
    private final Map<UUID, Set<ConversationStream>> byConversation = new ConcurrentHashMap<>();
    private final Map<PersonId, Set<PersonStream>> byPerson = new ConcurrentHashMap<>();
    private ExecutorService dispatcher;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    Streams(Conversations conversations, MessagingProperties properties) {
        this.conversations = conversations;
        this.properties = properties;
    }

    final class ConversationStream implements Subscription {
        final UUID conversation;
        final MessageSink sink;
        volatile long last;

        ConversationStream(UUID conversation, long last, MessageSink sink) {
            this.conversation = conversation;
            this.last = last;
            this.sink = sink;
        }

        @Override
        public void close() {
            Set<ConversationStream> streams = byConversation.get(conversation);
            if (streams != null) {
                streams.remove(this);
            }
        }
    }

    final class PersonStream implements Subscription {
        final OrganisationId organisation;
        final PersonId person;
        final UnreadSink sink;

        PersonStream(OrganisationId organisation, PersonId person, UnreadSink sink) {
            this.organisation = organisation;
            this.person = person;
            this.sink = sink;
        }

        @Override
        public void close() {
            Set<PersonStream> streams = byPerson.get(person);
            if (streams != null) {
                streams.remove(this);
            }
        }
    }

    Subscription subscribe(UUID conversation, long after, MessageSink sink) {
        ConversationStream stream = new ConversationStream(conversation, after, sink);
        byConversation
                .computeIfAbsent(conversation, k -> ConcurrentHashMap.newKeySet())
                .add(stream);
        run(() -> catchUp(conversation, List.of(stream)));
        return stream;
    }

    Subscription subscribeUnread(OrganisationId organisation, PersonId person, UnreadSink sink) {
        PersonStream stream = new PersonStream(organisation, person, sink);
        byPerson.computeIfAbsent(person, k -> ConcurrentHashMap.newKeySet()).add(stream);
        run(() -> sendUnread(List.of(stream)));
        return stream;
    }

    /**
     * The conversation changed (committed): bring its streams and its members' counts up to date.
     */
    void changed(UUID conversation) {
        run(
                () -> {
                    catchUp(conversation, snapshot(byConversation.get(conversation)));
                    unreadChanged(conversation);
                });
    }

    /** Notifications may have been missed: every stream reads what it has not seen yet. */
    void resync() {
        run(
                () -> {
                    byConversation.forEach((c, streams) -> catchUp(c, snapshot(streams)));
                    byPerson.values().forEach(streams -> sendUnread(snapshot(streams)));
                });
    }

    int open() {
        return byConversation.values().stream().mapToInt(Set::size).sum();
    }

    private void catchUp(UUID conversation, List<ConversationStream> streams) {
        if (streams.isEmpty()) {
            return;
        }
        long from = streams.stream().mapToLong(s -> s.last).min().orElseThrow();
        try {
            List<MessageView> changes;
            do {
                changes = conversations.changesAfter(conversation, from, BATCH);
                for (ConversationStream stream : streams) {
                    deliver(stream, changes);
                }
                if (!changes.isEmpty()) {
                    from = changes.get(changes.size() - 1).eventSeq();
                }
            } while (changes.size() == BATCH);
        } catch (DataAccessException e) {
            // The database is away; the listener's reconnect resyncs every stream.
            log.debug("Messaging streams could not read conversation {}", conversation, e);
        }
    }

    private void deliver(ConversationStream stream, List<MessageView> changes) {
        for (MessageView change : changes) {
            if (change.eventSeq() <= stream.last) {
                continue;
            }
            try {
                stream.sink.send(change);
                stream.last = change.eventSeq();
            } catch (Exception e) {
                stream.close();
                return;
            }
        }
    }

    private void unreadChanged(UUID conversation) {
        if (byPerson.isEmpty()) {
            return;
        }
        try {
            for (PersonId member : conversations.members(conversation)) {
                sendUnread(snapshot(byPerson.get(member)));
            }
        } catch (DataAccessException e) {
            log.debug("Messaging streams could not read members of {}", conversation, e);
        }
    }

    private void sendUnread(List<PersonStream> streams) {
        if (streams.isEmpty()) {
            return;
        }
        PersonStream first = streams.get(0);
        long total;
        try {
            total =
                    conversations.unread(first.organisation, first.person).values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
        } catch (DataAccessException e) {
            return;
        }
        for (PersonStream stream : streams) {
            try {
                stream.sink.unread(total);
            } catch (Exception e) {
                stream.close();
            }
        }
    }

    private void beat() {
        for (Set<ConversationStream> streams : byConversation.values()) {
            for (ConversationStream stream : snapshot(streams)) {
                try {
                    stream.sink.heartbeat();
                } catch (Exception e) {
                    stream.close();
                }
            }
        }
        for (Set<PersonStream> streams : byPerson.values()) {
            for (PersonStream stream : snapshot(streams)) {
                try {
                    stream.sink.heartbeat();
                } catch (Exception e) {
                    stream.close();
                }
            }
        }
        byConversation.values().removeIf(Set::isEmpty);
        byPerson.values().removeIf(Set::isEmpty);
    }

    private void run(Runnable task) {
        if (!running) {
            return;
        }
        try {
            dispatcher.execute(task);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private static <T> List<T> snapshot(Collection<T> streams) {
        return streams == null ? List.of() : new ArrayList<>(streams);
    }

    @Override
    public void start() {
        dispatcher =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "messaging-streams");
                            t.setDaemon(true);
                            return t;
                        });
        heartbeats =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "messaging-heartbeat");
                            t.setDaemon(true);
                            return t;
                        });
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(
                () -> run(this::beat), every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Ends every stream, so browsers reconnect (to another instance) with their Last-Event-ID. */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        dispatcher.shutdownNow();
        byConversation.values().forEach(s -> snapshot(s).forEach(stream -> stream.sink.end()));
        byPerson.values().forEach(s -> snapshot(s).forEach(stream -> stream.sink.end()));
        byConversation.clear();
        byPerson.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
