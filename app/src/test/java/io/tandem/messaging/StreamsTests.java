package io.tandem.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.people.PersonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
                                2));
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
                                2));
        streams.start();
        List<String> got = new CopyOnWriteArrayList<>();
        streams.subscribe(
                conversation,
                0,
                new MessageSink() {
                    @Override
                    public void send(MessageView message) {
                        got.add(message.text());
                    }

                    @Override
                    public void heartbeat() {
                        got.add("heartbeat");
                    }
                });

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                got.contains("Hello")
                                        && got.stream().filter("heartbeat"::equals).count() >= 2);
        assertThat(got).filteredOn(line -> !line.equals("heartbeat")).containsExactly("Hello");
    }
}
