package io.tandem.people;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's personal data (GDPR articles 15, 17 and 20): everything Tandem holds about them as one
 * document, and erasure. Every module contributes its part through {@link PersonalDataContributor};
 * the profile and the account are this module's own.
 */
@Service
public class PersonalDataManagement {

    /** The export's format name, so a reader knows which shape it has. */
    public static final String FORMAT = "tandem-personal-data/1";

    static final String ERASED_DOMAIN = "@erased.invalid";

    private final PeopleManagement management;
    private final People people;
    private final WorkingWeeks weeks;
    private final PersonHistory history;
    private final IdentityManagement identity;
    private final ObjectProvider<PersonalDataContributor> contributors;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    PersonalDataManagement(
            PeopleManagement management,
            People people,
            WorkingWeeks weeks,
            PersonHistory history,
            IdentityManagement identity,
            ObjectProvider<PersonalDataContributor> contributors,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.management = management;
        this.people = people;
        this.weeks = weeks;
        this.history = history;
        this.identity = identity;
        this.contributors = contributors;
        this.events = events;
    }

    /**
     * Everything Tandem holds about the person, section by section; recorded in the audit trail.
     *
     * @throws io.tandem.shared.NotFound for a person of another organisation
     */
    @Transactional
    public Map<String, Object> export(OrganisationId organisation, PersonId id) {
        PersonSummary person = management.get(organisation, id);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("exportedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        document.put("organisation", identity.organisationName(organisation));
        document.put("profile", person);
        var account = identity.accountState(organisation, person.email());
        Map<String, Object> accountPart = new LinkedHashMap<>();
        accountPart.put("status", account.status().name());
        accountPart.put(
                "invitedAt", account.invitedAt() == null ? null : account.invitedAt().toString());
        accountPart.put(
                "activatedAt",
                account.activatedAt() == null ? null : account.activatedAt().toString());
        identity.findAccount(person.email())
                .filter(user -> user.organisationId().equals(organisation))
                .ifPresent(user -> accountPart.put("role", user.role().name()));
        document.put("account", accountPart);
        document.put("workingHours", management.workingHours(organisation, id).days());
        document.put("changes", history.of(organisation, id));
        contributors.orderedStream().forEach(c -> document.putAll(c.export(organisation, id)));
        events.publishEvent(new PersonalDataExported(organisation, id));
        return document;
    }

    /** Whether the person has been erased already. */
    public boolean erased(PersonSummary person) {
        return person.email().endsWith(ERASED_DOMAIN);
    }

    /**
     * Erases the person in one transaction: each module removes what they wrote in private and
     * replaces their name and e-mail; active mentorships end ("left the organisation"); the account
     * can no longer sign in; the profile becomes "Former member". Counts and the rows that other
     * people's content hangs on stay. A second erasure of the same person changes nothing.
     *
     * @return false when the person had been erased already
     * @throws io.tandem.shared.NotFound for a person of another organisation
     */
    @Transactional
    public boolean erase(OrganisationId organisation, PersonId id) {
        PersonSummary person = management.get(organisation, id);
        if (erased(person)) {
            return false;
        }
        ErasedPerson erased =
                new ErasedPerson(
                        organisation,
                        id,
                        person.email().strip().toLowerCase(Locale.ROOT),
                        person.name());
        int changed = 0;
        for (PersonalDataContributor contributor : contributors.orderedStream().toList()) {
            changed += contributor.erase(erased);
        }
        String placeholder = "erased-" + id.value();
        identity.eraseAccount(
                organisation,
                erased.email(),
                placeholder + ERASED_DOMAIN,
                PersonalDataContributor.FORMER_MEMBER);
        people.pseudonymise(organisation, id.value(), placeholder);
        weeks.forget(organisation, id);
        events.publishEvent(new PersonErased(organisation, id, changed + 1));
        return true;
    }
}
