package io.tandem.messaging.web;

import io.tandem.messaging.MessageSink;
import io.tandem.messaging.MessageView;
import io.tandem.messaging.StreamSink;
import io.tandem.messaging.Subscription;
import io.tandem.messaging.UnreadSink;
import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the page's streams and the API's stream share: where a stream resumes, its first line, and
 * its heartbeats and end.
 */
public final class SseStreams {

    private SseStreams() {}

    /**
     * The event after which a stream starts: the {@code Last-Event-ID} the client sent, else {@code
     * after}, else {@code current} (from now). A header we never sent counts as absent.
     */
    public static long resumeFrom(String lastEventId, Long after, long current) {
        if (lastEventId != null) {
            try {
                return Math.max(0, Long.parseLong(lastEventId.strip()));
            } catch (NumberFormatException e) {
                // not one of ours: from now
            }
        }
        return after != null ? Math.max(0, after) : current;
    }

    /**
     * Writes the stream's first line at once. The response's headers leave the server with its
     * first write, and a browser's EventSource stays CONNECTING until they arrive: a stream with
     * nothing new to send would otherwise look dead until the first heartbeat.
     */
    public static SseEmitter opened(SseEmitter emitter) throws IOException {
        emitter.send(SseEmitter.event().comment("open"));
        return emitter;
    }

    /** Ends the subscription when the stream ends, times out or fails. */
    public static SseEmitter open(SseEmitter emitter, Subscription subscription) {
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(e -> subscription.close());
        return emitter;
    }

    /** What a stream writes to its emitter. */
    @FunctionalInterface
    public interface Sending<T> {
        void send(T value) throws IOException;
    }

    /** A conversation's stream that writes each message with {@code sending}. */
    public static MessageSink messages(SseEmitter emitter, Sending<MessageView> sending) {
        return new MessagesSink(emitter, sending);
    }

    /** A person's unread count stream that writes each new total with {@code sending}. */
    public static UnreadSink unread(SseEmitter emitter, Sending<Long> sending) {
        return new UnreadCountSink(emitter, sending);
    }

    /** Heartbeats and shutdown for an emitter. */
    public abstract static class EmitterSink implements StreamSink {
        private final SseEmitter emitter;

        protected EmitterSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment(""));
        }

        @Override
        public void end() {
            emitter.complete();
        }
    }

    private static final class MessagesSink extends EmitterSink implements MessageSink {
        private final Sending<MessageView> sending;

        MessagesSink(SseEmitter emitter, Sending<MessageView> sending) {
            super(emitter);
            this.sending = sending;
        }

        @Override
        public void send(MessageView message) throws IOException {
            sending.send(message);
        }
    }

    private static final class UnreadCountSink extends EmitterSink implements UnreadSink {
        private final Sending<Long> sending;

        UnreadCountSink(SseEmitter emitter, Sending<Long> sending) {
            super(emitter);
            this.sending = sending;
        }

        @Override
        public void unread(long total) throws IOException {
            sending.send(total);
        }
    }
}
