package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.notifications.NotificationKind;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagement module's API: record what pairs do, assess their health against the program's
 * rules, nudge them, run check-ins, and end pairs that went quiet when the program asks for it.
 * Time comes from the application's {@link Clock} bean, which tests may move.
 */
@Service
public class EngagementManagement {

    static final int MAX_NUDGE = 2_000;
    static final int MAX_BLOCKING = 2_000;

    private final PairActivities activities;
    private final ProgramRules rules;
    private final CheckIns checkIns;
    private final ProgramManagement programs;
    private final PeopleManagement people;
    private final WorkspaceManagement workspaces;
    private final NotificationManagement notifications;
    private final MessageSourceAccessor messages;
    private final Clock clock;
    private final DashboardCache dashboards;

    EngagementManagement(
            PairActivities activities,
            ProgramRules rules,
            CheckIns checkIns,
            ProgramManagement programs,
            PeopleManagement people,
            WorkspaceManagement workspaces,
            NotificationManagement notifications,
            MessageSource messageSource,
            Clock clock,
            DashboardCache dashboards) {
        this.dashboards = dashboards;
        this.activities = activities;
        this.rules = rules;
        this.checkIns = checkIns;
        this.programs = programs;
        this.people = people;
        this.workspaces = workspaces;
        this.notifications = notifications;
        this.messages = new MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // --- activity ---

    /**
     * Records something a pair did. Every activity source (mentorships, meetings, messaging) calls
     * this from its event listener; the same {@code source} recorded twice counts once.
     *
     * @param source the id of what happened (the meeting, the message, the goal)
     * @return whether it was new
     */
    @Transactional
    public boolean record(
            OrganisationId organisation,
            MentorshipId mentorship,
            ActivityKind kind,
            UUID source,
            Instant at) {
        boolean added = activities.record(organisation, mentorship, kind, source, at);
        if (added && kind.counts()) {
            // Activity after an inactivity warning starts the count again.
            activities.clearWarning(organisation, mentorship);
        }
        return added;
    }

    /** A publish's pairs, followed together; see {@link PairActivities#followAll}. */
    @Transactional
    void followAll(
            OrganisationId organisation, ProgramId program, List<PairActivities.NewPair> pairs) {
        activities.followAll(organisation, program, pairs, now());
    }

    @Transactional
    void ended(OrganisationId organisation, MentorshipId mentorship, EndReason reason) {
        Instant now = now();
        // The activity first, the pair's row last, as recording any activity does: two events
        // about one pair (a message and the end) then take their locks in the same order.
        activities.record(organisation, mentorship, ActivityKind.ENDED, mentorship.value(), now);
        activities.end(organisation, mentorship, reason.completes(), now);
    }

    // --- health ---

    /** The program's active pairs with their health now, worst first; {@code only} filters. */
    @Transactional(readOnly = true)
    public List<PairHealth> pairs(OrganisationId organisation, ProgramId program, Health only) {
        return named(organisation, assessed(organisation, program, only));
    }

    /**
     * One page of {@link #pairs(OrganisationId, ProgramId, Health)}: health is decided here, not in
     * SQL, so every pair is assessed, but only the page's people are read and rendered.
     */
    @Transactional(readOnly = true)
    public Paged<PairHealth> pairs(
            OrganisationId organisation, ProgramId program, Health only, PageQuery page) {
        Paged<Assessed> paged = Paged.slice(assessed(organisation, program, only), page);
        return new Paged<>(
                named(organisation, paged.items()), paged.page(), paged.size(), paged.total());
    }

    /** A pair's facts with their assessment under the program's rules. */
    private record Assessed(PairFacts facts, HealthAssessment assessment) {}

    private List<Assessed> assessed(OrganisationId organisation, ProgramId program, Health only) {
        ProgramView view = programs.get(organisation, program);
        EngagementRules r = rules.of(organisation, program);
        Instant now = now();
        List<Assessed> result = new ArrayList<>();
        for (PairFacts f : activities.facts(organisation, program)) {
            HealthAssessment a = HealthAssessment.assess(f, r, view.meetingCadence(), now);
            if (only == null || a.health() == only) {
                result.add(new Assessed(f, a));
            }
        }
        result.sort(
                java.util.Comparator.comparing((Assessed p) -> -p.assessment().health().ordinal())
                        .thenComparing(p -> -p.assessment().quietDays())
                        .thenComparing(p -> p.facts().mentorship().value()));
        return result;
    }

    private List<PairHealth> named(OrganisationId organisation, List<Assessed> pairs) {
        List<PersonId> ids = new ArrayList<>();
        for (Assessed p : pairs) {
            ids.add(p.facts().mentor());
            ids.add(p.facts().mentee());
        }
        Map<PersonId, PersonSummary> found = people.findAll(organisation, ids);
        List<PairHealth> result = new ArrayList<>();
        for (Assessed p : pairs) {
            PairFacts f = p.facts();
            HealthAssessment a = p.assessment();
            result.add(
                    new PairHealth(
                            f.mentorship(),
                            f.mentor(),
                            name(found.get(f.mentor())),
                            f.mentee(),
                            name(found.get(f.mentee())),
                            a.health(),
                            a.reasons(),
                            a.quietDays(),
                            f.lastActivity(),
                            f.lastAutoNudge()));
        }
        return result;
    }

    /** The health of each active pair of the program now, without reading anyone's name. */
    @Transactional(readOnly = true)
    public Map<MentorshipId, Health> health(OrganisationId organisation, ProgramId program) {
        Map<MentorshipId, Health> result = new java.util.HashMap<>();
        for (Assessed a : assessed(organisation, program, null)) {
            result.put(a.facts().mentorship(), a.assessment().health());
        }
        return result;
    }

    /** How many active pairs of the program are in each health state now. */
    @Transactional(readOnly = true)
    public Map<Health, Integer> healthCounts(OrganisationId organisation, ProgramId program) {
        ProgramView view = programs.get(organisation, program);
        EngagementRules r = rules.of(organisation, program);
        Instant now = now();
        Map<Health, Integer> counts = new EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            counts.put(h, 0);
        }
        for (PairFacts f : activities.facts(organisation, program)) {
            counts.merge(
                    HealthAssessment.assess(f, r, view.meetingCadence(), now).health(),
                    1,
                    Integer::sum);
        }
        return counts;
    }

