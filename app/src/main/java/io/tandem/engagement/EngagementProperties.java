package io.tandem.engagement;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engagement module's settings, {@code tandem.engagement.*} (see {@code
 * docs/configuration.md}).
 *
 * @param dailyAt when the daily work (check-in requests, health, nudges, auto-close) starts, UTC
 * @param dashboardMaxAge how old a program's dashboard figures may be before a request computes
 *     them again; {@code 0} computes them for every request that finds no computation under way
 */
@ConfigurationProperties("tandem.engagement")
record EngagementProperties(
        @DefaultValue("02:00") LocalTime dailyAt, @DefaultValue("60s") Duration dashboardMaxAge) {}
