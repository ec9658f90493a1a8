package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's inbox and notification preferences. Erasure removes the mail and inbox items
 * addressed to them and their preferences, and replaces their name and e-mail with "Former member"
 * in what was written to others (a partner's "You were matched with …").
 */
@Component
class NotificationPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;
    private final PeopleManagement people;

    NotificationPersonalData(JdbcClient jdbc, PeopleManagement people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        String email = people.get(organisation, person).email().strip().toLowerCase(Locale.ROOT);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(
                "inbox",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select text, link, created_at, read_at from inbox_item"
                                                + " where organisation_id = ? and recipient_email = ?"
                                                + " order by created_at")
                                .params(organisation.value(), email)
                                .query()
                                .listOfRows()));
        parts.put(
                "notificationPreferences",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select kind, delivery from notification_preference"
                                                + " where organisation_id = ? and email = ? order by kind")
                                .params(organisation.value(), email)
                                .query()
                                .listOfRows()));
        return parts;
    }

    @Override
    public int erase(ErasedPerson person) {
        var org = person.organisation().value();
        String email = person.email();
        int changed =
                jdbc.sql(
                                "delete from outbox_mail where organisation_id = ? and lower(recipient) = ?")
                        .params(org, email)
                        .update();
        changed +=
                jdbc.sql("delete from inbox_item where organisation_id = ? and recipient_email = ?")
                        .params(org, email)
                        .update();
        changed +=
                jdbc.sql(
                                "delete from notification_preference where organisation_id = ? and email = ?")
                        .params(org, email)
                        .update();
        changed +=
                jdbc.sql(
                                "delete from notification_subscriber where organisation_id = ? and email = ?")
                        .params(org, email)
                        .update();
        for (String value : new String[] {person.name(), email}) {
            changed += replaceMentions(org, value);
        }
        return changed;
    }

    /** Mail and inbox texts that name the person say "former member" instead. */
    private int replaceMentions(java.util.UUID org, String value) {
        String like = "%" + like(value) + "%";
        int changed =
                jdbc.sql(
                                "update outbox_mail set subject = replace(subject, :value, :former),"
                                        + " body = replace(body, :value, :former),"
                                        + " calendar = replace(calendar, :value, :former)"
                                        + " where organisation_id = :org and (lower(subject) like :like escape '\\'"
                                        + " or lower(body) like :like escape '\\'"
                                        + " or lower(calendar) like :like escape '\\')")
                        .param("value", value)
                        .param("former", FORMER_MEMBER)
                        .param("org", org)
                        .param("like", like.toLowerCase(Locale.ROOT))
                        .update();
        changed +=
                jdbc.sql(
                                "update inbox_item set text = replace(text, :value, :former)"
                                        + " where organisation_id = :org and lower(text) like :like escape '\\'")
                        .param("value", value)
                        .param("former", FORMER_MEMBER)
                        .param("org", org)
                        .param("like", like.toLowerCase(Locale.ROOT))
                        .update();
        return changed;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
