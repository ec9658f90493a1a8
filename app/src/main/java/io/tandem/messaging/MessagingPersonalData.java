package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages the person wrote. Erasure removes their text the way deleting a message does (the
 * conversation shows "This message was deleted"), so the partner's messages, the order and the
 * counts stay.
 */
@Component
class MessagingPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    private final Clock clock;

    MessagingPersonalData(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        return Map.of(
                "messages",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select m.id, m.conversation_id, c.mentorship_id, m.body, m.created_at,"
                                                + " m.edited_at, m.deleted_at from message m"
                                                + " join conversation c on c.id = m.conversation_id"
                                                + " where m.organisation_id = ? and m.author_id = ?"
                                                + " order by m.created_at, m.id")
                                .params(organisation.value(), person.value())
                                .query()
                                .listOfRows()));
    }

    @Override
    public int erase(ErasedPerson person) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql(
                        "update message set body = '', deleted_at = coalesce(deleted_at, ?)"
                                + " where organisation_id = ? and author_id = ?")
                .params(now, person.organisation().value(), person.id().value())
                .update();
    }
}
