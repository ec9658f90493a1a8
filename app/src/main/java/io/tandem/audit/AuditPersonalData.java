package io.tandem.audit;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the person did as the audit trail records it. Erasure replaces their e-mail where it names
 * the actor with "Former member"; the chain hashes a digest of the label, so it still verifies.
 */
@Component
class AuditPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;
    private final AuditEntries entries;
    private final PeopleManagement people;

    AuditPersonalData(JdbcClient jdbc, AuditEntries entries, PeopleManagement people) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.people = people;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        String email = people.get(organisation, person).email().strip().toLowerCase(Locale.ROOT);
        return Map.of(
                "auditTrail",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select occurred_at, action, target_type, target_id, address"
                                                + " from audit_entry where organisation_id = ?"
                                                + " and lower(actor_label) = ? order by seq")
                                .params(organisation.value(), email)
                                .query()
                                .listOfRows()));
    }

    @Override
    public int erase(ErasedPerson person) {
        return entries.replaceLabel(person.organisation(), person.email(), FORMER_MEMBER);
    }
}
