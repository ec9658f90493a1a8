package io.tandem.mentorships.web;

import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The workspace's lists as the page writes them: every text resolved, every date formatted and
 * every link built here, once per row, so the template only writes values. The page shows 50 goal
 * lines and some 40 other rows; one message look-up, link or date pattern per cell in the template
 * made rendering them most of the page's cost.
 */
record WorkspaceRows(
        List<GoalRow> goals,
        List<ActionRow> openActions,
        List<String> doneActions,
        List<NoteRow> notes,
        List<TimelineRow> timeline) {

    /** As {@code #temporals.format(instant, 'yyyy-MM-dd HH:mm')} wrote them: the server's zone. */
    static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    record GoalRow(
            String href,
            String title,
            String status,
            int progress,
            String percent,
            String target,
            String milestones,
            boolean overdue) {}

    record ActionRow(
            String title,
            String assignee,
            String due,
            boolean overdue,
            String doneHref,
            String doneLabel) {}

    record NoteRow(String by, boolean shared, String html) {}

    record TimelineRow(String at, String shown, String text) {}

    /**
     * The rows of {@code w} for its viewer; {@code names} gives "you" and the partner's first name,
     * {@code base} the context path the links start with.
     */
    static WorkspaceRows of(
            WorkspaceView w,
            Map<PersonId, String> names,
            String base,
            MessageSourceAccessor messages) {
        String workspace = base + "/mentorships/" + w.mentorship().id().value();
        return new WorkspaceRows(
                goals(w, workspace, messages),
                openActions(w, names, workspace, messages),
                w.doneActionItems().stream().map(WorkspaceView.ActionItem::title).toList(),
                notes(w, names, messages),
                timeline(w, names, messages));
    }

    /** One line a goal: link, status, "N % done", target date, milestones met, overdue. */
    private static List<GoalRow> goals(
            WorkspaceView w, String workspace, MessageSourceAccessor messages) {
        return w.goals().stream()
                .map(
                        g ->
                                new GoalRow(
                                        workspace + "/goals/" + g.id(),
                                        g.title(),
                                        messages.getMessage("workspace.goal.status." + g.status()),
                                        g.progress(),
                                        messages.getMessage(
                                                "workspace.goal.percent",
                                                new Object[] {g.progress()}),
                                        messages.getMessage(
                                                "workspace.goal.target",
                                                new Object[] {g.targetOn()}),
                                        messages.getMessage(
                                                "workspace.goal.milestones-met",
                                                new Object[] {g.milestonesMet(), g.milestones()}),
                                        g.overdue(w.today())))
                .toList();
    }

    /** The open action items with whom they are for, their due date and a "done" button. */
    private static List<ActionRow> openActions(
            WorkspaceView w,
            Map<PersonId, String> names,
            String workspace,
            MessageSourceAccessor messages) {
        return w.openActionItems().stream()
                .map(
                        a ->
                                new ActionRow(
                                        a.title(),
                                        messages.getMessage(
                                                "workspace.action.for",
                                                new Object[] {names.get(a.assignee())}),
                                        a.dueOn() == null
                                                ? null
                                                : messages.getMessage(
                                                        "workspace.action.due",
                                                        new Object[] {a.dueOn()}),
                                        a.overdue(w.today()),
                                        workspace + "/actions/" + a.id() + "/done",
                                        messages.getMessage(
                                                "workspace.action.done.label",
                                                new Object[] {a.title()})))
                .toList();
    }

    /** The notes with their author and time; the HTML was rendered when they were read. */
    private static List<NoteRow> notes(
            WorkspaceView w, Map<PersonId, String> names, MessageSourceAccessor messages) {
        return w.notes().stream()
                .map(
                        n ->
                                new NoteRow(
                                        messages.getMessage(
                                                "workspace.note.by",
                                                new Object[] {
                                                    names.get(n.author()), minutes(n.createdAt())
                                                }),
                                        n.shared(),
                                        n.html()))
                .toList();
    }

    /** What happened, newest first, each told with who did it ("you", the partner, the system). */
    private static List<TimelineRow> timeline(
            WorkspaceView w, Map<PersonId, String> names, MessageSourceAccessor messages) {
        String system = messages.getMessage("workspace.timeline.system");
        String you = messages.getMessage("workspace.timeline.you");
        return w.timeline().stream()
                .map(
                        e -> {
                            String actor =
                                    e.actor() == null
                                            ? system
                                            : e.actor().equals(w.me()) ? you : names.get(e.actor());
                            return new TimelineRow(
                                    e.at().toString(),
                                    minutes(e.at()),
                                    messages.getMessage(
                                            "workspace.timeline." + e.kind(),
                                            new Object[] {
                                                actor, e.subject() == null ? "" : e.subject()
                                            }));
                        })
                .toList();
    }

    static String minutes(Instant at) {
        return at == null ? null : MINUTES.format(at);
    }
}
