package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Video settings per organisation and per program; a missing row inherits. */
@Repository
class VideoSettings {

    static final String ORGANISATION = "organisation";

    private final JdbcClient jdbc;

    private final Clock clock;

    VideoSettings(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    static String scope(ProgramId program) {
        return program == null ? ORGANISATION : program.value().toString();
    }

    Optional<VideoSetting> find(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select mode, base_url from video_setting where organisation_id = ?"
                                + " and scope = ?")
                .params(organisation.value(), scope(program))
                .query(
                        (rs, n) ->
                                new VideoSetting(
                                        VideoMode.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    void save(OrganisationId organisation, ProgramId program, VideoSetting setting) {
        jdbc.sql("delete from video_setting where organisation_id = ? and scope = ?")
                .params(organisation.value(), scope(program))
                .update();
        if (setting.mode() == VideoMode.INHERIT) {
            return;
        }
        jdbc.sql(
                        "insert into video_setting (organisation_id, scope, mode, base_url,"
                                + " updated_at) values (?, ?, ?, ?, ?)")
                .params(
                        organisation.value(),
                        scope(program),
                        setting.mode().name(),
                        setting.baseUrl(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
