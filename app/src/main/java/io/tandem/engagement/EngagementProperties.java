package io.tandem.engagement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engagement module's settings, {@code tandem.engagement.*} (see {@code
 * docs/configuration.md}).
 *
 * @param dashboardMaxAge how old a program's dashboard figures may be before a request computes
 *     them again; {@code 0} computes them for every request
 */
@ConfigurationProperties("tandem.engagement")
record EngagementProperties(@DefaultValue("60s") Duration dashboardMaxAge) {}
