package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.TimelineSource;
import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.web.RequestMemo;
import io.tandem.web.RowHtml;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The pair's meetings in their workspace: a section with what comes next (in both local times) and
 * the way to plan one, and timeline entries for meetings planned and held. Reads the repository
 * directly: the workspace asks for these while it is being built, so they cannot go back through
 * the workspace's own API.
 */
@Component
class MeetingsInWorkspace implements WorkspaceSection, TimelineSource {

    static final int SHOWN = 3;
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** One upcoming meeting as the section shows it. */
    record Upcoming(UUID id, String title, String mine, String theirs, Response response) {}

    /** The section's model. */
    record Model(UUID mentorshipId, boolean active, List<Upcoming> upcoming, int total) {}

    private final Meetings meetings;
    private final PeopleManagement people;
    private final MessageSource messages;
    private final RowHtml.Words words;

    private final Clock clock;

    MeetingsInWorkspace(
            Meetings meetings, PeopleManagement people, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.meetings = meetings;
        this.people = people;
        this.messages = messages;
        this.words = new RowHtml.Words(messages);
    }

    @Override
    public Optional<Section> section(OrganisationId organisation, WorkspaceView workspace) {
        MentorshipId id = workspace.mentorship().id();
        Map<PersonId, PersonSummary> two =
                people.findAll(organisation, List.of(workspace.me(), workspace.partner()));
        ZoneId mine = MeetingManagement.zoneOf(two.get(workspace.me()));
        ZoneId theirs = MeetingManagement.zoneOf(two.get(workspace.partner()));
        List<Meeting> all = pairMeetings(organisation, id);
        List<Upcoming> upcoming =
                next(all, clock.instant()).stream().map(n -> n.shown(mine, theirs)).toList();
        return Optional.of(
                Section.written(
                        "meetings",
                        html(
                                new Model(id.value(), workspace.active(), upcoming, all.size()),
                                two.get(workspace.partner()).firstName())));
    }

    /** The section's markup: what comes next, in both local times, and the ways to plan one. */
    private String html(Model model, String partner) {
        Locale locale = LocaleContextHolder.getLocale();
        String pair = WorkspaceSection.link("/mentorships/" + model.mentorshipId());
        StringBuilder out =
                WorkspaceSection.card("meetings", words.get("meetings.section.heading", locale));
        if (model.upcoming().isEmpty()) {
            out.append("  <p class=\"muted\">")
                    .append(words.get("meetings.none", locale))
                    .append("</p>\n");
        } else {
            out.append("  <ul class=\"stack\">\n");
            for (Upcoming u : model.upcoming()) {
                out.append("    <li>\n      <a href=\"")
                        .append(RowHtml.escape(WorkspaceSection.link("/meetings/" + u.id())))
                        .append("\">")
                        .append(RowHtml.escape(u.title()))
                        .append("</a>\n      <span>")
                        .append(RowHtml.escape(u.mine()))
                        .append("</span>\n      <span class=\"muted\">")
                        .append(
                                RowHtml.escape(
                                        messages.getMessage(
                                                "meetings.for-partner",
                                                new Object[] {partner, u.theirs()},
                                                locale)))
                        .append("</span>\n      <span class=\"badge\">")
                        .append(words.get("meetings.response." + u.response(), locale))
                        .append("</span>\n    </li>\n");
            }
            out.append("  </ul>\n");
        }
        out.append("  <p class=\"row-form\">\n");
        if (model.active()) {
            out.append("    <a class=\"button\" href=\"")
                    .append(RowHtml.escape(pair + "/meetings/new"))
                    .append("\">")
                    .append(words.get("meetings.plan.action", locale))
                    .append("</a>\n");
        }
        return out.append("    <a class=\"button secondary\" href=\"")
                .append(RowHtml.escape(pair + "/meetings"))
                .append("\">")
                .append(
                        RowHtml.escape(
                                messages.getMessage(
                                        "meetings.section.all",
                                        new Object[] {model.total()},
                                        locale)))
                .append("</a>\n  </p>\n</section>")
                .toString();
    }

    /** A meeting that is not cancelled, at its next occurrence (recurring ones too). */
    private record Next(Meeting meeting, Instant start) {

        /** As the section shows it: the start in the viewer's zone and in the partner's. */
        Upcoming shown(ZoneId mine, ZoneId theirs) {
            return new Upcoming(
                    meeting.id(), meeting.title(), at(mine), at(theirs), meeting.response());
        }

        private String at(ZoneId zone) {
            return start.atZone(zone).format(WHEN) + " (" + zone.getId() + ")";
        }
    }

    /**
     * The first {@link #SHOWN} meetings still to come (or under way at {@code now}), soonest first.
     */
    private static List<Next> next(List<Meeting> all, Instant now) {
        return all.stream()
                .filter(m -> !m.cancelled())
                .map(m -> new Next(m, nextStart(m, now)))
                .filter(n -> n.start() != null)
                .sorted(Comparator.comparing(Next::start))
                .limit(SHOWN)
                .toList();
    }

    /** When {@code m} next starts (or started, if under way), within 400 days; null if never. */
    private static Instant nextStart(Meeting m, Instant now) {
        return SlotPlanner.occurrences(
                        m.startsAt(),
                        ZoneId.of(m.zone()),
                        m.recurrence(),
                        now.minus(m.duration()),
                        now.plus(Duration.ofDays(400)),
                        1)
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Override
    public List<WorkspaceView.TimelineEntry> recent(
            OrganisationId organisation, MentorshipId mentorship, int limit) {
        List<WorkspaceView.TimelineEntry> entries = new ArrayList<>();
        Meetings.OfPair pair = ofPair(organisation, mentorship);
        List<Meeting> all = pair.meetings();
        Map<UUID, List<Meetings.Outcome>> held = pair.held();
        for (Meeting m : all) {
            entries.add(
                    new WorkspaceView.TimelineEntry(
                            "MEETING_PLANNED", m.title(), m.organiserId(), m.createdAt()));
            for (Meetings.Outcome outcome : held.getOrDefault(m.id(), List.of())) {
                if (outcome.held()) {
                    entries.add(
                            new WorkspaceView.TimelineEntry(
                                    "MEETING_HELD",
                                    m.title(),
                                    outcome.answeredBy(),
                                    outcome.occursAt()));
                }
            }
        }
        for (Meetings.Cancellation c : pair.cancellations()) {
            entries.add(
                    new WorkspaceView.TimelineEntry(
                            "MEETING_CANCELLED", c.title(), c.by(), c.at()));
        }
        return entries.stream()
                .sorted(Comparator.comparing(WorkspaceView.TimelineEntry::at).reversed())
                .limit(limit)
                .toList();
    }

    private List<Meeting> pairMeetings(OrganisationId organisation, MentorshipId id) {
        return ofPair(organisation, id).meetings();
    }

    /**
     * The section and the timeline both list the pair's meetings and the timeline their
     * cancellations and held occurrences: read once per page, in one statement.
     */
    private Meetings.OfPair ofPair(OrganisationId organisation, MentorshipId id) {
        return RequestMemo.remember(
                "pair-meetings", organisation, id, () -> meetings.ofPair(organisation, id));
    }
}
