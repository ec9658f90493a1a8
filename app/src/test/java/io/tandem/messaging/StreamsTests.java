package io.tandem.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.people.PersonId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;

/** The delivery lanes, without Spring or a database: what a stream gets when reads fail. */
class StreamsTests {

    final UUID conversation = UUID.randomUUID();
    final MessageView hello =
            new MessageView(
                    UUID.randomUUID(),
                    conversation,
                    1,
                    1,
                    new PersonId(UUID.randomUUID()),
                    "Hello",
                    Instant.parse("2026-12-01T10:00:00Z"),
                    null,
                    null,
                    null);
    final AtomicInteger reads = new AtomicInteger();
    Streams streams;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.stop();
        }
    }

    /**
     * A busy pool refused the one read after a post (the bench lost 50 messages this way): the
     * stream still gets the message, without waiting for another post in that conversation.
     */
    @Test
    void aDeliveryTheDatabaseRefusedIsReadAgainWithoutAnotherChange() {
        Conversations failingOnce =
                new Conversations(null, Clock.systemUTC()) {
                    @Override
                    List<MessageView> changesAfter(UUID id, long after, int limit) {
                        if (reads.getAndIncrement() == 0) {
                            throw new TransientDataAccessResourceException("pool busy");
                        }
                        return after < hello.eventSeq() ? List.of(hello) : List.of();
                    }
                };
        streams =
                new Streams(
                        failingOnce,
                        new MessagingProperties(
                                Duration.ofMinutes(30),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(15),
                                Duration.ofMinutes(30),
                                Duration.ofSeconds(20),
                                "tandem_messaging",
                                2,
                                Duration.ofSeconds(5),
                                0));
        streams.start();
        List<MessageView> got = new CopyOnWriteArrayList<>();
        streams.subscribe(conversation, 0, got::add);

        await().atMost(Duration.ofSeconds(30)).until(() -> !got.isEmpty());
        assertThat(got).containsExactly(hello);
        assertThat(reads).hasValueGreaterThanOrEqualTo(2);
    }

    /**
     * An idle stream still gets heartbeats (so a dead connection is noticed) besides its message,
     * which arrives once.
     */
    @Test
    void anIdleStreamGetsHeartbeatsAfterItsMessages() {
        Conversations once =
                new Conversations(null, Clock.systemUTC()) {
                    @Override
                    List<MessageView> changesAfter(UUID id, long after, int limit) {
                        return after < hello.eventSeq() ? List.of(hello) : List.of();
                    }
                };
        streams =
                new Streams(
                        once,
                        new MessagingProperties(
                                Duration.ofMinutes(30),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(15),
                                Duration.ofMinutes(30),
                                Duration.ofMillis(200),
                                "tandem_messaging",
                                2,
                                Duration.ofSeconds(5),
                                0));
        streams.start();
        List<String> got = new CopyOnWriteArrayList<>();
        streams.subscribe(conversation, 0, textsAndHeartbeats(got));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                got.contains("Hello")
                                        && got.stream().filter("heartbeat"::equals).count() >= 2);
        assertThat(got).filteredOn(line -> !line.equals("heartbeat")).containsExactly("Hello");
    }

    // --- a conversation kept in memory, and a clock the test moves ---

    final AtomicLong now = new AtomicLong();
    final Map<UUID, List<MessageView>> posted = new ConcurrentHashMap<>();

    /** Reads what {@link #post} added, as the database would. */
    final Conversations inMemory =
            new Conversations(null, Clock.systemUTC()) {
                @Override
                List<MessageView> changesAfter(UUID id, long after, int limit) {
                    return posted.getOrDefault(id, List.of()).stream()
                            .filter(m -> m.eventSeq() > after)
                            .limit(limit)
                            .toList();
                }
            };

    /** Streams on the in-memory conversations, with one lane thread and the test's clock. */
    Streams started(Duration heartbeat) {
        streams =
                new Streams(
                        inMemory,
                        new MessagingProperties(
                                Duration.ofMinutes(30),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(15),
                                Duration.ofMinutes(30),
                                heartbeat,
                                "tandem_messaging",
                                1,
                                Duration.ofSeconds(5),
                                0),
                        now::get);
        streams.start();
        return streams;
    }

    /** Commits a message and tells the streams, as a post does. */
    MessageView post(UUID id, String text) {
        List<MessageView> messages = posted.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        long seq = messages.size() + 1;
        MessageView m =
                new MessageView(
                        UUID.randomUUID(),
                        id,
                        seq,
                        seq,
                        new PersonId(UUID.randomUUID()),
                        text,
                        Instant.parse("2026-12-01T10:00:00Z"),
                        null,
                        null,
                        null);
        messages.add(m);
        streams.changed(id);
        return m;
    }

    /** A client that notes each message's text and each heartbeat, in the order they came. */
    static MessageSink textsAndHeartbeats(List<String> got) {
        return new MessageSink() {
            @Override
            public void send(MessageView message) {
                got.add(message.text());
            }

            @Override
            public void heartbeat() {
                got.add("heartbeat");
            }
        };
    }

    /** A client whose TCP buffer is full: a write blocks until the connection gives up. */
    static final class StuckClient implements MessageSink {
        final List<String> got = new CopyOnWriteArrayList<>();
        final CountDownLatch stuck = new CountDownLatch(1);
        final CountDownLatch giveUp = new CountDownLatch(1);
        final AtomicInteger ended = new AtomicInteger();
        final int readsFirst;

        StuckClient(int readsFirst) {
            this.readsFirst = readsFirst;
        }

        @Override
        public void send(MessageView message) throws IOException {
            if (got.size() < readsFirst) {
                got.add(message.text());
                return;
            }
            stuck.countDown();
            try {
                giveUp.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("write timed out");
        }

        @Override
        public void heartbeat() throws IOException {
            send(null);
        }

        @Override
        public void end() {
            ended.incrementAndGet();
        }
    }

    /**
     * One browser stops reading: the others, in its conversation and in another one, still get
     * every message, though one thread serves all the lanes.
     */
    @Test
    void aStreamWhoseClientStoppedReadingHoldsUpNoOtherStream() throws Exception {
        started(Duration.ofHours(1));
        UUID other = UUID.randomUUID();
        StuckClient stuck = new StuckClient(0);
        List<String> beside = new CopyOnWriteArrayList<>();
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        streams.subscribe(conversation, 0, stuck);
        streams.subscribe(conversation, 0, m -> beside.add(m.text()));
        streams.subscribe(other, 0, m -> elsewhere.add(m.text()));
        try {
            post(conversation, "first");
            assertThat(stuck.stuck.await(30, TimeUnit.SECONDS)).isTrue();
            post(conversation, "second");
            post(other, "hello elsewhere");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> {
                                assertThat(beside).containsExactly("first", "second");
                                assertThat(elsewhere).containsExactly("hello elsewhere");
                            });
        } finally {
            stuck.giveUp.countDown();
        }
    }

    /**
     * A stream whose write stayed blocked for {@code stalled-write} is dropped: it is written
     * nothing more and ended when the write gives up; the browser reconnects with the last event it
     * got and gets every later message once, in order.
     */
    @Test
    void aStalledStreamIsDroppedAndItsClientResumesWithoutAGap() throws Exception {
        started(Duration.ofHours(1));
        StuckClient stuck = new StuckClient(1);
        streams.subscribe(conversation, 0, stuck);
        post(conversation, "one");
        await().atMost(Duration.ofSeconds(30)).until(() -> stuck.got.contains("one"));
        post(conversation, "two");
        assertThat(stuck.stuck.await(30, TimeUnit.SECONDS)).isTrue();

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        streams.scan();
        assertThat(streams.open(conversation)).as("not stalled long enough yet").isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        streams.scan();
        assertThat(streams.open(conversation)).isZero();

        post(conversation, "three");
        stuck.giveUp.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> stuck.ended.get() == 1);
        assertThat(stuck.got).containsExactly("one");

        List<String> resumed = new CopyOnWriteArrayList<>();
        streams.subscribe(conversation, 1, m -> resumed.add(m.text()));
        await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() == 2);
        assertThat(resumed).containsExactly("two", "three");
        assertThat(stuck.ended).hasValue(1);
    }

    /**
     * A stream that gets a message more often than once a heartbeat gets no heartbeat; once it has
     * been idle for a whole heartbeat it gets one. Each stream's writes leave in order, so a
     * heartbeat queued at a look would arrive before the message sent after it.
     */
    @Test
    void aBusyStreamGetsNoHeartbeatAndAnIdleOneDoes() {
        started(Duration.ofSeconds(20));
        List<String> got = new CopyOnWriteArrayList<>();
        streams.subscribe(conversation, 0, textsAndHeartbeats(got));
        post(conversation, "at 0 s");
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 1);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        streams.scan();
        post(conversation, "at 15 s");
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 2);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        streams.scan();
        post(conversation, "at 30 s");
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 3);
        assertThat(got).containsExactly("at 0 s", "at 15 s", "at 30 s");

        now.addAndGet(Duration.ofSeconds(20).toNanos());
        streams.scan();
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 4);
        assertThat(got).containsExactly("at 0 s", "at 15 s", "at 30 s", "heartbeat");
    }
}
