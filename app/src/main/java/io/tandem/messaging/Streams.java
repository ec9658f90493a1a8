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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * This instance's open streams. Each conversation (and each person's unread count) has a lane: at
 * most one delivery of it runs at a time, on a small pool, so a stream gets its events one at a
 * time and in order while other conversations are served beside it. Each stream remembers the last
 * event it got, and a delivery reads from the database what came after it; news that arrives while
 * a lane is busy only asks it to read once more, so under load one read and one write carry many
 * messages. Being told twice, or too late, therefore costs a query and never a duplicate or a gap.
 */
@Component
class Streams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    private static final int BATCH = 500;

    /** How long a delivery that could not read the database waits before it reads again. */
    static final long RETRY_MILLIS = 1_000;

    private final Conversations conversations;
    private final MessagingProperties properties;
    private final Map<UUID, Set<ConversationStream>> byConversation = new ConcurrentHashMap<>();
    private final Map<PersonId, Set<PersonStream>> byPerson = new ConcurrentHashMap<>();
    private final Map<Object, Lane> lanes = new ConcurrentHashMap<>();
    private ExecutorService dispatcher;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;
    private volatile DeliveryTrace trace = DeliveryTrace.NONE;

    Streams(Conversations conversations, MessagingProperties properties) {
        this.conversations = conversations;
        this.properties = properties;
    }

    /** An open stream of either kind: when it was last written to, and its heartbeat. */
    private abstract static class OpenStream implements Subscription {
        volatile long wrote = System.nanoTime();

        abstract void heartbeat() throws Exception;
    }

    final class ConversationStream extends OpenStream {
        final UUID conversation;
        final MessageSink sink;
        volatile long last;

        ConversationStream(UUID conversation, long last, MessageSink sink) {
            this.conversation = conversation;
            this.last = last;
            this.sink = sink;
        }

        @Override
        void heartbeat() throws Exception {
            sink.heartbeat();
        }

        @Override
        public void close() {
            Set<ConversationStream> streams = byConversation.get(conversation);
            if (streams != null) {
                streams.remove(this);
            }
        }
    }

    final class PersonStream extends OpenStream {
        final OrganisationId organisation;
        final PersonId person;
        final UnreadSink sink;

        PersonStream(OrganisationId organisation, PersonId person, UnreadSink sink) {
            this.organisation = organisation;
            this.person = person;
            this.sink = sink;
        }

        @Override
        void heartbeat() throws Exception {
            sink.heartbeat();
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
        changed(conversation, false);
        return stream;
    }

    Subscription subscribeUnread(OrganisationId organisation, PersonId person, UnreadSink sink) {
        PersonStream stream = new PersonStream(organisation, person, sink);
        byPerson.computeIfAbsent(person, k -> ConcurrentHashMap.newKeySet()).add(stream);
        unreadChanged(person);
        return stream;
    }

    /**
     * The conversation changed (committed): bring its streams and its members' counts up to date.
     */
    void changed(UUID conversation) {
        trace.told(conversation, System.nanoTime());
        changed(conversation, true);
    }

    void trace(DeliveryTrace trace) {
        this.trace = trace;
    }

    private void changed(UUID conversation, boolean counts) {
        if (counts && !byPerson.isEmpty()) {
            request(
                    new MembersKey(conversation),
                    () -> {
                        try {
                            conversations.members(conversation).forEach(this::unreadChanged);
                        } catch (DataAccessException e) {
                            log.debug(
                                    "Messaging streams could not read members of {}",
                                    conversation,
                                    e);
                            later(() -> changed(conversation, true));
                        }
                    });
        }
        if (byConversation.containsKey(conversation)) {
            request(
                    conversation,
                    () -> catchUp(conversation, snapshot(byConversation.get(conversation))));
        }
    }

    private void unreadChanged(PersonId person) {
        if (byPerson.containsKey(person)) {
            request(person, () -> sendUnread(snapshot(byPerson.get(person))));
        }
    }

    /** Notifications may have been missed: every stream reads what it has not seen yet. */
    void resync() {
        byConversation.keySet().forEach(c -> changed(c, false));
        byPerson.keySet().forEach(this::unreadChanged);
    }

    /** A conversation's members, whose counts to send: a lane apart from its messages. */
    private record MembersKey(UUID conversation) {}

    /**
     * One key's deliveries, one at a time. {@code requests} counts the news not yet read: the first
     * makes the lane run, later ones while it runs make it run once more.
     */
    private final class Lane {
        final Object key;
        final AtomicInteger requests = new AtomicInteger();
        volatile Runnable work;

        Lane(Object key) {
            this.key = key;
        }

        void drain() {
            int seen;
            do {
                seen = requests.get();
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Messaging stream delivery failed for {}", key, e);
                }
            } while (requests.addAndGet(-seen) != 0);
        }
    }

    private void request(Object key, Runnable work) {
        if (!running) {
            return;
        }
        // Counted inside the map's lock, so an idle lane is never dropped while it is asked.
        boolean[] start = {false};
        Lane lane =
                lanes.compute(
                        key,
                        (k, existing) -> {
                            Lane l = existing != null ? existing : new Lane(k);
                            l.work = work;
                            start[0] = l.requests.getAndIncrement() == 0;
                            return l;
                        });
        if (start[0]) {
            try {
                dispatcher.execute(lane::drain);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** How many streams of the conversation this instance holds open. */
    int open(UUID conversation) {
        return snapshot(byConversation.get(conversation)).size();
    }

    private void catchUp(UUID conversation, List<ConversationStream> streams) {
        if (streams.isEmpty()) {
            return;
        }
        long from = streams.stream().mapToLong(s -> s.last).min().orElseThrow();
        try {
            List<MessageView> changes;
            do {
                long reading = System.nanoTime();
                changes = conversations.changesAfter(conversation, from, BATCH);
                trace.read(changes, reading, System.nanoTime());
                for (ConversationStream stream : streams) {
                    deliver(stream, changes);
                }
                if (!changes.isEmpty()) {
                    from = changes.get(changes.size() - 1).eventSeq();
                }
            } while (changes.size() == BATCH);
        } catch (DataAccessException e) {
            // The pool is busy or the database away: read again soon, not only on the next change
            // of this conversation (which may never come) or the listener's reconnect.
            log.debug("Messaging streams could not read conversation {}", conversation, e);
            later(() -> changed(conversation, false));
        }
    }

    private void later(Runnable again) {
        try {
            heartbeats.schedule(again, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void deliver(ConversationStream stream, List<MessageView> changes) {
        for (MessageView change : changes) {
            if (change.eventSeq() <= stream.last) {
                continue;
            }
            try {
                long sending = System.nanoTime();
                synchronized (stream) {
                    stream.sink.send(change);
                }
                long sent = System.nanoTime();
                trace.sent(change, sending, sent);
                stream.last = change.eventSeq();
                stream.wrote = sent;
            } catch (Exception e) {
                stream.close();
                return;
            }
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
            later(() -> unreadChanged(first.person));
            return;
        }
        for (PersonStream stream : streams) {
            try {
                synchronized (stream) {
                    stream.sink.unread(total);
                }
                stream.wrote = System.nanoTime();
            } catch (Exception e) {
                stream.close();
            }
        }
    }

    /**
     * Heartbeats go only to streams that were sent nothing for a whole heartbeat, looked for ten
     * times per heartbeat: streams that get messages need none, and the others' comments spread
     * over the period by when each last got something. (Writing to every open stream at one instant
     * made the bench's late messages: two thirds of the slowest hundredth at load 40 were posted in
     * the second of a heartbeat.)
     */
    private void beat(long every) {
        long now = System.nanoTime();
        byConversation.values().forEach(streams -> beat(snapshot(streams), now, every));
        byPerson.values().forEach(streams -> beat(snapshot(streams), now, every));
        byConversation.values().removeIf(Set::isEmpty);
        byPerson.values().removeIf(Set::isEmpty);
        for (Object key : lanes.keySet()) {
            lanes.computeIfPresent(key, (k, lane) -> lane.requests.get() == 0 ? null : lane);
        }
    }

    private static void beat(List<? extends OpenStream> streams, long now, long every) {
        for (OpenStream stream : streams) {
            if (now - stream.wrote < every) {
                continue;
            }
            try {
                synchronized (stream) {
                    stream.heartbeat();
                }
                stream.wrote = now;
            } catch (Exception e) {
                stream.close();
            }
        }
    }

    private static <T> List<T> snapshot(Collection<T> streams) {
        return streams == null ? List.of() : new ArrayList<>(streams);
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        dispatcher =
                Executors.newFixedThreadPool(
                        properties.streamThreads(),
                        r -> {
                            Thread t =
                                    new Thread(r, "messaging-streams-" + threads.incrementAndGet());
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
        long every = properties.heartbeat().toNanos();
        long look = Math.max(TimeUnit.MILLISECONDS.toNanos(50), every / 10);
        heartbeats.scheduleWithFixedDelay(() -> beat(every), look, look, TimeUnit.NANOSECONDS);
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
