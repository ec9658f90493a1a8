package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each person's feed secret: 256 random bits, URL-safe. Knowing it is the only way in, so a reset
 * replaces it and the old address stops at once.
 */
@Repository
class CalendarFeeds {

    /** Whose feed a secret opens. */
    record Owner(OrganisationId organisation, PersonId person) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The person's secret, made on first use. */
    String secret(OrganisationId organisation, PersonId person) {
        jdbc.sql(
                        "insert into calendar_feed (person_id, organisation_id, secret, created_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing")
                .params(
                        person.value(),
                        organisation.value(),
                        newSecret(),
                        Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql(
                        "select secret from calendar_feed where person_id = ? and organisation_id = ?")
                .params(person.value(), organisation.value())
                .query(String.class)
                .single();
    }

    String reset(OrganisationId organisation, PersonId person) {
        secret(organisation, person);
        String secret = newSecret();
        jdbc.sql(
                        "update calendar_feed set secret = ?, created_at = ? where person_id = ?"
                                + " and organisation_id = ?")
                .params(
                        secret,
                        Timestamp.from(clock.instant()),
                        person.value(),
                        organisation.value())
                .update();
        return secret;
    }

    Optional<Owner> owner(String secret) {
        return jdbc.sql("select organisation_id, person_id from calendar_feed where secret = ?")
                .param(secret)
                .query(
                        (rs, n) ->
                                new Owner(
                                        new OrganisationId(
                                                rs.getObject("organisation_id", UUID.class)),
                                        new PersonId(rs.getObject("person_id", UUID.class))))
                .optional();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