    /**
     * {@link #healthCounts(OrganisationId, ProgramId)} for each of {@code programs}, read in one
     * pass over the organisation's active pairs instead of a pass per program.
     */
    @Transactional(readOnly = true)
    public Map<ProgramId, Map<Health, Integer>> healthCounts(
            OrganisationId organisation, List<ProgramView> programs) {
        Map<ProgramId, EngagementRules> own = rules.all(organisation);
        Map<ProgramId, ProgramView> views = new java.util.HashMap<>();
        Map<ProgramId, Map<Health, Integer>> counts = new java.util.HashMap<>();
        for (ProgramView view : programs) {
            views.put(view.id(), view);
            Map<Health, Integer> zero = new EnumMap<>(Health.class);
            for (Health h : Health.values()) {
                zero.put(h, 0);
            }
            counts.put(view.id(), zero);
        }
        Instant now = now();
        for (PairFacts f : activities.facts(organisation)) {
            ProgramView view = views.get(f.program());
            if (view == null) {
                continue;
            }
            EngagementRules r = own.getOrDefault(f.program(), EngagementRules.DEFAULTS);
            counts.get(f.program())
                    .merge(
                            HealthAssessment.assess(f, r, view.meetingCadence(), now).health(),
                            1,
                            Integer::sum);
        }
        return counts;
    }

