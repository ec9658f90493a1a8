package io.tandem.programs;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who manages which program: the one rule pages and API share. An admin manages every program of
 * their organisation; a {@code PROGRAM_MANAGER} only the programs they are assigned to (as the
 * person with their e-mail); nobody else manages any. A program somebody does not manage answers
 * 404 on management routes, as a foreign id does, so its existence does not leak.
 */
@Service
public class ProgramAccess {

    /** A program manager as listed on the program's page and in the API. */
    public record Manager(PersonId personId, String email, String name) {}

    private final JdbcClient jdbc;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final Programs repository;
    private final EnrolmentManagement enrolling;
    private final ApplicationEventPublisher events;
    private final IdentityManagement identity;
    private final Clock clock;

    ProgramAccess(
            JdbcClient jdbc,
            PeopleManagement people,
            ProgramManagement programs,
            Programs repository,
            EnrolmentManagement enrolling,
            ApplicationEventPublisher events,
            IdentityManagement identity,
            Clock clock) {
        this.identity = identity;
        this.clock = clock;
        this.enrolling = enrolling;
        this.jdbc = jdbc;
        this.people = people;
        this.programs = programs;
        this.repository = repository;
        this.events = events;
    }

    /**
     * The enrolment, if the caller may withdraw it: their own, or one of a program they manage.
     * Pages and the API ask here.
     *
     * @throws org.springframework.security.access.AccessDeniedException for an employee's request
     *     about someone else's enrolment
     * @throws NotFound for a program manager outside their programs
     */
    public EnrolmentView withdrawable(TandemUser user, EnrolmentId id) {
        EnrolmentView view = enrolling.withdrawable(user, id);
        if (!view.heldBy(user)) {
            requireManagerScope(user, view.programId());
        }
        return view;
    }

    /** Whether the caller manages the program (which must be their organisation's). */
    public boolean manages(TandemUser user, ProgramId program) {
        if (user == null || program == null) {
            return false;
        }
        return switch (user.role()) {
            case ADMIN -> exists(user.organisationId(), program);
            case PROGRAM_MANAGER ->
                    me(user).map(person -> assigned(user.organisationId(), program, person))
                            .orElse(false);
            case EMPLOYEE -> false;
        };
    }

    /**
     * Refuses, as not found, a program-scoped role acting on a program it does not manage. Admins
     * and employees pass here: the organisation scoping of queries and the role checks of routes
     * answer for them.
     *
     * @throws NotFound for a program manager outside their programs
     */
    public void requireManagerScope(TandemUser user, ProgramId program) {
        if (user != null && user.role() == Role.PROGRAM_MANAGER && !manages(user, program)) {
            throw new NotFound("program.not-found");
        }
    }

    /** The programs the caller may list: every open one, and the drafts they manage. */
    public Paged<ProgramView> list(TandemUser user, PageQuery page) {
        if (user.role() != Role.PROGRAM_MANAGER) {
            return programs.list(user.organisationId(), user.isAdmin(), page);
        }
        UUID person = me(user).map(PersonId::value).orElse(null);
        return Paged.counted(
                repository.listForManager(user.organisationId(), person, page),
                page,
                () -> repository.countForManager(user.organisationId(), person));
    }

    /** The program as the caller may see it: a draft only to those who manage it. */
    public ProgramView visible(TandemUser user, ProgramId program) {
        return programs.visible(user.organisationId(), program, manages(user, program));
    }

