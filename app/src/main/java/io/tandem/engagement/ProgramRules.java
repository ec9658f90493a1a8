package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each program's engagement rules; a program without a row has the defaults. */
@Repository
class ProgramRules {

    private final JdbcClient jdbc;

    ProgramRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS =
            "select meeting_slack_percent, at_risk_after_days, inactive_after_days, low_rating,"
                    + " check_ins, auto_nudge, nudge_interval_days, auto_close, warn_after_days,"
                    + " close_after_days, program_id from engagement_rules where organisation_id = ?";

    EngagementRules of(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(COLUMNS + " and program_id = ?")
                .params(organisation.value(), program.value())
                .query((rs, n) -> rules(rs))
                .optional()
                .orElse(EngagementRules.DEFAULTS);
    }

    /** The programs of the organisation that have their own rules; the others have the defaults. */
    Map<ProgramId, EngagementRules> all(OrganisationId organisation) {
        Map<ProgramId, EngagementRules> all = new HashMap<>();
        jdbc.sql(COLUMNS)
                .params(organisation.value())
                .query(
                        (RowCallbackHandler)
                                rs ->
                                        all.put(
                                                new ProgramId(rs.getObject(11, UUID.class)),
                                                rules(rs)));
        return all;
    }

    private static EngagementRules rules(ResultSet rs) throws SQLException {
        return new EngagementRules(
                rs.getInt(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getBoolean(5),
                rs.getBoolean(6),
                rs.getInt(7),
                rs.getBoolean(8),
                rs.getInt(9),
                rs.getInt(10));
    }

    void save(OrganisationId organisation, ProgramId program, EngagementRules r) {
        jdbc.sql("delete from engagement_rules where organisation_id = ? and program_id = ?")
                .params(organisation.value(), program.value())
                .update();
        jdbc.sql(
                        "insert into engagement_rules (program_id, organisation_id, meeting_slack_percent,"
                                + " at_risk_after_days, inactive_after_days, low_rating, check_ins, auto_nudge,"
                                + " nudge_interval_days, auto_close, warn_after_days, close_after_days)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        program.value(),
                        organisation.value(),
                        r.meetingSlackPercent(),
                        r.atRiskAfterDays(),
                        r.inactiveAfterDays(),
                        r.lowRating(),
                        r.checkIns(),
                        r.autoNudge(),
                        r.nudgeIntervalDays(),
                        r.autoClose(),
                        r.warnAfterDays(),
                        r.closeAfterDays())
                .update();
    }
}
