package io.tandem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The background scheduler's settings, {@code tandem.scheduler.*} (see {@code
 * docs/configuration.md}).
 *
 * @param enabled {@code false} switches this instance's scheduler off (others still run the work)
 * @param pollingInterval how often the scheduler looks for due work
 * @param threads how many due executions run at once on this instance
 * @param name what {@code picked_by} shows for this instance; blank: the host name
 */
@ConfigurationProperties("tandem.scheduler")
record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT5S") Duration pollingInterval,
        @DefaultValue("4") int threads,
        @DefaultValue("") String name) {}
