package io.tandem.meetings;

/**
 * Where a scope's generated video rooms live.
 *
 * @param mode {@link VideoMode#INHERIT} for "as the organisation" (or, for the organisation, as the
 *     installation's {@code TANDEM_VIDEO_BASE_URL})
 * @param baseUrl the provider's https base, for {@link VideoMode#PROVIDER} only
 */
public record VideoSetting(VideoMode mode, String baseUrl) {

    public static final VideoSetting INHERITED = new VideoSetting(VideoMode.INHERIT, null);

    /** Whether meetings here get a generated room. */
    public boolean rooms() {
        return mode == VideoMode.PROVIDER;
    }
}
