package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.WorkspaceView.Agreement;
import io.tandem.mentorships.WorkspaceView.Goal;
import io.tandem.mentorships.WorkspaceView.Milestone;
import io.tandem.mentorships.WorkspaceView.ProgressUpdate;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonLeft;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentWithdrawn;
import io.tandem.programs.ProgramClosed;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pair's workspace: agreement, goals, milestones, action items, notes, timeline and how the
 * mentorship ends. Every command and query that touches content takes the person acting and answers
 * "not found" unless they are one of the two: nobody else learns the content exists.
 */
@Service
public class WorkspaceManagement {

    static final int MAX_TEXT = 10_000;
    static final int TIMELINE_LENGTH = 20;

    /** Action items and notes the workspace shows before "show all". */
    public static final int LIST_LENGTH = 10;

    /**
     * What the pair sets in their agreement; {@code version} is the one the editor started from.
     */
    public record AgreementDraft(
            String terms,
            String expectations,
            String meetings,
            String confidentiality,
            String duration,
            Integer version) {}

    /** A SMART goal as the pair writes it. */
    public record GoalDraft(
            String title, String measure, LocalDate targetOn, String skill, GoalStatus status) {}

    /** One person's closure survey. */
    public record SurveyAnswer(
            String achieved, Integer partnershipRating, Integer partnerRating, Boolean again) {}

    private final Workspaces workspaces;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final PeopleManagement people;
    private final Markdown markdown;
    private final ApplicationEventPublisher events;
    private final List<TimelineSource> timelineSources;
    private final org.springframework.context.support.MessageSourceAccessor messages;
    private final Clock clock;

