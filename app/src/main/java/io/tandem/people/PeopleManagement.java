package io.tandem.people;

import io.tandem.identity.OrganisationId;
import io.tandem.web.InputError;
import io.tandem.web.InvalidInputException;
import io.tandem.web.NotFoundException;
import io.tandem.web.PageQuery;
import io.tandem.web.Paged;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people module's API: import, directory, profiles and reporting lines. */
@Service
public class PeopleManagement {

    /** IANA region names people pick their time zone from, sorted; "UTC" is offered apart. */
    public static final List<String> TIME_ZONES =
            ZoneId.getAvailableZoneIds().stream()
                    .filter(
                            zone ->
                                    zone.contains("/")
                                            && !zone.startsWith("Etc/")
                                            && !zone.startsWith("SystemV/"))
                    .sorted()
                    .toList();

    private static final java.util.Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();

    /** Whether {@code value} names an IANA time zone (or is "UTC"). */
    public static boolean isTimeZone(String value) {
        return value != null && (value.equals("UTC") || ZONE_IDS.contains(value));
    }

    private final People people;
    private final MessageSourceAccessor messages;

    private final DirectoryIndex index;
    private final org.springframework.context.ApplicationEventPublisher events;

    PeopleManagement(
            People people,
            DirectoryIndex index,
            MessageSource messageSource,
            org.springframework.context.ApplicationEventPublisher events) {
        this.people = people;
        this.index = index;
        this.messages = new MessageSourceAccessor(messageSource);
        this.events = events;
    }

    /**
     * Imports an HR-system CSV export: all of it, or nothing and every error found.
     *
     * @throws InvalidInputException naming each row and column that is wrong
     */
    @Transactional
    public ImportResult importCsv(OrganisationId organisation, byte[] file) {
        List<PersonRow> before = people.findAll(organisation);
        PeopleImport.Plan plan = PeopleImport.plan(file, before, messages);
        people.insertAll(organisation, plan.inserts());
        people.updateAll(organisation, plan.updates());
        Set<UUID> wereActive = new HashSet<>();
        before.stream()
                .filter(p -> p.status() == PersonStatus.ACTIVE)
                .forEach(p -> wereActive.add(p.id()));
        plan.updates().stream()
                .filter(p -> p.status() == PersonStatus.INACTIVE && wereActive.contains(p.id()))
                .forEach(
                        p ->
                                events.publishEvent(
                                        new PersonLeft(organisation, new PersonId(p.id()))));
        return plan.result();
    }

    public Paged<PersonSummary> search(
            OrganisationId organisation, DirectoryQuery query, PageQuery page) {
        DirectoryIndex.Page found = index.search(organisation, query, page);
        Map<UUID, PersonRow> rows = new HashMap<>();
        people.findAll(organisation, found.ids()).forEach(row -> rows.put(row.id(), row));
        List<PersonSummary> items =
                found.ids().stream()
                        .map(rows::get)
                        .filter(java.util.Objects::nonNull)
                        .map(PersonRow::summary)
                        .toList();
        return Paged.of(items, page, found.total());
    }

    public Optional<PersonSummary> find(OrganisationId organisation, PersonId id) {
        return people.find(organisation, id.value()).map(PersonRow::summary);
    }

    public PersonSummary get(OrganisationId organisation, PersonId id) {
        return find(organisation, id)
                .orElseThrow(() -> new NotFoundException(messages.getMessage("people.not-found")));
    }

    /** The people with these ids in the organisation; ids of other organisations are left out. */
    public java.util.Map<PersonId, PersonSummary> findAll(
            OrganisationId organisation, java.util.Collection<PersonId> ids) {
        java.util.Map<PersonId, PersonSummary> found = new java.util.HashMap<>();
        people.findAll(organisation, ids.stream().map(PersonId::value).distinct().toList())
                .forEach(row -> found.put(new PersonId(row.id()), row.summary()));
        return found;
    }

    /** Each person's manager (null at the top), for reporting-chain checks over the whole tree. */
    public java.util.Map<PersonId, PersonId> managers(OrganisationId organisation) {
        return people.managers(organisation);
    }

    public Optional<PersonSummary> findByEmail(OrganisationId organisation, String email) {
        return email == null
                ? Optional.empty()
                : people.findByEmail(organisation, email).map(PersonRow::summary);
    }

    public long count(OrganisationId organisation) {
        return people.count(organisation);
    }

    public ReportingLine reportingLine(OrganisationId organisation, PersonId id) {
        PersonRow person =
                people.find(organisation, id.value())
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                messages.getMessage("people.not-found")));
        List<PersonSummary> managers = new ArrayList<>();
        Set<UUID> seen = new HashSet<>(Set.of(person.id()));
        UUID next = person.managerId();
        while (next != null && seen.add(next)) {
            Optional<PersonRow> manager = people.find(organisation, next);
            if (manager.isEmpty()) {
                break;
            }
            managers.add(manager.get().summary());
            next = manager.get().managerId();
        }
        List<PersonSummary> reports =
                people.findReports(organisation, person.id()).stream()
                        .map(PersonRow::summary)
                        .toList();
        return new ReportingLine(managers, reports);
    }

    public PeopleValues values(OrganisationId organisation) {
        return index.values(organisation);
    }

    /**
     * Changes what a person may edit about themselves.
     *
     * @throws InvalidInputException naming the field that is wrong
     */
    @Transactional
    public PersonSummary updateProfile(
            OrganisationId organisation, PersonId id, ProfileUpdate update) {
        PersonRow person =
                people.find(organisation, id.value())
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                messages.getMessage("people.not-found")));
        List<InputError> errors = new ArrayList<>();
        String timeZone = update.timeZone() == null ? "" : update.timeZone().trim();
        if (!isTimeZone(timeZone)) {
            errors.add(
                    InputError.field("timeZone", messages.getMessage("profile.time-zone.invalid")));
        }
        String bio = trimToNull(update.bio());
        if (bio != null && bio.length() > 4000) {
            errors.add(InputError.field("bio", messages.getMessage("profile.bio.too-long")));
        }
        List<String> skills = Tags.clean(update.skills());
        List<String> wanted = Tags.clean(update.skillsWanted());
        List<String> languages = Tags.clean(update.languages());
        if (Tags.join(skills).length() > 4000) {
            errors.add(InputError.field("skills", messages.getMessage("profile.list.too-long")));
        }
        if (Tags.join(wanted).length() > 4000) {
            errors.add(
                    InputError.field("skillsWanted", messages.getMessage("profile.list.too-long")));
        }
        if (Tags.join(languages).length() > 1000) {
            errors.add(InputError.field("languages", messages.getMessage("profile.list.too-long")));
        }
        String aspiredDivision = trimToNull(update.aspiredDivision());
        String aspiredLocation = trimToNull(update.aspiredLocation());
        if (aspiredDivision != null && aspiredDivision.length() > 200) {
            errors.add(
                    InputError.field("aspiredDivision", messages.getMessage("profile.too-long")));
        }
        if (aspiredLocation != null && aspiredLocation.length() > 200) {
            errors.add(
                    InputError.field("aspiredLocation", messages.getMessage("profile.too-long")));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("profile.invalid"), errors);
        }
        PersonRow updated =
                person.withProfile(
                        new ProfileUpdate(
                                bio,
                                skills,
                                wanted,
                                aspiredDivision,
                                aspiredLocation,
                                languages,
                                timeZone));
        people.updateAll(organisation, List.of(updated));
        return updated.summary();
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
