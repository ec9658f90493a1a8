package io.tandem.mentorships;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mentorships module's settings (see {@code docs/configuration.md}).
 *
 * @param mentorships {@code tandem.mentorships.*}
 * @param retention {@code tandem.retention.*}
 */
@ConfigurationProperties("tandem")
record MentorshipsProperties(
        @DefaultValue Mentorships mentorships, @DefaultValue Retention retention) {

    /**
     * @param plannedEndAt when, UTC, the daily sweep asks pairs near their planned end
     */
    record Mentorships(@DefaultValue("03:00") LocalTime plannedEndAt) {}

    /**
     * @param dailyAt when, UTC, the daily content-retention run starts
     */
    record Retention(@DefaultValue("03:00") LocalTime dailyAt) {}
}
