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
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delivery preferences by person (e-mail) and kind, and each person's one-click link secret. */
@Repository
class Preferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * At most this many rows (secrets, inbox items, mails) are written or people's choices read in
     * one statement, and on PostgreSQL this many people's secrets read.
     */
    static final int BATCH = 500;

    /**
     * At most this many people's secrets are read in one statement on the embedded database: it
     * still compares each row it finds with the whole list ({@link #pairsInKey}), so there a read's
     * cost grows with the square of its size.
     */
    private static final int READ_BATCH = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    /**
     * How a batch of people's secrets is looked up in the key (organisation_id, email): as {@code
     * organisation_id = ? and email in (...)} on PostgreSQL, which finds each address in the key;
     * as {@code (organisation_id, email) in ((?, ?), ...)} on the embedded database, which uses an
     * IN list only on a key's first column and otherwise compared every address of the organisation
     * with the whole list (about 40 % of the mail listener's CPU in a 7,552-pair publish).
     */
    private final boolean pairsInKey;

    Preferences(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        String product =
                template.execute(
                        (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.pairsInKey = !"PostgreSQL".equalsIgnoreCase(product);
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
        // Not as pairs (#pairsInKey): here H2 would take the organisation's index for them, read
        // all its choices once per address and be slower than with the list.
        for (List<String> batch : batches(keys, BATCH)) {
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
     * #token} makes one: read {@link #readBatch} at a time, the missing ones inserted in address
     * order (as {@link NotificationManagement#prepareLinks} orders them, so two publishes'
     * listeners wait for each other instead of deadlocking), then read again.
     */
    Map<String, String> tokens(OrganisationId organisation, List<String> emails) {
        Map<String, String> tokens = new HashMap<>();
        for (List<String> batch : batches(keys(emails), BATCH)) {
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
        for (List<String> batch : batches(keys, readBatch())) {
            jdbc.sql(
                            "select email, token from notification_subscriber where "
                                    + inKey(batch.size()))
                    .params(inKey(organisation, batch))
                    .query(
                            rs -> {
                                tokens.put(rs.getString(1), rs.getString(2));
                            });
        }
        return tokens;
    }

    /** The distinct addresses in lower case, in address order. */
    private static List<String> keys(List<String> emails) {
        return emails.stream().map(Preferences::key).distinct().sorted().toList();
    }

    private static List<List<String>> batches(List<String> keys, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            batches.add(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        return batches;
    }

    /**
     * How many addresses one read looks up: fewer on the embedded database ({@link #READ_BATCH}).
     */
    private int readBatch() {
        return pairsInKey ? READ_BATCH : BATCH;
    }

    /** The condition on (organisation_id, email) for {@code n} addresses ({@link #pairsInKey}). */
    private String inKey(int n) {
        return pairsInKey
                ? "(organisation_id, email) in ("
                        + String.join(", ", Collections.nCopies(n, "(?, ?)"))
                        + ")"
                : "organisation_id = ? and email in (" + marks(n) + ")";
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

    /** The parameters of {@link #inKey(int)}. */
    private List<Object> inKey(OrganisationId organisation, List<String> keys) {
        if (!pairsInKey) {
            return withOrganisation(organisation, keys);
        }
        List<Object> params = new ArrayList<>(keys.size() * 2);
        for (String key : keys) {
            params.add(organisation.value());
            params.add(key);
        }
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
