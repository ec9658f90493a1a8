package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How meetings get their video link: the organisation's setting, a program's own, or rooms under
 * {@code TANDEM_VIDEO_BASE_URL} when nobody chose.
 */
@Service
public class VideoSettingManagement {

    private final VideoSettings settings;
    private final ProgramManagement programs;
    private final MeetingsProperties properties;

    VideoSettingManagement(
            VideoSettings settings, ProgramManagement programs, MeetingsProperties properties) {
        this.settings = settings;
        this.programs = programs;
        this.properties = properties;
    }

    /** The stored setting of the organisation ({@code program} null) or of a program. */
    @Transactional(readOnly = true)
    public VideoSetting stored(OrganisationId organisation, ProgramId program) {
        if (program != null) {
            programs.get(organisation, program);
        }
        return settings.find(organisation, program).orElse(VideoSetting.INHERITED);
    }

    /**
     * What applies to meetings in {@code program} (null: the organisation's own): the program's
     * setting, else the organisation's, else rooms under {@code TANDEM_VIDEO_BASE_URL}. Never
     * {@link VideoMode#INHERIT}.
     */
    @Transactional(readOnly = true)
    public VideoSetting effective(OrganisationId organisation, ProgramId program) {
        if (program != null) {
            var own = settings.find(organisation, program);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return settings.find(organisation, null)
                .orElse(new VideoSetting(VideoMode.PROVIDER, properties.videoBaseUrl()));
    }

    /**
     * Sets how meetings of the organisation ({@code program} null) or of a program get their video
     * link. A provider's base must be an https address without query or fragment.
     */
    @Transactional
    public VideoSetting save(
            OrganisationId organisation, ProgramId program, VideoMode mode, String baseUrl) {
        if (program != null) {
            programs.get(organisation, program);
        }
        if (mode == null) {
            refuse(InputError.field("mode", "meetings.video.mode.invalid"));
        }
        String base = null;
        if (mode == VideoMode.PROVIDER) {
            base = baseUrl == null ? "" : baseUrl.strip();
            if (!videoBase(base)) {
                refuse(InputError.field("baseUrl", "meetings.video.base.invalid"));
            }
            base = base.endsWith("/") ? base : base + "/";
        }
        settings.save(organisation, program, new VideoSetting(mode, base));
        return stored(organisation, program);
    }

    /** An https base short enough to take a room name, with nothing after its path. */
    static boolean videoBase(String url) {
        if (!MeetingManagement.https(url) || url.length() > MeetingManagement.MAX_LOCATION - 100) {
            return false;
        }
        URI uri = URI.create(url);
        return uri.getRawQuery() == null && uri.getRawFragment() == null;
    }

    private static void refuse(InputError error) {
        throw InvalidInputException.unprocessable("meetings.invalid", List.of(error));
    }
}
