package io.tandem.people;

import io.tandem.identity.AccountState;
import io.tandem.identity.ActivationSummary;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Invitee;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The people module's API: import, directory, profiles and reporting lines. */
@Service
public class PeopleManagement {

    /** The time zones people pick from: "UTC" first, then the IANA region names, sorted. */
    public static final List<String> TIME_ZONES =
            java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("UTC"),
                            ZoneId.getAvailableZoneIds().stream()
                                    .filter(
                                            zone ->
                                                    zone.contains("/")
                                                            && !zone.startsWith("Etc/")
                                                            && !zone.startsWith("SystemV/"))
                                    .sorted())
                    .toList();

    private static final java.util.Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();

    /** Whether {@code value} names an IANA time zone (or is "UTC"). */
    public static boolean isTimeZone(String value) {
        return value != null && (value.equals("UTC") || ZONE_IDS.contains(value));
    }

    private final People people;
    private final WorkingWeeks weeks;
    private final MessageSourceAccessor messages;
    private final IdentityManagement identity;
    private final boolean activateOnImport;

    private final DirectoryIndex index;
    private final KeptPeople kept;
    private final PersonHistory history;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final Clock clock;

    PeopleManagement(
            People people,
            WorkingWeeks weeks,
            DirectoryIndex index,
            KeptPeople kept,
            PersonHistory history,
            MessageSource messageSource,
            IdentityManagement identity,
            PeopleProperties properties,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.people = people;
        this.weeks = weeks;
        this.index = index;
        this.kept = kept;
        this.history = history;
        this.messages = new MessageSourceAccessor(messageSource);
        this.identity = identity;
        this.activateOnImport = properties.accounts().activateOnImport();
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
        return write(organisation, before, PeopleImport.plan(file, before, messages));
    }

    /**
     * Imports people given as {@link PeopleColumns} cells, exactly as the CSV import would import
     * rows with those cells: the same checks, the same upsert by employee id, the same consequences
     * of becoming inactive ({@link PersonLeft}, accounts switched off).
     *
     * @throws InvalidInputException naming each record (row 2 is the first) and column
     */
    @Transactional
    public ImportResult importRecords(
            OrganisationId organisation, List<Map<String, String>> records) {
        List<PersonRow> before = people.findAll(organisation);
        return write(organisation, before, PeopleImport.plan(records, before, messages));
    }

    /**
     * How the people of {@code group} fared since {@code since} — left the organisation, moved
     * division or location, as later imports recorded it — against the people not in it from the
     * same divisions and job levels.
     */
    @Transactional(readOnly = true)
    public CohortOutcomes outcomes(
            OrganisationId organisation,
            java.util.Collection<PersonId> group,
            java.time.Instant since) {
        return history.compare(organisation, group, since, people.revision(organisation));
    }

    /** Every person of the organisation as import cells, in no particular order. */
    @Transactional(readOnly = true)
    public List<PersonRecord> records(OrganisationId organisation) {
        List<PersonRow> all = people.findAll(organisation);
        Map<UUID, String> employeeIdOf = new HashMap<>();
        all.forEach(row -> employeeIdOf.put(row.id(), row.employeeId()));
        return all.stream()
                .map(
                        row ->
                                new PersonRecord(
                                        new PersonId(row.id()),
                                        PeopleImport.cells(row, employeeIdOf)))
                .toList();
    }

    private ImportResult write(
            OrganisationId organisation, List<PersonRow> before, PeopleImport.Plan plan) {
        people.insertAll(organisation, plan.inserts());
        people.updateAll(organisation, plan.updates());
        history.record(organisation, before, plan.updates());
        updateAccounts(organisation, plan);
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
        ImportResult result = plan.result();
        events.publishEvent(
                new PeopleImported(
                        organisation, result.created(), result.updated(), result.unchanged()));
        return result;
    }

    /**
     * People who left cannot sign in from now on; people back again can, with their password; new
     * people are asked to activate their account when the organisation wants that on import.
     */
    private void updateAccounts(OrganisationId organisation, PeopleImport.Plan plan) {
        List<PersonRow> written = new ArrayList<>(plan.inserts());
        written.addAll(plan.updates());
        identity.disableAccounts(
                organisation,
                written.stream()
                        .filter(row -> row.status() == PersonStatus.INACTIVE)
                        .map(PersonRow::email)
                        .toList());
        identity.enableAccounts(
                organisation,
                plan.updates().stream()
                        .filter(row -> row.status() == PersonStatus.ACTIVE)
                        .map(PersonRow::email)
                        .toList());
        if (activateOnImport) {
            identity.requestActivations(
                    organisation,
                    plan.inserts().stream()
                            .filter(row -> row.status() == PersonStatus.ACTIVE)
                            .map(PeopleManagement::invitee)
                            .toList());
        }
    }

    /**
     * The organisation's people with whether each can sign in, by name; {@code waitingOnly} keeps
     * the active people who cannot sign in yet.
     */
    @Transactional(readOnly = true)
    public AccountsOverview accounts(
            OrganisationId organisation, boolean waitingOnly, PageQuery page) {
        List<PersonRow> everyone = new ArrayList<>(people.findAll(organisation));
        everyone.sort(
                java.util.Comparator.comparing(PersonRow::lastName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PersonRow::firstName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PersonRow::employeeId));
        Map<String, AccountState> states =
                identity.accountStates(
                        organisation, everyone.stream().map(PersonRow::emailKey).toList());
        long activated = 0;
        long invited = 0;
        long waiting = 0;
        long inactive = 0;
        List<PersonAccount> listed = new ArrayList<>();
        for (PersonRow row : everyone) {
            AccountState state = states.getOrDefault(row.emailKey(), AccountState.NONE);
            boolean isWaiting = row.status() == PersonStatus.ACTIVE && !state.activated();
            if (row.status() == PersonStatus.INACTIVE) {
                inactive++;
            } else if (state.activated()) {
                activated++;
            } else {
                waiting++;
                if (state.status() == AccountState.Status.INVITED) {
                    invited++;
                }
            }
            if (!waitingOnly || isWaiting) {
                listed.add(new PersonAccount(row.summary(), state));
            }
        }
        int from = (int) Math.min(listed.size(), page.offset());
        int to = Math.min(listed.size(), from + page.size());
        return new AccountsOverview(
                Paged.of(listed.subList(from, to), page, listed.size()),
                activated,
                invited,
                waiting,
                inactive);
    }

    /** Whether the person can sign in. */
    public AccountState account(OrganisationId organisation, PersonId id) {
        return identity.accountState(organisation, get(organisation, id).email());
    }

    /**
     * Gives the person's account another role (an admin's decision; audited). Their sessions end,
     * so it holds from their next request.
     *
     * @return the account as it is now
     */
    @Transactional
    public AccountState changeRole(OrganisationId organisation, PersonId id, Role role) {
        var person = get(organisation, id);
        identity.changeRole(
                organisation, person.email(), person.firstName() + " " + person.lastName(), role);
        return identity.accountState(organisation, person.email());
    }

    /**
     * Mails the person a link to set their password, unless they can sign in already.
     *
     * @throws InvalidInputException when the person is inactive
     */
    @Transactional
    public ActivationSummary sendActivation(OrganisationId organisation, PersonId id) {
        PersonRow person =
                people.find(organisation, id.value())
                        .orElseThrow(() -> new NotFound("people.not-found"));
        if (person.status() != PersonStatus.ACTIVE) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("accounts.inactive"),
                    List.of(InputError.field("person", messages.getMessage("accounts.inactive"))));
        }
        return identity.requestActivations(organisation, List.of(invitee(person)));
    }

    /** Mails an activation link to every active person who cannot sign in yet. */
    @Transactional
    public ActivationSummary sendActivations(OrganisationId organisation) {
        List<PersonRow> active =
                people.findAll(organisation).stream()
                        .filter(row -> row.status() == PersonStatus.ACTIVE)
                        .toList();
        Map<String, AccountState> states =
                identity.accountStates(
                        organisation, active.stream().map(PersonRow::emailKey).toList());
        return identity.requestActivations(
                organisation,
                active.stream()
                        .filter(
                                row ->
                                        !states.getOrDefault(row.emailKey(), AccountState.NONE)
                                                .activated())
                        .map(PeopleManagement::invitee)
                        .toList());
    }

    private static Invitee invitee(PersonRow row) {
        return new Invitee(row.email(), row.firstName() + " " + row.lastName());
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
        // The layout, the page and its sections each ask for the people they show.
        return io.tandem.web.RequestMemo.remember(
                "person",
                organisation,
                id,
                () -> kept(organisation, id, () -> read(organisation, id)));
    }

    private Optional<PersonSummary> read(OrganisationId organisation, PersonId id) {
        return people.find(organisation, id.value()).map(PersonRow::summary);
    }

    /**
     * In a GET request, the person kept at the organisation's current people revision (KeptPeople);
     * otherwise, and the first time, what {@code read} finds.
     */
    private Optional<PersonSummary> kept(
            OrganisationId organisation, Object key, Supplier<Optional<PersonSummary>> read) {
        return io.tandem.web.RequestMemo.reading()
                ? kept.find(organisation, key, index.revision(organisation), read)
                : read.get();
    }

    public PersonSummary get(OrganisationId organisation, PersonId id) {
        return find(organisation, id).orElseThrow(() -> new NotFound("people.not-found"));
    }

    /** The people with these ids in the organisation; ids of other organisations are left out. */
    public java.util.Map<PersonId, PersonSummary> findAll(
            OrganisationId organisation, java.util.Collection<PersonId> ids) {
        // The people this request already read (the viewer, the pair on a workspace whose
        // sections each ask again) come from the request's memo; the rest in one statement.
        java.util.Map<PersonId, PersonSummary> found = new java.util.HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        boolean reading = io.tandem.web.RequestMemo.reading() && !ids.isEmpty();
        long revision = reading ? index.revision(organisation) : 0;
        for (PersonId id : new java.util.LinkedHashSet<>(ids)) {
            Optional<Optional<PersonSummary>> known =
                    io.tandem.web.RequestMemo.recall("person", organisation, id);
            if (known.isEmpty() && reading) {
                known = kept.recall(organisation, id, revision);
            }
            if (known.isPresent()) {
                known.get().ifPresent(p -> found.put(id, p));
            } else {
                unknown.add(id.value());
            }
        }
        if (unknown.isEmpty()) {
            return found;
        }
        java.util.Map<PersonId, PersonSummary> read = new java.util.HashMap<>();
        people.findAll(organisation, unknown)
                .forEach(row -> read.put(new PersonId(row.id()), row.summary()));
        for (UUID value : unknown) {
            PersonId id = new PersonId(value);
            Optional<PersonSummary> person =
                    io.tandem.web.RequestMemo.remember(
                            "person", organisation, id, () -> Optional.ofNullable(read.get(id)));
            if (reading) {
                kept.keep(organisation, id, revision, person);
            }
            person.ifPresent(p -> found.put(id, p));
        }
        return found;
    }

    /**
     * Name, division, location and function of each of {@code ids} found in the organisation, for
     * reports over many pairs: no profile, no tags.
     */
    @Transactional(readOnly = true)
    public java.util.Map<PersonId, PersonPlacement> placements(
            OrganisationId organisation, java.util.Collection<PersonId> ids) {
        return people.placements(
                organisation, ids.stream().map(PersonId::value).distinct().toList());
    }

    /** Each person's manager (null at the top), for reporting-chain checks over the whole tree. */
    public java.util.Map<PersonId, PersonId> managers(OrganisationId organisation) {
        return people.managers(organisation);
    }

    public Optional<PersonSummary> findByEmail(OrganisationId organisation, String email) {
        return email == null
                ? Optional.empty()
                : io.tandem.web.RequestMemo.remember(
                        "person-email",
                        organisation,
                        email,
                        () -> {
                            Optional<PersonSummary> found =
                                    kept(
                                            organisation,
                                            email,
                                            () ->
                                                    people.findByEmail(organisation, email)
                                                            .map(PersonRow::summary));
                            // The viewer found by e-mail is then often asked for by id (their
                            // enrolments, their cards): the same row, not read again.
                            found.ifPresent(
                                    person ->
                                            io.tandem.web.RequestMemo.remember(
                                                    "person",
                                                    organisation,
                                                    person.id(),
                                                    () -> found));
                            return found;
                        });
    }

    public long count(OrganisationId organisation) {
        return people.count(organisation);
    }

    public ReportingLine reportingLine(OrganisationId organisation, PersonId id) {
        // A profile's line walks up one manager at a time: kept by people revision in a GET.
        return io.tandem.web.RequestMemo.reading()
                ? kept.line(
                        organisation,
                        id,
                        index.revision(organisation),
                        () -> readReportingLine(organisation, id))
                : readReportingLine(organisation, id);
    }

    private ReportingLine readReportingLine(OrganisationId organisation, PersonId id) {
        PersonRow person =
                people.find(organisation, id.value())
                        .orElseThrow(() -> new NotFound("people.not-found"));
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
        return new ReportingLine(List.copyOf(managers), reports);
    }

    public PeopleValues values(OrganisationId organisation) {
        return index.values(organisation);
    }

    /**
     * The divisions and locations of {@code ids}, each counted as often as it occurs, from the
     * directory's index: a program's thousands of enrolled people are counted without reading them.
     */
    public PeopleSpread spread(OrganisationId organisation, java.util.Collection<PersonId> ids) {
        return index.spread(organisation, ids);
    }

    /**
     * The organisation's people revision: it moves whenever anyone's details (names included)
     * change, so a view built from names can be kept until it moves. Read once per GET request.
     */
    public long revision(OrganisationId organisation) {
        return index.revision(organisation);
    }

    /** The names of {@code ids}, from the directory's index; other organisations' are left out. */
    public Map<PersonId, PersonName> names(
            OrganisationId organisation, java.util.Collection<PersonId> ids) {
        return index.names(organisation, ids);
    }

    /**
     * A page of {@code among} (each id once; other organisations' left out) in name order, those
     * whose name, e-mail, employee id or title holds every word of {@code q} when given, with how
     * many match in all: for a form that picks one of thousands. From the directory's index.
     */
    public Paged<PersonName> namesAmong(
            OrganisationId organisation,
            java.util.Collection<PersonId> among,
            String q,
            PageQuery page) {
        DirectoryIndex.Page found = index.among(organisation, among, q, page);
        Map<PersonId, PersonName> names =
                index.names(organisation, found.ids().stream().map(PersonId::new).toList());
        return Paged.of(
                found.ids().stream().map(id -> names.get(new PersonId(id))).toList(),
                page,
                found.total());
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
                        .orElseThrow(() -> new NotFound("people.not-found"));
        ProfileUpdate clean =
                new ProfileUpdate(
                        trimToNull(update.bio()),
                        Tags.clean(update.skills()),
                        Tags.clean(update.skillsWanted()),
                        trimToNull(update.aspiredDivision()),
                        trimToNull(update.aspiredLocation()),
                        Tags.clean(update.languages()),
                        update.timeZone() == null ? "" : update.timeZone().trim());
        List<InputError> errors = profileErrors(clean);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("profile.invalid"), errors);
        }
        PersonRow updated = person.withProfile(clean);
        people.updateAll(organisation, List.of(updated));
        return updated.summary();
    }

    /** What is wrong with a cleaned profile, field by field, in the form's order. */
    private List<InputError> profileErrors(ProfileUpdate profile) {
        List<InputError> errors = new ArrayList<>();
        if (!isTimeZone(profile.timeZone())) {
            errors.add(
                    InputError.field("timeZone", messages.getMessage("profile.time-zone.invalid")));
        }
        if (profile.bio() != null && profile.bio().length() > 4000) {
            errors.add(InputError.field("bio", messages.getMessage("profile.bio.too-long")));
        }
        if (Tags.join(profile.skills()).length() > 4000) {
            errors.add(InputError.field("skills", messages.getMessage("profile.list.too-long")));
        }
        if (Tags.join(profile.skillsWanted()).length() > 4000) {
            errors.add(
                    InputError.field("skillsWanted", messages.getMessage("profile.list.too-long")));
        }
        if (Tags.join(profile.languages()).length() > 1000) {
            errors.add(InputError.field("languages", messages.getMessage("profile.list.too-long")));
        }
        if (tooLong(profile.aspiredDivision(), 200)) {
            errors.add(
                    InputError.field("aspiredDivision", messages.getMessage("profile.too-long")));
        }
        if (tooLong(profile.aspiredLocation(), 200)) {
            errors.add(
                    InputError.field("aspiredLocation", messages.getMessage("profile.too-long")));
        }
        return errors;
    }

    private static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    /** One day of the working-hours form: whether the person works then, and from when to when. */
    public record DayHours(java.time.DayOfWeek day, boolean works, String start, String end) {}

    /** The person's working hours, the default (Mon–Fri 09:00–17:00) until they set their own. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public WorkingHours workingHours(OrganisationId organisation, PersonId id) {
        return workingHours(organisation, List.of(id)).get(id);
    }

    /**
     * Working hours of each of these people, the default for whoever has not set theirs. One read,
     * so no transaction of its own (on PostgreSQL a COMMIT round trip).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<PersonId, WorkingHours> workingHours(
            OrganisationId organisation, java.util.Collection<PersonId> ids) {
        Map<PersonId, WorkingHours> found = weeks.find(organisation, ids);
        Map<PersonId, WorkingHours> all = new HashMap<>();
        for (PersonId id : ids) {
            all.put(id, found.getOrDefault(id, WorkingHours.DEFAULT));
        }
        return all;
    }

    /**
     * Sets the person's working hours in their own time zone; days not worked are days off.
     *
     * @throws InvalidInputException naming the day's field ({@code MONDAY.start}, …) that is wrong
     */
    @Transactional
    public WorkingHours saveWorkingHours(
            OrganisationId organisation, PersonId id, List<DayHours> days) {
        get(organisation, id);
        List<InputError> errors = new ArrayList<>();
        Map<java.time.DayOfWeek, WorkingHours.Span> spans =
                new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (DayHours day : days) {
            if (day.day() == null || !day.works()) {
                continue;
            }
            String field = day.day().name();
            java.time.LocalTime start = time(errors, field + ".start", day.start());
            java.time.LocalTime end = time(errors, field + ".end", day.end());
            if (start != null && end != null) {
                if (!end.isAfter(start)) {
                    errors.add(
                            InputError.field(
                                    field + ".end",
                                    messages.getMessage("working-hours.end-before-start")));
                } else {
                    spans.put(day.day(), new WorkingHours.Span(start, end));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("working-hours.invalid"), errors);
        }
        WorkingHours hours = new WorkingHours(spans);
        weeks.save(organisation, id, hours, clock.instant());
        return hours;
    }

    private java.time.LocalTime time(List<InputError> errors, String field, String value) {
        try {
            return java.time.LocalTime.parse(value == null ? "" : value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(InputError.field(field, messages.getMessage("working-hours.time.invalid")));
            return null;
        }
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
