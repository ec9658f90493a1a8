package io.tandem.meetings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.meetings.*}.
 *
 * @param videoBaseUrl where generated video rooms live ({@code TANDEM_VIDEO_BASE_URL}); a unique
 *     room name is appended per meeting
 * @param horizon how far ahead slots are proposed
 * @param slots how many slots are proposed at most
 * @param feedPast how long after its end a meeting that does not repeat stays in calendar feeds
 */
@ConfigurationProperties("tandem.meetings")
record MeetingsProperties(
        @DefaultValue("https://meet.jit.si/") String videoBaseUrl,
        @DefaultValue("P28D") Duration horizon,
        @DefaultValue("40") int slots,
        @DefaultValue("P365D") Duration feedPast) {

    MeetingsProperties {
        if (!videoBaseUrl.endsWith("/")) {
            videoBaseUrl = videoBaseUrl + "/";
        }
    }
}
