package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>Lanes never write to a connection themselves: each stream has a queue of its own, written by a
 * writer thread one entry at a time, so a client that stops reading (its TCP buffer full, the write
 * blocked) holds up only its own stream. Such a stream is dropped once one write has been stuck for
 * {@code tandem.messaging.stalled-write}: it is sent nothing more and ended when the write returns,
 * and the client reconnects with the last event it got, missing nothing.
 */
@Component
class Streams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    private static final int BATCH = 500;

    /**
     * Events queued for one stream beyond which a delivery leaves that stream out until it has
     * written them: memory per stream stays bounded while a slow client catches up.
     */
    static final int BACKLOG = BATCH;

    /**
     * Writer threads at most; more run only while writes are blocked (one per stuck stream, until
     * it is dropped and its write fails), others wait for a free one.
     */
    static final int MAX_WRITERS = 256;

    /** How long a delivery that could not read the database waits before it reads again. */
    static final long RETRY_MILLIS = 1_000;

    private final Conversations conversations;
    private final MessagingProperties properties;
    private final LongSupplier nanos;
    private final Map<UUID, Set<ConversationStream>> byConversation = new ConcurrentHashMap<>();
    private final Map<PersonId, Set<PersonStream>> byPerson = new ConcurrentHashMap<>();
    private final Map<Object, Lane> lanes = new ConcurrentHashMap<>();
    private final Queue<Runnable> waitingWriters = new ConcurrentLinkedQueue<>();
    private ExecutorService dispatcher;
    private ThreadPoolExecutor writers;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;
    private volatile DeliveryTrace trace = DeliveryTrace.NONE;

    @Autowired
    Streams(Conversations conversations, MessagingProperties properties) {
        this(conversations, properties, System::nanoTime);
    }

    /** With a clock of its own ({@link System#nanoTime} units), so tests can move time. */
    Streams(Conversations conversations, MessagingProperties properties, LongSupplier nanos) {
        this.conversations = conversations;
        this.properties = properties;
        this.nanos = nanos;
    }

    /** One write to a stream's connection. */
    private interface Write {
        void run() throws Exception;
    }

    /**
     * An open stream of either kind: its queue of writes, written one at a time by a writer thread,
     * and when it was last written to (for heartbeats) or began a write that has not returned.
     */
    private abstract class OpenStream implements Subscription {
        private final Queue<Write> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        volatile long wrote = nanos.getAsLong();
        volatile long writeStarted;
        volatile boolean inWrite;
        volatile boolean closed;
        volatile boolean dropped;

        abstract void heartbeat() throws Exception;

        abstract void end();

        abstract void forget();

        /** Its queue is written out; it may have been left out of a delivery meanwhile. */
        void caughtUp() {}

        int backlog() {
            return queued.get();
        }

        void offer(Write write) {
            if (closed) {
                return;
            }
            queued.incrementAndGet();
            queue.add(write);
            schedule();
        }

        private void schedule() {
            if (writing.compareAndSet(false, true)) {
                startWriter(this::drain);
            }
        }

        private void drain() {
            do {
                Write write;
                while ((write = queue.poll()) != null) {
                    queued.decrementAndGet();
                    if (closed) {
                        continue;
                    }
                    writeStarted = nanos.getAsLong();
                    inWrite = true;
                    try {
                        write.run();
                        wrote = nanos.getAsLong();
                    } catch (Exception e) {
                        // The client went away: let it go.
                        close();
                    } finally {
                        inWrite = false;
                    }
                }
                writing.set(false);
            } while (!queue.isEmpty() && writing.compareAndSet(false, true));
            if (dropped && ended.compareAndSet(false, true)) {
                end();
            } else if (!closed && queue.isEmpty()) {
                caughtUp();
            }
        }

        /** Its write is stuck: nothing more is written, and it is ended once the write returns. */
        void drop() {
            dropped = true;
            close();
            schedule();
        }

        @Override
        public void close() {
            closed = true;
            forget();
        }
    }

    final class ConversationStream extends OpenStream {
        final UUID conversation;
        final MessageSink sink;

        /** The last event handed to its queue. */
        volatile long last;

        /** Left out of a delivery because its queue was full. */
        volatile boolean behind;

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
        void end() {
            sink.end();
        }

        @Override
        void caughtUp() {
            if (behind) {
                behind = false;
                changed(conversation, false);
            }
        }

        @Override
        void forget() {
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
        void end() {
            sink.end();
        }

        @Override
        void forget() {
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

    private void catchUp(UUID conversation, List<ConversationStream> all) {
        // A stream whose queue is full is left out until it has written it (then it asks again).
        List<ConversationStream> streams = new ArrayList<>();
        for (ConversationStream stream : all) {
            if (stream.backlog() >= BACKLOG) {
                stream.behind = true;
            } else {
                streams.add(stream);
            }
        }
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
                // Those whose queue filled up get the rest when they ask again, so none has a gap.
                streams.removeIf(
                        stream -> {
                            if (stream.backlog() >= BACKLOG) {
                                stream.behind = true;
                                return true;
                            }
                            return false;
                        });
            } while (changes.size() == BATCH && !streams.isEmpty());
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

    /** Queues the changes the stream has not had yet; a writer renders and writes them. */
    private void deliver(ConversationStream stream, List<MessageView> changes) {
        for (MessageView change : changes) {
            if (change.eventSeq() <= stream.last) {
                continue;
            }
            stream.last = change.eventSeq();
            stream.offer(
                    () -> {
                        long sending = System.nanoTime();
                        stream.sink.send(change);
                        trace.sent(change, sending, System.nanoTime());
                    });
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
            stream.offer(() -> stream.sink.unread(total));
        }
    }

    /**
     * Heartbeats go only to streams that were sent nothing for a whole heartbeat, looked for ten
     * times per heartbeat: streams that get messages need none, and the others' comments spread
     * over the period by when each last got something. (Writing to every open stream at one instant
     * made the bench's late messages: two thirds of the slowest hundredth at load 40 were posted in
     * the second of a heartbeat.) The same look drops streams whose write is stuck.
     */
    void scan() {
        long now = nanos.getAsLong();
        long every = properties.heartbeat().toNanos();
        long stalled = properties.stalledWrite().toNanos();
        byConversation.values().forEach(streams -> scan(snapshot(streams), now, every, stalled));
        byPerson.values().forEach(streams -> scan(snapshot(streams), now, every, stalled));
        byConversation.values().removeIf(Set::isEmpty);
        byPerson.values().removeIf(Set::isEmpty);
        for (Object key : lanes.keySet()) {
            lanes.computeIfPresent(key, (k, lane) -> lane.requests.get() == 0 ? null : lane);
        }
    }

    private static void scan(
            List<? extends OpenStream> streams, long now, long every, long stalled) {
        for (OpenStream stream : streams) {
            if (stream.inWrite) {
                if (now - stream.writeStarted >= stalled) {
                    log.debug("Dropping a messaging stream whose client stopped reading");
                    stream.drop();
                }
            } else if (stream.backlog() == 0 && now - stream.wrote >= every) {
                stream.offer(stream::heartbeat);
            }
        }
    }

    private static <T> List<T> snapshot(Collection<T> streams) {
        return streams == null ? List.of() : new ArrayList<>(streams);
    }

    /** Runs a stream's writes on a writer thread, or as soon as one is free. */
    private void startWriter(Runnable drain) {
        try {
            writers.execute(
                    () -> {
                        drain.run();
                        Runnable next;
                        while ((next = waitingWriters.poll()) != null) {
                            next.run();
                        }
                    });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    @Override
    public void start() {
        dispatcher =
                Executors.newFixedThreadPool(
                        properties.streamThreads(), named("messaging-streams-"));
        writers =
                new ThreadPoolExecutor(
                        properties.streamThreads(),
                        Math.max(properties.streamThreads(), MAX_WRITERS),
                        30,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        named("messaging-writer-"),
                        (task, pool) -> {
                            if (!pool.isShutdown()) {
                                waitingWriters.add(task);
                            }
                        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(named("messaging-heartbeat"));
        long look =
                Math.max(TimeUnit.MILLISECONDS.toNanos(50), properties.heartbeat().toNanos() / 10);
        heartbeats.scheduleWithFixedDelay(this::scan, look, look, TimeUnit.NANOSECONDS);
        running = true;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return r -> {
            Thread t =
                    new Thread(
                            r, prefix.endsWith("-") ? prefix + threads.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }

    /** Ends every stream, so browsers reconnect (to another instance) with their Last-Event-ID. */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        dispatcher.shutdownNow();
        writers.shutdownNow();
        waitingWriters.clear();
        // A stream whose write is stuck is left to the server's shutdown.
        byConversation
                .values()
                .forEach(
                        s ->
                                snapshot(s).stream()
                                        .filter(stream -> !stream.inWrite)
                                        .forEach(stream -> stream.sink.end()));
        byPerson.values()
                .forEach(
                        s ->
                                snapshot(s).stream()
                                        .filter(stream -> !stream.inWrite)
                                        .forEach(stream -> stream.sink.end()));
        byConversation.clear();
        byPerson.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
