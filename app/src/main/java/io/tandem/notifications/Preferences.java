package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delivery preferences by person (e-mail) and kind, and each person's one-click link secret. */
@Repository
class Preferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<NotificationKind, Delivery> of(OrganisationId organisation, String email) {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            chosen.put(kind, Delivery.EMAIL_NOW);
        }
        jdbc.sql(
                        "select kind, delivery from notification_preference where organisation_id"
                                + " = ? and email = ?")
                .params(organisation.value(), key(email))
                .query(
                        rs -> {
                            chosen.put(
                                    NotificationKind.valueOf(rs.getString(1)),
                                    Delivery.valueOf(rs.getString(2)));
                        });
        return chosen;
    }

    void set(OrganisationId organisation, String email, NotificationKind kind, Delivery delivery) {
        int updated =
                jdbc.sql(
                                "update notification_preference set delivery = ? where"
                                        + " organisation_id = ? and email = ? and kind = ?")
                        .params(delivery.name(), organisation.value(), key(email), kind.name())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into notification_preference (organisation_id, email, kind,"
                                    + " delivery) values (?, ?, ?, ?) on conflict do nothing")
                    .params(organisation.value(), key(email), kind.name(), delivery.name())
                    .update();
        }
    }

    /** The person's link secret, made on first use. */
    String token(OrganisationId organisation, String email) {
        Optional<String> existing = find(organisation, email);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        jdbc.sql(
                        "insert into notification_subscriber (token, organisation_id, email) values"
                                + " (?, ?, ?) on conflict do nothing")
                .params(HexFormat.of().formatHex(bytes), organisation.value(), key(email))
                .update();
        return find(organisation, email).orElseThrow();
    }

    record Subscriber(OrganisationId organisation, String email) {}

    Optional<Subscriber> byToken(String token) {
        return jdbc.sql(
                        "select organisation_id, email from notification_subscriber where token = ?")
                .param(token)
                .query(
                        (rs, n) ->
                                new Subscriber(
                                        new OrganisationId(rs.getObject(1, java.util.UUID.class)),
                                        rs.getString(2)))
                .optional();
    }

    private Optional<String> find(OrganisationId organisation, String email) {
        return jdbc.sql(
                        "select token from notification_subscriber where organisation_id = ? and"
                                + " email = ?")
                .params(organisation.value(), key(email))
                .query(String.class)
                .optional();
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
