package io.tandem.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SsoRecords {

    record Row(
            OrganisationId organisationId,
            String slug,
            String organisationName,
            boolean enabled,
            String issuerUrl,
            String clientId,
            String sealedSecret,
            String emailClaim,
            boolean passwordSignIn,
            boolean justInTime) {

        SsoSettings settings() {
            return new SsoSettings(
                    enabled,
                    issuerUrl,
                    clientId,
                    sealedSecret != null && !sealedSecret.isEmpty(),
                    emailClaim,
                    passwordSignIn,
                    justInTime);
        }
    }

    private static final String SELECT =
            "select s.organisation_id, o.slug, o.name, s.enabled, s.issuer_url, s.client_id,"
                    + " s.client_secret_enc, s.email_claim, s.password_sign_in, s.just_in_time"
                    + " from sso_settings s join organisation o on o.id = s.organisation_id";

    private final JdbcClient jdbc;

    private final Clock clock;

    SsoRecords(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Optional<Row> find(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where s.organisation_id = ?")
                .param(organisation.value())
                .query(SsoRecords::map)
                .optional();
    }

    Optional<Row> findBySlug(String slug) {
        return jdbc.sql(SELECT + " where o.slug = ?").param(slug).query(SsoRecords::map).optional();
    }

    List<Row> enabled() {
        return jdbc.sql(SELECT + " where s.enabled = true order by o.name")
                .query(SsoRecords::map)
                .list();
    }

    void save(OrganisationId organisation, Row row) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated =
                jdbc.sql(
                                "update sso_settings set enabled = ?, issuer_url = ?, client_id = ?,"
                                        + " client_secret_enc = ?, email_claim = ?,"
                                        + " password_sign_in = ?, just_in_time = ?, updated_at = ?"
                                        + " where organisation_id = ?")
                        .params(
                                row.enabled(),
                                row.issuerUrl(),
                                row.clientId(),
                                row.sealedSecret(),
                                row.emailClaim(),
                                row.passwordSignIn(),
                                row.justInTime(),
                                now,
                                organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into sso_settings (organisation_id, enabled, issuer_url,"
                                    + " client_id, client_secret_enc, email_claim, password_sign_in,"
                                    + " just_in_time, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            organisation.value(),
                            row.enabled(),
                            row.issuerUrl(),
                            row.clientId(),
                            row.sealedSecret(),
                            row.emailClaim(),
                            row.passwordSignIn(),
                            row.justInTime(),
                            now)
                    .update();
        }
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                rs.getString("issuer_url"),
                rs.getString("client_id"),
                rs.getString("client_secret_enc"),
                rs.getString("email_claim"),
                rs.getBoolean("password_sign_in"),
                rs.getBoolean("just_in_time"));
    }
}
