package io.tandem.mentorships.web;

import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The workspace's lists as the page writes them: every text resolved, every date formatted and
 * every link built here, once per row, so the template only writes values. The page shows 50 goal
 * lines and some 40 other rows; one message look-up, link or date pattern per cell in the template
 * made rendering them most of the page's cost. Texts repeat from row to row (a status, a target
 * date, "for you"), so each (code, arguments) is formatted once per page.
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
        Texts texts = new Texts(messages);
        return new WorkspaceRows(
                goals(w, workspace, texts),
                openActions(w, names, workspace, texts),
                w.doneActionItems().stream().map(WorkspaceView.ActionItem::title).toList(),
                notes(w, names, texts),
                timeline(w, names, texts));
    }

    /** One line a goal: link, status, "N % done", target date, milestones met, overdue. */
    private static List<GoalRow> goals(WorkspaceView w, String workspace, Texts texts) {
        return w.goals().stream()
                .map(
                        g ->
                                new GoalRow(
                                        workspace + "/goals/" + g.id(),
                                        g.title(),
                                        texts.of("workspace.goal.status." + g.status()),
                                        g.progress(),
                                        texts.of("workspace.goal.percent", g.progress()),
                                        texts.of("workspace.goal.target", g.targetOn()),
                                        texts.of(
                                                "workspace.goal.milestones-met",
                                                g.milestonesMet(),
                                                g.milestones()),
                                        g.overdue(w.today())))
                .toList();
    }

    /** The open action items with whom they are for, their due date and a "done" button. */
    private static List<ActionRow> openActions(
            WorkspaceView w, Map<PersonId, String> names, String workspace, Texts texts) {
        return w.openActionItems().stream()
                .map(
                        a ->
                                new ActionRow(
                                        a.title(),
                                        texts.of("workspace.action.for", names.get(a.assignee())),
                                        a.dueOn() == null
                                                ? null
                                                : texts.of("workspace.action.due", a.dueOn()),
                                        a.overdue(w.today()),
                                        workspace + "/actions/" + a.id() + "/done",
                                        texts.of("workspace.action.done.label", a.title())))
                .toList();
    }

    /** The notes with their author and time; the HTML was rendered when they were read. */
    private static List<NoteRow> notes(WorkspaceView w, Map<PersonId, String> names, Texts texts) {
        return w.notes().stream()
                .map(
                        n ->
                                new NoteRow(
                                        texts.of(
                                                "workspace.note.by",
                                                names.get(n.author()),
                                                minutes(n.createdAt())),
                                        n.shared(),
                                        n.html()))
                .toList();
    }

    /** What happened, newest first, each told with who did it ("you", the partner, the system). */
    private static List<TimelineRow> timeline(
            WorkspaceView w, Map<PersonId, String> names, Texts texts) {
        String system = texts.of("workspace.timeline.system");
        String you = texts.of("workspace.timeline.you");
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
                                    texts.of(
                                            "workspace.timeline." + e.kind(),
                                            actor,
                                            e.subject() == null ? "" : e.subject()));
                        })
                .toList();
    }

    /** The page's message texts, each (code, arguments) formatted once. */
    static final class Texts {

        private final MessageSourceAccessor messages;
        private final Map<List<Object>, String> formatted = new HashMap<>();

        Texts(MessageSourceAccessor messages) {
            this.messages = messages;
        }

        String of(String code, Object... args) {
            Object[] key = Arrays.copyOf(args, args.length + 1);
            key[args.length] = code;
            return formatted.computeIfAbsent(
                    Arrays.asList(key), k -> messages.getMessage(code, args));
        }
    }

    static String minutes(Instant at) {
        return at == null ? null : MINUTES.format(at);
    }
}