    /**
     * The programs a program manager manages; empty for everyone else (an admin's are all, and
     * callers ask {@link #manages} for them).
     */
    public Set<ProgramId> managed(TandemUser user) {
        if (user.role() != Role.PROGRAM_MANAGER) {
            return Set.of();
        }
        return me(user).map(
                        person ->
                                jdbc
                                        .sql(
                                                "select program_id from program_manager"
                                                        + " where organisation_id = ? and person_id = ?")
                                        .params(user.organisationId().value(), person.value())
                                        .query(UUID.class)
                                        .list()
                                        .stream()
                                        .map(ProgramId::new)
                                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    public List<Manager> managers(OrganisationId organisation, ProgramId program) {
        programs.get(organisation, program);
        List<PersonId> ids =
                jdbc
                        .sql(
                                "select person_id from program_manager where organisation_id = ?"
                                        + " and program_id = ? order by assigned_at, person_id")
                        .params(organisation.value(), program.value())
                        .query(UUID.class)
                        .list()
                        .stream()
                        .map(PersonId::new)
                        .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = people.findAll(organisation, ids);
        return ids.stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .map(p -> new Manager(p.id(), p.email(), p.firstName() + " " + p.lastName()))
                .toList();
    }

    /**
     * Makes a person a manager of the program; assigning twice changes nothing.
     *
     * @throws NotFound for a program or person outside the organisation
     */
    @Transactional
    public Manager assign(OrganisationId organisation, ProgramId program, PersonId person) {
        programs.get(organisation, program);
        PersonSummary who =
                people.find(organisation, person)
                        .orElseThrow(() -> new NotFound("people.not-found"));
        if (!assigned(organisation, program, person)) {
            jdbc.sql(
                            "insert into program_manager (program_id, person_id, organisation_id,"
                                    + " assigned_at) values (?, ?, ?, ?)")
                    .params(
                            program.value(),
                            person.value(),
                            organisation.value(),
                            Timestamp.from(clock.instant()))
                    .update();
            events.publishEvent(
                    new ProgramChanged(
                            organisation, program, "MANAGER_ASSIGNED", person.value().toString()));
        }
        // An employee made manager of a program becomes a program manager (audited as a role
        // change); admins keep their role. Someone without an account gets their role from an
        // admin when they have one.
        if (identity.accountState(organisation, who.email()).role() == Role.EMPLOYEE) {
            identity.changeRole(
                    organisation,
                    who.email(),
                    who.firstName() + " " + who.lastName(),
                    Role.PROGRAM_MANAGER);
        }
        return new Manager(who.id(), who.email(), who.firstName() + " " + who.lastName());
    }

    /** Assigns the person with this e-mail; an unknown e-mail is named as the field's error. */
    @Transactional
    public Manager assign(OrganisationId organisation, ProgramId program, String email) {
        programs.get(organisation, program);
        PersonSummary who =
                (email == null || email.isBlank()
                                ? Optional.<PersonSummary>empty()
                                : people.findByEmail(organisation, email.strip()))
                        .orElseThrow(
                                () ->
                                        InvalidInputException.unprocessable(
                                                "request.invalid",
                                                List.of(
                                                        InputError.field(
                                                                "email",
                                                                "program.managers.unknown"))));
        return assign(organisation, program, who.id());
    }

    /** Ends a person's management of the program; unassigning twice changes nothing. */
    @Transactional
    public boolean unassign(OrganisationId organisation, ProgramId program, PersonId person) {
        programs.get(organisation, program);
        boolean removed =
                jdbc.sql(
                                        "delete from program_manager where organisation_id = ?"
                                                + " and program_id = ? and person_id = ?")
                                .params(organisation.value(), program.value(), person.value())
                                .update()
                        > 0;
        if (removed) {
            events.publishEvent(
                    new ProgramChanged(
                            organisation,
                            program,
                            "MANAGER_UNASSIGNED",
                            person.value().toString()));
        }
        return removed;
    }

    /**
     * Admins create programs, and program managers, who then manage what they create. A token with
     * the program-manager role is nobody, so it would create a program it cannot manage: refused.
     *
     * @throws org.springframework.security.access.AccessDeniedException for such a token
     */
    public void requireMayCreate(TandemUser user) {
        if (user.role() == Role.PROGRAM_MANAGER && me(user).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "A program manager's token manages no program; use an admin token");
        }
    }

    /** A program manager who creates a program manages it from then on. */
    @Transactional
    public void created(TandemUser user, ProgramId program) {
        if (user.role() == Role.PROGRAM_MANAGER) {
            me(user).ifPresent(person -> assign(user.organisationId(), program, person));
        }
    }

    private boolean exists(OrganisationId organisation, ProgramId program) {
        try {
            programs.get(organisation, program); // remembered for the request: pages ask again
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    private boolean assigned(OrganisationId organisation, ProgramId program, PersonId person) {
        return jdbc.sql(
                                "select count(*) from program_manager where organisation_id = ?"
                                        + " and program_id = ? and person_id = ?")
                        .params(organisation.value(), program.value(), person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Optional<PersonId> me(TandemUser user) {
        if (user.email() == null) {
            // An API token is nobody: a program manager's token manages no program.
            return Optional.empty();
        }
        return people.findByEmail(user.organisationId(), user.email()).map(PersonSummary::id);
    }
}
