package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to enrol: by e-mail list, by person and by segment of the organisation, with a
 * preview of who they would reach.
 */
@Service
public class ProgramInvitations {

    private final ProgramLookup lookup;
    private final Enrolments enrolments;
    private final PeopleManagement people;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    ProgramInvitations(
            ProgramLookup lookup,
            Enrolments enrolments,
            PeopleManagement people,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            Clock clock) {
        this.lookup = lookup;
        this.enrolments = enrolments;
        this.people = people;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    /**
     * Invites people to enrol in a role; people already enrolled or invited in that role, and
     * inactive people, are skipped.
     *
     * @return how many were invited
     */
    @Transactional
    public int invite(
            OrganisationId organisation,
            ProgramId programId,
            Collection<PersonId> personIds,
            EnrolmentRole role) {
        ProgramView program = lookup.get(organisation, programId);
        Program.of(program).refuseInvitations();
        if (role == null) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("enrolment.invalid"),
                    List.of(field("role", "enrolment.role.invalid")));
        }
        Map<PersonId, PersonSummary> found = people.findAll(organisation, personIds);
        int invited = 0;
        Instant now = clock.instant();
        for (PersonSummary person : found.values()) {
            if (!person.active()) {
                continue;
            }
            if (invite(organisation, program, person, role, now)) {
                invited++;
            }
        }
        return invited;
    }

    /**
     * One person's invitation, new or renewed (after a decline or withdrawal); false when the
     * person is enrolled or invited in that role already.
     */
    private boolean invite(
            OrganisationId organisation,
            ProgramView program,
            PersonSummary person,
            EnrolmentRole role,
            Instant now) {
        Optional<Enrolment> existing =
                enrolments.find(organisation, program.id(), person.id(), role);
        if (existing.isPresent() && !existing.get().invitable()) {
            return false;
        }
        Enrolment invitation =
                Enrolment.invitation(
                        existing.map(Enrolment::id)
                                .orElseGet(() -> new EnrolmentId(UUID.randomUUID())),
                        program,
                        person,
                        role,
                        now);
        if (existing.isPresent()) {
            enrolments.update(organisation, invitation);
        } else {
            enrolments.insert(organisation, invitation);
        }
        events.publishEvent(
                new EnrolmentInvited(
                        organisation, program.id(), invitation.id(), person.id(), role, now));
        return true;
    }

    /**
     * Invites by e-mail list, by person ids and by segment in one transaction: all or nothing.
     *
     * @return how many were invited
     */
    @Transactional
    public int inviteAll(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentRole role,
            List<String> emails,
            Collection<PersonId> personIds,
            DirectoryQuery segment) {
        int invited = 0;
        if (emails != null && !emails.isEmpty()) {
            invited += inviteEmails(organisation, programId, emails, role);
        }
        if (personIds != null && !personIds.isEmpty()) {
            invited += invite(organisation, programId, personIds, role);
        }
        if (segment != null) {
            invited += inviteSegment(organisation, programId, segment, role);
        }
        return invited;
    }

    /** Invites everyone active in a segment of the organisation. */
    @Transactional
    public int inviteSegment(
            OrganisationId organisation,
            ProgramId programId,
            DirectoryQuery segment,
            EnrolmentRole role) {
        return invite(organisation, programId, segmentIds(organisation, segment), role);
    }

    /**
     * Who an invitation by e-mail list (when {@code emails} holds any) or else by segment would
     * reach, without sending anything.
     *
     * @throws InvalidInputException naming each line whose address is unknown or inactive
     */
    public InvitationPreview previewInvitation(
            OrganisationId organisation,
            ProgramId programId,
            EnrolmentRole role,
            List<String> emails,
            DirectoryQuery segment) {
        lookup.get(organisation, programId);
        boolean byEmail =
                emails != null && emails.stream().anyMatch(e -> e != null && !e.isBlank());
        List<PersonId> ids =
                byEmail ? emailIds(organisation, emails) : segmentIds(organisation, segment);
        java.util.Set<PersonId> already =
                enrolments.all(organisation, programId).stream()
                        .filter(e -> e.role() == role && e.status() != EnrolmentStatus.WITHDRAWN)
                        .map(Enrolment::personId)
                        .collect(Collectors.toSet());
        List<PersonSummary> newcomers =
                people.findAll(organisation, ids).values().stream()
                        .filter(PersonSummary::active)
                        .filter(p -> !already.contains(p.id()))
                        .sorted(
                                java.util.Comparator.comparing(PersonSummary::lastName)
                                        .thenComparing(PersonSummary::firstName))
                        .toList();
        int alreadyIn = (int) ids.stream().distinct().filter(already::contains).count();
        return new InvitationPreview(
                newcomers.size(), alreadyIn, newcomers.stream().limit(10).toList());
    }

    private List<PersonId> segmentIds(OrganisationId organisation, DirectoryQuery segment) {
        List<PersonId> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch =
                    people.search(organisation, segment, PageQuery.of(page, PageQuery.MAX_SIZE));
            batch.items().stream()
                    .filter(PersonSummary::active)
                    .map(PersonSummary::id)
                    .forEach(ids::add);
            if (!batch.hasNext()) {
                break;
            }
        }
        return ids;
    }

    /**
     * Invites the people a list of e-mail addresses names, all or none.
     *
     * @throws InvalidInputException naming each line whose address is unknown or inactive
     */
    @Transactional
    public int inviteEmails(
            OrganisationId organisation,
            ProgramId programId,
            List<String> emails,
            EnrolmentRole role) {
        return invite(organisation, programId, emailIds(organisation, emails), role);
    }

    private List<PersonId> emailIds(OrganisationId organisation, List<String> emails) {
        List<InputError> errors = new ArrayList<>();
        List<PersonId> ids = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i) == null ? "" : emails.get(i).trim();
            if (email.isEmpty() || email.equalsIgnoreCase("email")) {
                continue;
            }
            Optional<PersonSummary> person = people.findByEmail(organisation, email);
            if (person.isEmpty()) {
                errors.add(
                        InputError.cell(
                                i + 1,
                                "email",
                                messages.getMessage(
                                        "enrolment.email.unknown", new Object[] {email})));
            } else if (!person.get().active()) {
                errors.add(
                        InputError.cell(
                                i + 1,
                                "email",
                                messages.getMessage(
                                        "enrolment.inactive", new Object[] {person.get().name()})));
            } else {
                ids.add(person.get().id());
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("invite.refused"), errors);
        }
        return ids;
    }

    private InputError field(String field, String code, Object... args) {
        return InputError.field(field, messages.getMessage(code, args));
    }
}