    /**
     * What people ticked "share with the program team" for, newest first, without who wrote it or
     * in which pair; everything else they wrote about blockers stays unread.
     */
    @Transactional(readOnly = true)
    public List<String> sharedBlockers(OrganisationId organisation, ProgramId program) {
        programs.get(organisation, program);
        return checkIns.sharedBlocking(organisation, program, 20);
    }

    public EngagementRules rules(OrganisationId organisation, ProgramId program) {
        programs.get(organisation, program);
        return rules.of(organisation, program);
    }

    @Transactional
    public EngagementRules changeRules(
            OrganisationId organisation, ProgramId program, EngagementRules changed) {
        programs.get(organisation, program);
        List<InputError> errors = changed.problems(messages);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("request.invalid"), errors);
        }
        rules.save(organisation, program, changed);
        // The rules decide every pair's health: the manager sees the dashboard under the new ones.
        dashboards.evict(organisation, program);
        return changed;
    }

    // --- nudges ---

    /** The editable text a program manager starts from when nudging a pair. */
    public String nudgeTemplate(OrganisationId organisation, ProgramId program) {
        return messages.getMessage(
                "engagement.nudge.template",
                new Object[] {programs.get(organisation, program).name()});
    }

    /** A program manager's one-click nudge: {@code text} goes to both people of the pair. */
    @Transactional
    public void nudge(
            OrganisationId organisation, ProgramId program, MentorshipId mentorship, String text) {
        PairFacts pair =
                activities
                        .fact(organisation, mentorship)
                        .filter(f -> f.program().equals(program))
                        .orElseThrow(() -> new NotFound("mentorship.not-found"));
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_NUDGE) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("request.invalid"),
                    List.of(
                            InputError.field(
                                    "text",
                                    messages.getMessage(
                                            "engagement.nudge.invalid",
                                            new Object[] {MAX_NUDGE}))));
        }
        Instant now = now();
        send(organisation, pair, "nudge:manual:" + UUID.randomUUID(), body, now);
        activities.nudged(organisation, mentorship, false, now);
        dashboards.evict(organisation, program);
    }

    /** How many nudges the pair has had, automatic or sent by a program manager. */
    public int nudges(OrganisationId organisation, MentorshipId mentorship, boolean automatic) {
        return activities.nudges(organisation, mentorship, automatic);
    }

    // --- the scheduled work, one program at a time ---

    /**
     * Assesses every active pair of the program, stores the health, nudges the pairs whose health
     * fell (at most one automatic nudge per pair per interval), warns and ends pairs that went
     * quiet when the program asks for it, and counts the day's health for the dashboard.
     */
    @Transactional
    public Map<Health, Integer> assess(OrganisationId organisation, ProgramId program) {
        ProgramView view = programs.get(organisation, program);
        EngagementRules r = rules.of(organisation, program);
        Instant now = now();
        Map<Health, Integer> counts = new EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            counts.put(h, 0);
        }
        for (PairFacts f : activities.facts(organisation, program)) {
            HealthAssessment a = HealthAssessment.assess(f, r, view.meetingCadence(), now);
            if (r.autoClose() && closeIfQuiet(organisation, f, r, now)) {
                continue;
            }
            counts.merge(a.health(), 1, Integer::sum);
            if (a.health() != f.health()) {
                activities.health(organisation, f.mentorship(), a.health(), now);
            }
            if (r.autoNudge() && a.health().worseThan(f.health())) {
                nudgeAutomatically(organisation, view, f, r, now);
            }
        }
        activities.snapshot(
                organisation,
                program,
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                counts.get(Health.ON_TRACK),
                counts.get(Health.AT_RISK),
                counts.get(Health.INACTIVE));
        return counts;
    }

    /** One automatic nudge to a pair whose health fell, unless one went out within the interval. */
    private void nudgeAutomatically(
            OrganisationId organisation,
            ProgramView view,
            PairFacts f,
            EngagementRules r,
            Instant now) {
        if (!activities.claimAutoNudge(
                organisation,
                f.mentorship(),
                now,
                now.minus(Duration.ofDays(r.nudgeIntervalDays())))) {
            return;
        }
        String text = messages.getMessage("engagement.nudge.automatic", new Object[] {view.name()});
        send(organisation, f, "nudge:auto:" + f.mentorship() + ":" + now.toEpochMilli(), text, now);
        activities.nudged(organisation, f.mentorship(), true, now);
    }

    private boolean closeIfQuiet(
            OrganisationId organisation, PairFacts f, EngagementRules r, Instant now) {
        Instant last = f.lastActivity() == null ? f.startedAt() : f.lastActivity();
        if (f.warnedAt() == null) {
            if (Duration.between(last, now).toDays() >= r.warnAfterDays()
                    && activities.warn(organisation, f.mentorship(), now)) {
                String text =
                        messages.getMessage(
                                "engagement.inactive.warning",
                                new Object[] {
                                    Duration.between(last, now).toDays(), r.closeAfterDays()
                                });
                send(
                        organisation,
                        f,
                        "inactive-warning:" + f.mentorship() + ":" + now.toEpochMilli(),
                        text,
                        now);
            }
            return false;
        }
        if (last.isBefore(f.warnedAt())
                && Duration.between(f.warnedAt(), now).toDays() >= r.closeAfterDays()) {
            try {
                workspaces.end(organisation, f.mentorship(), null, EndReason.INACTIVE);
            } catch (Conflict endedMeanwhile) {
                return false;
            }
            return true;
        }
        return false;
    }

    /** The daily work for one program: check-in requests, then health, nudges and auto-close. */
    @Transactional
    public void runDaily(OrganisationId organisation, ProgramId program) {
        activities.countRun(organisation, program, LocalDate.ofInstant(now(), ZoneOffset.UTC));
        requestCheckIns(organisation, program);
        assess(organisation, program);
    }

    /** How many times the daily work ran for the program on {@code day}. */
    public int runs(OrganisationId organisation, ProgramId program, LocalDate day) {
        return activities.runs(organisation, program, day);
    }

    List<PairActivities.ProgramRef> programsWithActivePairs() {
        return activities.programsWithActivePairs();
    }

    /**
     * Asks both people of each active pair for this period's check-in, and for the mid-point survey
     * once half the relationship has passed. Each request goes once (its key names the pair, the
     * person and the period), whichever instance runs it and however often.
     *
     * @return how many requests went out now
     */
    @Transactional
    public int requestCheckIns(OrganisationId organisation, ProgramId program) {
        ProgramView view = programs.get(organisation, program);
        EngagementRules r = rules.of(organisation, program);
        if (!r.checkIns()) {
            return 0;
        }
        Instant now = now();
        long cadence = HealthAssessment.cadenceDays(view.meetingCadence());
        long midpoint = Math.max(1, view.relationshipMonths()) * 30L / 2;
        int sent = 0;
        for (PairFacts f : activities.facts(organisation, program)) {
            long days = Duration.between(f.startedAt(), now).toDays();
            long period = days / cadence;
            if (period >= 1) {
                sent += ask(organisation, f, CheckInKind.CHECK_IN, (int) period, view.name());
            }
            if (days >= midpoint) {
                sent += ask(organisation, f, CheckInKind.MIDPOINT, 0, view.name());
            }
        }
        return sent;
    }

    /** Asks both people of a pair that just ended for the closing survey. */
    @Transactional
    void askClosingSurvey(
            OrganisationId organisation,
            MentorshipId mentorship,
            ProgramId program,
            PersonId mentor,
            PersonId mentee) {
        PairFacts f = PairFacts.started(mentorship, program, mentor, mentee, now());
        ask(organisation, f, CheckInKind.CLOSING, 0, programs.get(organisation, program).name());
    }

    private int ask(
            OrganisationId organisation,
            PairFacts f,
            CheckInKind kind,
            int period,
            String program) {
        int sent = 0;
        Map<PersonId, PersonSummary> pair =
                people.findAll(organisation, List.of(f.mentor(), f.mentee()));
        String path = "/mentorships/" + f.mentorship() + "/check-in?kind=" + kind;
        for (PersonSummary person : pair.values()) {
            if (!person.active()) {
                continue;
            }
            String key =
                    "check-in:"
                            + f.mentorship()
                            + ":"
                            + kind
                            + ":"
                            + period
                            + ":"
                            + person.id().value();
            if (ask(organisation, person, key, kind, program, path)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * One person asked once: an inbox item, and a mail unless the key says they were asked already.
     */
    private boolean ask(
            OrganisationId organisation,
            PersonSummary person,
            String key,
            CheckInKind kind,
            String program,
            String path) {
        String code = "engagement.ask." + kind;
        if (!notifications.notify(
                organisation,
                key,
                person.email(),
                messages.getMessage(code + ".inbox", new Object[] {program}),
                path)) {
            return false;
        }
        notifications.queueMail(
                organisation,
                NotificationKind.REMINDERS,
                key,
                person.email(),
                messages.getMessage(code + ".subject", new Object[] {program}),
                messages.getMessage(
                        code + ".mail",
                        new Object[] {person.firstName(), program, notifications.link(path)}),
                null);
        return true;
    }

    // --- check-ins ---

    /** What a person of the pair is asked now: the current period of {@code kind}. */
    public record CheckInDue(
            MentorshipId mentorship,
            ProgramId program,
            CheckInKind kind,
            int period,
            boolean answered) {}

    /**
     * The check-in or survey due for {@code person}; 404 unless they are in the pair. Two reads
     * that need no common snapshot, so no transaction: on PostgreSQL its COMMIT was a round trip on
     * every workspace visit.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public CheckInDue due(
            OrganisationId organisation,
            MentorshipId mentorship,
            PersonId person,
            CheckInKind kind) {
        if (person == null) {
            throw new NotFound("mentorship.not-found");
        }
        // The pair and the periods answered in one statement: the period needs the pair's start.
        var found =
                activities
                        .factAnswered(
                                organisation,
                                mentorship,
                                kind == CheckInKind.CLOSING,
                                person,
                                kind.name())
                        .orElseThrow(() -> new NotFound("mentorship.not-found"));
        PairFacts f = ofMember(found.pair(), person);
        int period = period(organisation, f, kind);
        return new CheckInDue(
                mentorship, f.program(), kind, period, found.periods().contains(period));
    }

    /**
     * Saves one person's answers for the current period; the partner never sees them, program
     * managers see aggregates over enough answers and the blocking text only when shared. A
     * check-in saying the pair met counts as a meeting until meetings are recorded directly.
     */
    @Transactional
    public void answer(
            OrganisationId organisation,
            MentorshipId mentorship,
            PersonId person,
            CheckInKind kind,
            CheckInAnswer answer) {
        PairFacts f = member(organisation, mentorship, person, kind);
        check(kind, answer);
        CheckInAnswer clean = cleaned(kind, answer);
        Instant now = now();
        int period = period(organisation, f, kind);
        if (!checkIns.insert(
                organisation, f.program(), mentorship, person, kind, period, clean, now)) {
            throw new Conflict("engagement.check-in.answered");
        }
        if (kind == CheckInKind.CHECK_IN) {
            activities.checkedIn(
                    organisation, mentorship, now, clean.usefulness(), clean.goalProgress());
        }
        if (Boolean.TRUE.equals(clean.met())) {
            activities.record(
                    organisation,
                    mentorship,
                    ActivityKind.REPORTED_MEETING,
                    UUID.nameUUIDFromBytes(
                            (mentorship + ":" + period)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    now);
            activities.clearWarning(organisation, mentorship);
        }
    }

    /** Refuses an answer with a missing or out-of-range field, naming each. */
    private void check(CheckInKind kind, CheckInAnswer answer) {
        List<InputError> errors = new ArrayList<>();
        if (kind.survey()) {
            rating(errors, "awareness", answer.awareness());
            rating(errors, "connection", answer.connection());
            rating(errors, "ideas", answer.ideas());
        } else {
            if (answer.met() == null) {
                errors.add(
                        InputError.field(
                                "met", messages.getMessage("engagement.check-in.met.invalid")));
            }
            rating(errors, "usefulness", answer.usefulness());
            rating(errors, "goalProgress", answer.goalProgress());
            if (answer.blocking() != null && answer.blocking().length() > MAX_BLOCKING) {
                errors.add(
                        InputError.field(
                                "blocking",
                                messages.getMessage(
                                        "engagement.check-in.blocking.too-long",
                                        new Object[] {MAX_BLOCKING})));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("request.invalid"), errors);
        }
    }

    /**
     * What is stored: only the fields of the kind asked, the blocking text trimmed (blank: none)
     * and shared only when there is some.
     */
    private static CheckInAnswer cleaned(CheckInKind kind, CheckInAnswer answer) {
        if (kind.survey()) {
            return CheckInAnswer.survey(answer.awareness(), answer.connection(), answer.ideas());
        }
        String blocking =
                answer.blocking() == null || answer.blocking().isBlank()
                        ? null
                        : answer.blocking().strip();
        return CheckInAnswer.checkIn(
                answer.met(),
                answer.usefulness(),
                answer.goalProgress(),
                blocking,
                blocking != null && answer.shareBlocking());
    }

    private int period(OrganisationId organisation, PairFacts f, CheckInKind kind) {
        if (kind.survey()) {
            return 0;
        }
        ProgramView view = programs.get(organisation, f.program());
        return (int)
                (Duration.between(f.startedAt(), now()).toDays()
                        / HealthAssessment.cadenceDays(view.meetingCadence()));
    }

    private PairFacts member(
            OrganisationId organisation,
            MentorshipId mentorship,
            PersonId person,
            CheckInKind kind) {
        // The closing survey is answered after the end, so ended pairs are found too.
        PairFacts f =
                (kind == CheckInKind.CLOSING
                                ? activities.anyFact(organisation, mentorship)
                                : activities.fact(organisation, mentorship))
                        .orElseThrow(() -> new NotFound("mentorship.not-found"));
        return ofMember(f, person);
    }

    /** The pair, if {@code person} is one of the two; to anyone else it does not exist. */
    private static PairFacts ofMember(PairFacts f, PersonId person) {
        if (person == null || !(f.mentor().equals(person) || f.mentee().equals(person))) {
            throw new NotFound("mentorship.not-found");
        }
        return f;
    }

    private void rating(List<InputError> errors, String field, Integer value) {
        if (value == null || value < 1 || value > 5) {
            errors.add(InputError.field(field, messages.getMessage("workspace.rating.invalid")));
        }
    }

    private void send(
            OrganisationId organisation, PairFacts pair, String key, String text, Instant now) {
        Map<PersonId, PersonSummary> found =
                people.findAll(organisation, List.of(pair.mentor(), pair.mentee()));
        String path = "/mentorships/" + pair.mentorship();
        for (PersonSummary person : found.values()) {
            if (!person.active()) {
                continue;
            }
            String personal = key + ":" + person.id().value();
            notifications.notify(organisation, personal, person.email(), text, path);
            notifications.queueMail(
                    organisation,
                    NotificationKind.REMINDERS,
                    personal,
                    person.email(),
                    messages.getMessage("engagement.nudge.subject"),
                    messages.getMessage(
                            "engagement.nudge.mail",
                            new Object[] {person.firstName(), text, notifications.link(path)}),
                    null);
        }
    }

    private static String name(PersonSummary person) {
        return person == null ? "—" : person.name();
    }
}