    WorkspaceManagement(
            Workspaces workspaces,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            PeopleManagement people,
            Markdown markdown,
            ApplicationEventPublisher events,
            List<TimelineSource> timelineSources,
            org.springframework.context.MessageSource messageSource,
            Clock clock) {
        this.workspaces = workspaces;
        this.programs = programs;
        this.enrolling = enrolling;
        this.people = people;
        this.markdown = markdown;
        this.events = events;
        this.timelineSources = List.copyOf(timelineSources);
        this.messages =
                new org.springframework.context.support.MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- queries ---

    /** The workspace as {@code viewer} sees it; 404 unless they are in the pair. */
    public WorkspaceView workspace(OrganisationId organisation, MentorshipId id, PersonId viewer) {
        return workspace(organisation, id, viewer, false);
    }

    /**
     * The workspace with the latest {@link #LIST_LENGTH} action items and notes, or all of them
     * when {@code everything}.
     */
    public WorkspaceView workspace(
            OrganisationId organisation, MentorshipId id, PersonId viewer, boolean everything) {
        Workspaces.Visit visit =
                workspaces
                        .visit(organisation, id, viewer)
                        .filter(found -> viewer != null && found.row().includes(viewer))
                        .orElseThrow(() -> new NotFound("mentorship.not-found"));
        Workspaces.Row row = visit.row();
        ProgramView program = programs.get(organisation, row.summary().programId());
        LocalDate today = today();
        int limit = everything ? Integer.MAX_VALUE : LIST_LENGTH;
        // Goal lines, action items, notes and timeline in one round trip.
        Workspaces.Lists lists =
                workspaces.lists(organisation, id, viewer, today, limit, TIMELINE_LENGTH);
        var actions = lists.actions();
        var notes = lists.notes();
        List<WorkspaceView.TimelineEntry> timeline = new ArrayList<>(lists.timeline());
        timelineSources.forEach(
                source -> timeline.addAll(source.recent(organisation, id, TIMELINE_LENGTH)));
        timeline.sort(Comparator.comparing(WorkspaceView.TimelineEntry::at).reversed());
        return new WorkspaceView(
                row.summary(),
                plannedEnd(row, program),
                row.endReason(),
                viewer,
                visit.agreement().orElseGet(() -> draftAgreement(program)),
                lists.goals(),
                actions.items(),
                actions.total(),
                notes.items().stream()
                        .map(
                                n ->
                                        new WorkspaceView.Note(
                                                n.id(),
                                                n.author(),
                                                n.shared(),
                                                markdown.html(n.body()),
                                                n.createdAt()))
                        .toList(),
                notes.total(),
                List.copyOf(timeline.subList(0, Math.min(TIMELINE_LENGTH, timeline.size()))),
                programs.sharesGoals(organisation, program.id()),
                row.extensionUntil() == null
                        ? null
                        : new WorkspaceView.Extension(row.extensionUntil(), row.extensionBy()),
                visit.answered(),
                today);
    }

    /** One goal with its milestones and dated updates; 404 unless the viewer is in the pair. */
    public GoalView goal(OrganisationId organisation, MentorshipId id, PersonId viewer, UUID goal) {
        Workspaces.Row row = member(organisation, id, viewer);
        return new GoalView(
                row.summary(),
                viewer,
                goal(organisation, id, goal),
                workspaces.updates(organisation, goal),
                today());
    }

    /** A goal's dated progress updates, newest first; 404 unless the viewer is in the pair. */
    public List<ProgressUpdate> progress(
            OrganisationId organisation, MentorshipId id, PersonId viewer, UUID goal) {
        member(organisation, id, viewer);
        goal(organisation, id, goal);
        return workspaces.updates(organisation, goal);
    }

    /** The skills a goal may develop: what the mentee wants to learn. */
    public List<String> skills(OrganisationId organisation, MentorshipId id, PersonId viewer) {
        Workspaces.Row row = member(organisation, id, viewer);
        return skillsWanted(organisation, row);
    }

    /**
     * The pair alone (who, which program, status), without the workspace's sections: for callers
     * that need only the two people, such as slot proposals.
     */
    @Transactional(readOnly = true)
    public MentorshipSummary summary(OrganisationId organisation, MentorshipId id) {
        return workspaces
                .find(organisation, id)
                .orElseThrow(() -> new NotFound("mentorship.not-found"))
                .summary();
    }

    /**
     * The pair by this id if the person is one of the two; empty for anyone else, as for a pair
     * that does not exist, so that a page cannot tell the two apart.
     */
    @Transactional(readOnly = true)
    public Optional<MentorshipSummary> summaryFor(
            OrganisationId organisation, MentorshipId id, PersonId person) {
        return workspaces
                .find(organisation, id)
                .map(Workspaces.Row::summary)
                .filter(m -> person.equals(m.mentorId()) || person.equals(m.menteeId()));
    }

    /** Metadata only, for program managers, admins and API tokens of the organisation. */
    public MentorshipDetails details(OrganisationId organisation, MentorshipId id) {
        Workspaces.Row row =
                workspaces
                        .find(organisation, id)
                        .orElseThrow(() -> new NotFound("mentorship.not-found"));
        ProgramView program = programs.get(organisation, row.summary().programId());
        boolean shares = programs.sharesGoals(organisation, program.id());
        LocalDate today = today();
        Agreement agreement = workspaces.agreement(organisation, id).orElse(null);
        List<WorkspaceView.ActionItem> actions = workspaces.actionItems(organisation, id);
        MentorshipSummary m = row.summary();
        return new MentorshipDetails(
                m.id(),
                m.programId(),
                m.mentorId(),
                m.menteeId(),
                m.status(),
                m.startedOn(),
                plannedEnd(row, program),
                m.endedOn(),
                row.endReason(),
                new MentorshipDetails.AgreementState(
                        agreement != null && agreement.signed(),
                        agreement != null && agreement.mentorSignedAt() != null,
                        agreement != null && agreement.menteeSignedAt() != null),
                goalProgress(organisation, id, today, shares),
                new MentorshipDetails.ActionCounts(
                        (int) actions.stream().filter(a -> a.doneAt() == null).count(),
                        (int) actions.stream().filter(a -> a.doneAt() != null).count(),
                        (int) actions.stream().filter(a -> a.overdue(today)).count()),
                workspaces.sharedNotes(organisation, id),
                shares);
    }

    /** Each goal's progress and milestones; its title only when the pair share their goals. */
    private List<MentorshipDetails.GoalProgress> goalProgress(
            OrganisationId organisation, MentorshipId id, LocalDate today, boolean shares) {
        return workspaces.goalLines(organisation, id, today).stream()
                .map(
                        g ->
                                new MentorshipDetails.GoalProgress(
                                        g.id(),
                                        g.status(),
                                        g.progress(),
                                        g.targetOn(),
                                        g.milestones(),
                                        g.milestonesMet(),
                                        g.milestonesOverdue(),
                                        shares ? g.title() : null))
                .toList();
    }

    /** A program's closure surveys, averaged only over {@link ClosureSurveyResults#MINIMUM}+. */
    public ClosureSurveyResults surveyResults(OrganisationId organisation, ProgramId program) {
        programs.get(organisation, program);
        List<Workspaces.Answer> answers = workspaces.answers(organisation, program);
        if (answers.size() < ClosureSurveyResults.MINIMUM) {
            return new ClosureSurveyResults(answers.size(), null, null, null);
        }
        return new ClosureSurveyResults(
                answers.size(),
                round(answers.stream().mapToInt(Workspaces.Answer::partnershipRating).average()),
                round(answers.stream().mapToInt(Workspaces.Answer::partnerRating).average()),
                round(answers.stream().mapToInt(a -> a.again() ? 1 : 0).average()));
    }

    // --- agreement ---

    /** Saves the agreement; a change to a signed agreement asks both to sign again. */
    @Transactional
    public void saveAgreement(
            OrganisationId organisation, MentorshipId id, PersonId person, AgreementDraft draft) {
        Workspaces.Row row = activeMember(organisation, id, person);
        List<InputError> errors = new ArrayList<>();
        text(errors, "terms", draft.terms());
        text(errors, "expectations", draft.expectations());
        text(errors, "meetings", draft.meetings());
        text(errors, "confidentiality", draft.confidentiality());
        text(errors, "duration", draft.duration());
        refuse(errors);
        int version = draft.version() == null ? 0 : draft.version();
        Agreement agreement =
                new Agreement(
                        draft.terms().strip(),
                        draft.expectations().strip(),
                        draft.meetings().strip(),
                        draft.confidentiality().strip(),
                        draft.duration().strip(),
                        version,
                        person,
                        Instant.now(clock),
                        null,
                        null);
        boolean exists = workspaces.agreement(organisation, id).isPresent();
        if (!exists && version == 0) {
            workspaces.insertAgreement(organisation, id, agreement);
        } else if (!workspaces.updateAgreement(organisation, id, agreement)) {
            throw new Conflict("workspace.changed-meanwhile");
        }
        workspaces.record(organisation, row.summary().id(), "AGREEMENT_CHANGED", null, person);
    }

    /** Signs the version the person read; once both have signed, {@link AgreementSigned}. */
    @Transactional
    public void sign(OrganisationId organisation, MentorshipId id, PersonId person, int version) {
        Workspaces.Row row = activeMember(organisation, id, person);
        boolean mentor = row.summary().mentorId().equals(person);
        if (!workspaces.sign(organisation, id, mentor, version)) {
            throw new Conflict("workspace.changed-meanwhile");
        }
        workspaces.record(organisation, id, "AGREEMENT_SIGNED", null, person);
        if (workspaces.agreement(organisation, id).map(Agreement::signed).orElse(false)) {
            events.publishEvent(new AgreementSigned(organisation, id, row.summary().programId()));
        }
    }

    // --- goals ---

    @Transactional
    public UUID addGoal(
            OrganisationId organisation, MentorshipId id, PersonId person, GoalDraft draft) {
        Workspaces.Row row = activeMember(organisation, id, person);
        Goal goal = validGoal(organisation, row, null, draft, 0);
        UUID goalId = UUID.randomUUID();
        workspaces.insertGoal(organisation, id, goalId, goal, person);
        workspaces.record(organisation, id, "GOAL_CREATED", goalId, person);
        return goalId;
    }

    /** Adopts the program's suggested goal number {@code index} (from 0) in one click. */
    @Transactional
    public UUID adoptGoal(
            OrganisationId organisation, MentorshipId id, PersonId person, int index) {
        Workspaces.Row row = activeMember(organisation, id, person);
        ProgramView program = programs.get(organisation, row.summary().programId());
        if (index < 0 || index >= program.suggestedGoals().size()) {
            throw new NotFound("workspace.suggestion.not-found");
        }
        String suggestion = program.suggestedGoals().get(index);
        LocalDate target = plannedEnd(row, program);
        return addGoal(
                organisation,
                id,
                person,
                new GoalDraft(
                        suggestion,
                        messages.getMessage("workspace.goal.measure.suggested"),
                        target.isBefore(today()) ? today() : target,
                        null,
                        GoalStatus.NOT_STARTED));
    }

    /** Changes a goal the person saw at {@code version}; 409 if the partner saved it meanwhile. */
    @Transactional
    public void editGoal(
            OrganisationId organisation,
            MentorshipId id,
            PersonId person,
            UUID goalId,
            GoalDraft draft,
            int version) {
        Workspaces.Row row = activeMember(organisation, id, person);
        Goal before = goal(organisation, id, goalId);
        Goal after = validGoal(organisation, row, goalId, draft, version);
        after =
                new Goal(
                        goalId,
                        after.title(),
                        after.measure(),
                        after.targetOn(),
                        after.skill(),
                        after.status(),
                        after.status() == GoalStatus.ACHIEVED ? 100 : before.progress(),
                        version,
                        before.milestones());
        if (!workspaces.updateGoal(organisation, id, after)) {
            throw new Conflict("workspace.changed-meanwhile");
        }
        achieved(organisation, id, person, before, after.status());
    }

    /** Records a dated progress update (0–100 %); 100 % marks the goal achieved. */
    @Transactional
    public void recordProgress(
            OrganisationId organisation,
            MentorshipId id,
            PersonId person,
            UUID goalId,
            Integer percent,
            String comment,
            int version) {
        activeMember(organisation, id, person);
        Goal before = goal(organisation, id, goalId);
        List<InputError> errors = new ArrayList<>();
        if (percent == null || percent < 0 || percent > 100) {
            errors.add(InputError.field("percent", "workspace.percent.invalid"));
        }
        text(errors, "comment", comment);
        refuse(errors);
        GoalStatus status =
                percent == 100
                        ? GoalStatus.ACHIEVED
                        : before.status() == GoalStatus.NOT_STARTED
                                        || before.status() == GoalStatus.ACHIEVED
                                ? GoalStatus.IN_PROGRESS
                                : before.status();
        Goal after =
                new Goal(
                        goalId,
                        before.title(),
                        before.measure(),
                        before.targetOn(),
                        before.skill(),
                        status,
                        percent,
                        version,
                        before.milestones());
        if (!workspaces.updateGoal(organisation, id, after)) {
            throw new Conflict("workspace.changed-meanwhile");
        }
        workspaces.insertUpdate(organisation, goalId, percent, comment.strip(), person);
        achieved(organisation, id, person, before, status);
    }

    @Transactional
    public UUID addMilestone(
            OrganisationId organisation,
            MentorshipId id,
            PersonId person,
            UUID goalId,
            String title,
            LocalDate dueOn) {
        Workspaces.Row row = activeMember(organisation, id, person);
        goal(organisation, id, goalId);
        List<InputError> errors = new ArrayList<>();
        text(errors, "title", title);
        date(errors, "dueOn", dueOn, row, true);
        refuse(errors);
        UUID milestone = UUID.randomUUID();
        workspaces.insertMilestone(organisation, goalId, milestone, title.strip(), dueOn);
        return milestone;
    }

    @Transactional
    public void meetMilestone(
            OrganisationId organisation, MentorshipId id, PersonId person, UUID milestoneId) {
        activeMember(organisation, id, person);
        Milestone milestone =
                workspaces
                        .milestone(organisation, id, milestoneId)
                        .orElseThrow(() -> new NotFound("workspace.not-found"));
        if (workspaces.meetMilestone(organisation, milestone.id())) {
            workspaces.record(organisation, id, "MILESTONE_MET", milestone.id(), person);
        }
    }

    // --- action items ---

    @Transactional
    public UUID addActionItem(
            OrganisationId organisation,
            MentorshipId id,
            PersonId person,
            String title,
            PersonId assignee,
            LocalDate dueOn) {
        Workspaces.Row row = activeMember(organisation, id, person);
        List<InputError> errors = new ArrayList<>();
        text(errors, "title", title);
        if (assignee == null || !row.includes(assignee)) {
            errors.add(InputError.field("assignee", "workspace.assignee.invalid"));
        }
        date(errors, "dueOn", dueOn, row, false);
        refuse(errors);
        UUID item = UUID.randomUUID();
        workspaces.insertActionItem(organisation, id, item, title.strip(), assignee, dueOn, person);
        return item;
    }

    /** Ticks an action item off; ticking it twice changes nothing. */
    @Transactional
    public void completeActionItem(
            OrganisationId organisation, MentorshipId id, PersonId person, UUID item) {
        activeMember(organisation, id, person);
        if (workspaces.actionItems(organisation, id).stream().noneMatch(a -> a.id().equals(item))) {
            throw new NotFound("workspace.not-found");
        }
        if (workspaces.completeActionItem(organisation, id, item)) {
            workspaces.record(organisation, id, "ACTION_DONE", item, person);
        }
    }

    // --- notes ---

    /** A shared note both see, or a private one only its author ever sees. */
    @Transactional
    public void addNote(
            OrganisationId organisation,
            MentorshipId id,
            PersonId person,
            String body,
            boolean shared) {
        member(organisation, id, person);
        List<InputError> errors = new ArrayList<>();
        text(errors, "body", body);
        refuse(errors);
        workspaces.insertNote(organisation, id, person, shared, body.strip());
    }

    // --- ending well ---

    /**
     * Ends an active mentorship, by one of the two people ({@code by}) or, with {@code by} null, by
     * a program manager, an API token or the system; the mentor's place comes back.
     */
    @Transactional
    public MentorshipSummary end(
            OrganisationId organisation, MentorshipId id, PersonId by, EndReason reason) {
        Workspaces.Row row =
                by == null
                        ? workspaces
                                .find(organisation, id)
                                .orElseThrow(() -> new NotFound("mentorship.not-found"))
                        : member(organisation, id, by);
        if (reason == null || (by != null && !EndReason.CHOSEN.contains(reason))) {
            throw InvalidInputException.unprocessable(
                    "request.invalid",
                    List.of(InputError.field("reason", "workspace.reason.invalid")));
        }
        if (!workspaces.end(organisation, id, reason, by, today())) {
            throw new Conflict("workspace.ended");
        }
        workspaces.record(organisation, id, "ENDED", null, by);
        MentorshipSummary m = row.summary();
        events.publishEvent(
                new MentorshipEnded(
                        organisation, id, m.programId(), m.mentorId(), m.menteeId(), reason, by));
        return workspaces.find(organisation, id).orElseThrow().summary();
    }

    /** One person's closure survey, once the mentorship is over; never shown to the partner. */
    @Transactional
    public void answerSurvey(
            OrganisationId organisation, MentorshipId id, PersonId person, SurveyAnswer answer) {
        Workspaces.Row row = member(organisation, id, person);
        if (row.summary().status() == MentorshipStatus.ACTIVE) {
            throw new Conflict("workspace.survey.too-early");
        }
        List<InputError> errors = new ArrayList<>();
        text(errors, "achieved", answer.achieved());
        rating(errors, "partnershipRating", answer.partnershipRating());
        rating(errors, "partnerRating", answer.partnerRating());
        if (answer.again() == null) {
            errors.add(InputError.field("again", "workspace.again.invalid"));
        }
        refuse(errors);
        if (workspaces.answered(organisation, id, person)) {
            throw new Conflict("workspace.survey.answered");
        }
        workspaces.insertAnswer(
                organisation,
                id,
                row.summary().programId(),
                person,
                answer.achieved().strip(),
                new Workspaces.Answer(
                        answer.partnershipRating(), answer.partnerRating(), answer.again()));
    }

    /**
     * Proposes a new planned end, or agrees to the partner's proposal when it names the same date:
     * an extension needs both.
     *
     * @return whether the extension now applies
     */
    @Transactional
    public boolean extend(
            OrganisationId organisation, MentorshipId id, PersonId person, LocalDate until) {
        Workspaces.Row row = activeMember(organisation, id, person);
        ProgramView program = programs.get(organisation, row.summary().programId());
        LocalDate plannedEnd = plannedEnd(row, program);
        if (until == null || !until.isAfter(plannedEnd) || !until.isAfter(today())) {
            throw InvalidInputException.unprocessable(
                    "request.invalid",
                    List.of(InputError.field("until", "workspace.extension.invalid")));
        }
        if (row.extensionBy() != null
                && !row.extensionBy().equals(person)
                && until.equals(row.extensionUntil())) {
            if (!workspaces.extend(organisation, id, until, row.extensionBy())) {
                throw new Conflict("workspace.changed-meanwhile");
            }
            workspaces.record(organisation, id, "EXTENDED", null, person);
            return true;
        }
        workspaces.proposeExtension(organisation, id, until, person);
        return false;
    }

    // --- listeners ---

    /** Someone left the organisation: their mentorships end, and the partner is told. */
    @ApplicationModuleListener
    void on(PersonLeft left) {
        for (Workspaces.Row row : workspaces.active(left.organisationId(), null, left.personId())) {
            endQuietly(left.organisationId(), row, EndReason.LEFT_ORGANISATION);
        }
    }

    /** An erased person's active mentorships end as if they had left the organisation. */
    int endAllOf(OrganisationId organisation, PersonId person) {
        List<Workspaces.Row> active = workspaces.active(organisation, null, person);
        for (Workspaces.Row row : active) {
            endQuietly(organisation, row, EndReason.LEFT_ORGANISATION);
        }
        return active.size();
    }

    /** A closed program completes the mentorships still active in it. */
    @ApplicationModuleListener
    void on(ProgramClosed closed) {
        for (Workspaces.Row row :
                workspaces.active(closed.organisationId(), closed.programId(), null)) {
            endQuietly(closed.organisationId(), row, EndReason.PROGRAM_CLOSED);
        }
    }

    /** A person who leaves a program and chose to end their mentorships there. */
    @ApplicationModuleListener
    void on(EnrolmentWithdrawn withdrawn) {
        if (!withdrawn.endMentorships()) {
            return;
        }
        for (Workspaces.Row row :
                workspaces.active(
                        withdrawn.organisationId(), withdrawn.programId(), withdrawn.personId())) {
            endQuietly(withdrawn.organisationId(), row, EndReason.OTHER);
        }
    }

    private void endQuietly(OrganisationId organisation, Workspaces.Row row, EndReason reason) {
        MentorshipSummary m = row.summary();
        if (workspaces.end(organisation, m.id(), reason, null, today())) {
            workspaces.record(organisation, m.id(), "ENDED", null, null);
            events.publishEvent(
                    new MentorshipEnded(
                            organisation,
                            m.id(),
                            m.programId(),
                            m.mentorId(),
                            m.menteeId(),
                            reason,
                            null));
        }
    }

    // --- rules ---

    private Workspaces.Row member(OrganisationId organisation, MentorshipId id, PersonId person) {
        return workspaces
                .find(organisation, id)
                .filter(row -> person != null && row.includes(person))
                .orElseThrow(() -> new NotFound("mentorship.not-found"));
    }

    private Workspaces.Row activeMember(
            OrganisationId organisation, MentorshipId id, PersonId person) {
        Workspaces.Row row = member(organisation, id, person);
        if (row.summary().status() != MentorshipStatus.ACTIVE) {
            throw new Conflict("workspace.ended");
        }
        return row;
    }

    private Goal goal(OrganisationId organisation, MentorshipId id, UUID goal) {
        return workspaces
                .goal(organisation, id, goal)
                .orElseThrow(() -> new NotFound("workspace.not-found"));
    }

    private Goal validGoal(
            OrganisationId organisation,
            Workspaces.Row row,
            UUID id,
            GoalDraft draft,
            int version) {
        List<InputError> errors = new ArrayList<>();
        text(errors, "title", draft.title());
        text(errors, "measure", draft.measure());
        date(errors, "targetOn", draft.targetOn(), row, true);
        String skill =
                draft.skill() == null || draft.skill().isBlank() ? null : draft.skill().strip();
        if (skill != null
                && skillsWanted(organisation, row).stream()
                        .noneMatch(s -> s.equalsIgnoreCase(skill))) {
            errors.add(InputError.field("skill", "workspace.skill.invalid"));
        }
        refuse(errors);
        return new Goal(
                id,
                draft.title().strip(),
                draft.measure().strip(),
                draft.targetOn(),
                skill,
                draft.status() == null ? GoalStatus.NOT_STARTED : draft.status(),
                0,
                version,
                List.of());
    }

    private void achieved(
            OrganisationId organisation,
            MentorshipId id,
            PersonId person,
            Goal before,
            GoalStatus now) {
        if (now == GoalStatus.ACHIEVED && before.status() != GoalStatus.ACHIEVED) {
            workspaces.record(organisation, id, "GOAL_ACHIEVED", before.id(), person);
            events.publishEvent(new GoalAchieved(organisation, id, before.id()));
        }
    }

    private List<String> skillsWanted(OrganisationId organisation, Workspaces.Row row) {
        Set<String> skills = new LinkedHashSet<>();
        people.find(organisation, row.summary().menteeId())
                .map(PersonSummary::skillsWanted)
                .ifPresent(skills::addAll);
        enrolling.enrolmentsOf(organisation, row.summary().menteeId()).stream()
                .filter(e -> e.programId().equals(row.summary().programId()))
                .forEach(e -> skills.addAll(e.skillsWanted()));
        return List.copyOf(skills);
    }

    /** The agreement before either of them saved it: the program's text, version 0. */
    private static Agreement draftAgreement(ProgramView p) {
        return new Agreement(
                p.agreementText() == null ? "" : p.agreementText(),
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null);
    }

    /** The planned end: as extended, else the program's relationship length, within the program. */
    static LocalDate plannedEnd(Workspaces.Row row, ProgramView program) {
        if (row.plannedEndOn() != null) {
            return row.plannedEndOn();
        }
        LocalDate end = row.summary().startedOn().plusMonths(program.relationshipMonths());
        return program.endsOn() != null && program.endsOn().isBefore(end) ? program.endsOn() : end;
    }

    private static void text(List<InputError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field(field, "workspace.text.required"));
        } else if (value.strip().length() > MAX_TEXT) {
            errors.add(InputError.field(field, "workspace.text.too-long"));
        }
    }

    private static void date(
            List<InputError> errors,
            String field,
            LocalDate value,
            Workspaces.Row row,
            boolean required) {
        if (value == null) {
            if (required) {
                errors.add(InputError.field(field, "workspace.date.required"));
            }
        } else if (value.isBefore(row.summary().startedOn())) {
            errors.add(InputError.field(field, "workspace.date.before-start"));
        }
    }

    private static void rating(List<InputError> errors, String field, Integer value) {
        if (value == null || value < 1 || value > 5) {
            errors.add(InputError.field(field, "workspace.rating.invalid"));
        }
    }

    private static void refuse(List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable("request.invalid", errors);
        }
    }

    private static Double round(java.util.OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 100) / 100.0 : null;
    }
}
