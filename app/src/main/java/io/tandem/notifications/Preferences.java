package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delivery preferences by person (e-mail) and kind, and each person's one-click link secret. */
@Repository
class Preferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** At most this many people's choices or secrets are read or written in one statement. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Preferences(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Map<NotificationKind, Delivery> of(OrganisationId organisation, String email) {
        Map<NotificationKind, Delivery> chosen = defaults();
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

    /**
     * Each person's choices, as {@link #of} answers them, keyed by the address in lower case: one
     * read per {@value #BATCH} people.
     */
    Map<String, Map<NotificationKind, Delivery>> of(
            OrganisationId organisation, List<String> emails) {
        Map<String, Map<NotificationKind, Delivery>> chosen = new HashMap<>();
        List<String> keys = keys(emails);
        for (String key : keys) {
            chosen.put(key, defaults());
        }
        for (List<String> batch : batches(keys)) {
            jdbc.sql(
                            "select email, kind, delivery from notification_preference where"
                                    + " organisation_id = ? and email in ("
                                    + marks(batch.size())
                                    + ")")
                    .params(withOrganisation(organisation, batch))
                    .query(
                            rs -> {
                                chosen.get(rs.getString(1))
                                        .put(
                                                NotificationKind.valueOf(rs.getString(2)),
                                                Delivery.valueOf(rs.getString(3)));
                            });
        }
        return chosen;
    }

    private static Map<NotificationKind, Delivery> defaults() {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            chosen.put(kind, Delivery.EMAIL_NOW);
        }
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

    /**
     * These people's link secrets, keyed by the address in lower case, made on first use as {@link
     * #token} makes one: read {@value #BATCH} at a time, the missing ones inserted in address order
     * (as {@link NotificationManagement#prepareLinks} orders them, so two publishes' listeners wait
     * for each other instead of deadlocking), then read again.
     */
    Map<String, String> tokens(OrganisationId organisation, List<String> emails) {
        Map<String, String> tokens = new HashMap<>();
        for (List<String> batch : batches(keys(emails))) {
            tokens.putAll(existing(organisation, batch));
            List<Object[]> missing = new ArrayList<>();
            for (String key : batch) {
                if (!tokens.containsKey(key)) {
                    byte[] bytes = new byte[24];
                    RANDOM.nextBytes(bytes);
                    missing.add(
                            new Object[] {
                                HexFormat.of().formatHex(bytes), organisation.value(), key
                            });
                }
            }
            if (!missing.isEmpty()) {
                template.batchUpdate(
                        "insert into notification_subscriber (token, organisation_id, email) values"
                                + " (?, ?, ?) on conflict do nothing",
                        missing);
                tokens.putAll(
                        existing(
                                organisation,
                                missing.stream().map(row -> (String) row[2]).toList()));
            }
        }
        return tokens;
    }

    private Map<String, String> existing(OrganisationId organisation, List<String> keys) {
        Map<String, String> tokens = new HashMap<>();
        jdbc.sql(
                        "select email, token from notification_subscriber where organisation_id = ?"
                                + " and email in ("
                                + marks(keys.size())
                                + ")")
                .params(withOrganisation(organisation, keys))
                .query(
                        rs -> {
                            tokens.put(rs.getString(1), rs.getString(2));
                        });
        return tokens;
    }

    /** The distinct addresses in lower case, in address order. */
    private static List<String> keys(List<String> emails) {
        return emails.stream().map(Preferences::key).distinct().sorted().toList();
    }

    private static List<List<String>> batches(List<String> keys) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            batches.add(keys.subList(from, Math.min(keys.size(), from + BATCH)));
        }
        return batches;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<Object> withOrganisation(OrganisationId organisation, List<String> keys) {
        List<Object> params = new ArrayList<>(keys.size() + 1);
        params.add(organisation.value());
        params.addAll(keys);
        return params;
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

    static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
