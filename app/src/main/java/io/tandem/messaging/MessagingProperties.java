package io.tandem.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.messaging.*}.
 *
 * @param digestDelay how long a message stays unread before it goes into a digest mail
 * @param digestPoll how often the digest job looks
 * @param editWindow how long the author may edit or delete a message
 * @param streamTimeout how long one stream stays open before the browser reconnects
 * @param heartbeat how often an idle stream gets a comment, so dead connections are noticed
 * @param channel the PostgreSQL {@code LISTEN/NOTIFY} channel
 * @param streamThreads how many threads write to this instance's open streams (conversations are
 *     served beside each other, each one's events in order)
 * @param stalledWrite how long one write to a stream may stay blocked (a client that stopped
 *     reading) before the stream is dropped; the client reconnects and misses nothing
 * @param warmUp how many made-up message rows a starting instance renders for its streams before
 *     the first real ones (0: none), so its first deliveries do not wait for the JIT
 */
@ConfigurationProperties("tandem.messaging")
public record MessagingProperties(
        @DefaultValue("PT30M") Duration digestDelay,
        @DefaultValue("PT1M") Duration digestPoll,
        @DefaultValue("PT15M") Duration editWindow,
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT20S") Duration heartbeat,
        @DefaultValue("tandem_messaging") String channel,
        @DefaultValue("4") int streamThreads,
        @DefaultValue("PT5S") Duration stalledWrite,
        @DefaultValue("2000") int warmUp) {}
