package io.tandem.messaging.web;

import io.tandem.messaging.MessageSink;
import io.tandem.messaging.Subscription;
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

    /** Heartbeats and shutdown for an emitter. */
    public abstract static class EmitterSink implements MessageSink {
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
}
