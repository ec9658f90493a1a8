package io.tandem.mentorships.web;

import static io.tandem.web.RowHtml.escape;

import io.tandem.mentorships.WorkspaceSection;
import io.tandem.mentorships.WorkspaceView;
import io.tandem.mentorships.web.WorkspacePageController.ActionForm;
import io.tandem.mentorships.web.WorkspacePageController.NoteForm;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The workspace's own cards (agreement, goals, action items, notes) and its timeline, written here
 * rather than by the template: about seventy expressions, message look-ups and conditions on every
 * view, most of what the page's own template cost (issue 17). The markup is the template's, every
 * text escaped, every form with the request's CSRF field as {@code th:action} gave it; the rows'
 * texts come from {@link WorkspaceRows}, the fields from {@link WorkspaceFields}.
 *
 * @param here the workspace's address, which the links and forms extend
 * @param csrf the hidden CSRF field, written into every form
 */
record WorkspaceCards(
        WorkspaceView w,
        WorkspaceRows rows,
        WorkspaceFields fields,
        Map<PersonId, String> names,
        PersonSummary partner,
        List<String> suggestedGoals,
        boolean goalFormOpen,
        ActionForm actionForm,
        NoteForm noteForm,
        String here,
        String csrf,
        MessageSourceAccessor messages) {

    /** As {@code #temporals.format(instant, 'yyyy-MM-dd')} wrote them: the server's zone. */
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    /** The four cards between the partner card's column head and the other modules' sections. */
    String html() {
        StringBuilder out = new StringBuilder(4096);
        agreement(out);
        goals(out);
        actions(out);
        notes(out);
        return out.toString();
    }

    /** What happened, after the other modules' sections. */
    String timeline() {
        StringBuilder out = new StringBuilder(1024);
        open(out, "timeline");
        if (rows.timeline().isEmpty()) {
            paragraph(out, text("workspace.timeline.empty"));
        }
        out.append("\n  <ol class=\"timeline\">");
        for (WorkspaceRows.TimelineRow e : rows.timeline()) {
            out.append("\n    <li><time datetime=\"")
                    .append(escape(e.at()))
                    .append("\">")
                    .append(escape(e.shown()))
                    .append("</time> <span>")
                    .append(escape(e.text()))
                    .append("</span></li>");
        }
        return out.append("\n  </ol>\n</section>").toString();
    }

    private void agreement(StringBuilder out) {
        WorkspaceView.Agreement a = w.agreement();
        open(out, "agreement");
        if (!a.saved()) {
            paragraph(out, text("workspace.agreement.draft"));
        } else {
            if (a.signed()) {
                paragraph(
                        out,
                        text(
                                "workspace.agreement.signed-both",
                                day(a.mentorSignedAt()),
                                day(a.menteeSignedAt())));
            } else {
                out.append("\n  <ul>\n    <li>")
                        .append(escape(signature("mentor", a.mentorSignedAt())))
                        .append("</li>\n    <li>")
                        .append(escape(signature("mentee", a.menteeSignedAt())))
                        .append("</li>\n  </ul>");
            }
            out.append("\n  <p class=\"hint\">")
                    .append(
                            escape(
                                    text(
                                            "workspace.agreement.version",
                                            a.version(),
                                            names.get(a.updatedBy()),
                                            WorkspaceRows.minutes(a.updatedAt()))))
                    .append("</p>");
        }
        if (w.active()) {
            out.append("\n  <div class=\"row-form\">\n    <a class=\"button secondary\" href=\"")
                    .append(escape(here + "/agreement"))
                    .append("\">")
                    .append(
                            escape(
                                    text(
                                            a.saved()
                                                    ? "workspace.agreement.open"
                                                    : "workspace.agreement.write")))
                    .append("</a>");
            if (a.saved() && a.signedAt(w.mentoring()) == null) {
                form(out, "", here + "/agreement/sign")
                        .append("<input type=\"hidden\" name=\"version\" value=\"")
                        .append(a.version())
                        .append("\">");
                button(out, "", null, text("workspace.agreement.sign"));
                endForm(out);
            }
            out.append("\n  </div>");
        }
        if (!w.active() && a.saved()) {
            linked(out, here + "/agreement", text("workspace.agreement.open"));
        }
        out.append("\n</section>\n");
    }

    private void goals(StringBuilder out) {
        open(out, "goals");
        if (w.goals().isEmpty()) {
            paragraph(out, text("workspace.goals.empty"));
        }
        if (w.overdueMilestones() > 0) {
            out.append("\n  <p class=\"overdue\">")
                    .append(escape(text("workspace.milestones.overdue", w.overdueMilestones())))
                    .append("</p>");
        }
        out.append("\n  <ul class=\"goals goal-lines\">");
        for (WorkspaceRows.GoalRow g : rows.goals()) {
            item(out, g.overdue())
                    .append("<a href=\"")
                    .append(escape(g.href()))
                    .append("\">")
                    .append(escape(g.title()))
                    .append("</a> <span class=\"badge\">")
                    .append(escape(g.status()))
                    .append("</span> <span class=\"goal-progress\"><progress max=\"100\" value=\"")
                    .append(g.progress())
                    .append("\" aria-hidden=\"true\"></progress> <span>")
                    .append(escape(g.percent()))
                    .append("</span></span> <span class=\"muted\">")
                    .append(escape(g.target()))
                    .append("</span> <span class=\"muted\">")
                    .append(escape(g.milestones()))
                    .append("</span>");
            overdue(out, g.overdue());
            out.append("</li>");
        }
        out.append("\n  </ul>");
        if (w.active()) {
            if (!suggestedGoals.isEmpty()) {
                out.append("\n  <div>\n    <h3>")
                        .append(escape(text("workspace.goals.suggested")))
                        .append("</h3>\n    <ul class=\"suggestions\">");
                String adopt = text("workspace.goals.adopt");
                for (int i = 0; i < suggestedGoals.size(); i++) {
                    String s = suggestedGoals.get(i);
                    out.append("\n      <li>");
                    form(out, " class=\"row-form\"", here + "/goals/adopt")
                            .append("<span>")
                            .append(escape(s))
                            .append("</span><input type=\"hidden\" name=\"suggestion\" value=\"")
                            .append(i)
                            .append("\">");
                    button(
                            out,
                            " class=\"small secondary\"",
                            text("workspace.goals.adopt.label", s),
                            adopt);
                    endForm(out);
                    out.append("</li>");
                }
                out.append("\n    </ul>\n  </div>");
            }
            String add = text("workspace.goals.add");
            out.append(goalFormOpen ? "\n  <details open=\"open\">" : "\n  <details>")
                    .append("<summary>")
                    .append(escape(add))
                    .append("</summary>");
            form(out, " class=\"stack\"", here + "/goals")
                    .append(fields.goalTitle())
                    .append(fields.goalMeasure())
                    .append(fields.goalTarget())
                    .append(fields.goalSkill());
            button(out, "", null, add);
            endForm(out);
            out.append("</details>");
        }
        out.append("\n</section>\n");
    }

    private void actions(StringBuilder out) {
        open(out, "actions");
        if (rows.openActions().isEmpty()) {
            paragraph(out, text("workspace.actions.empty"));
        }
        out.append("\n  <ul class=\"actions-list\">");
        String done = text("workspace.action.done");
        for (WorkspaceRows.ActionRow a : rows.openActions()) {
            item(out, a.overdue())
                    .append("<span>")
                    .append(escape(a.title()))
                    .append("</span> <span class=\"muted\">")
                    .append(escape(a.assignee()))
                    .append("</span>");
            if (a.due() != null) {
                out.append(" <span class=\"muted\">").append(escape(a.due())).append("</span>");
            }
            overdue(out, a.overdue());
            if (w.active()) {
                form(out, " class=\"inline\"", a.doneHref());
                button(out, " class=\"small secondary\"", a.doneLabel(), done);
                endForm(out);
            }
            out.append("</li>");
        }
        out.append("\n  </ul>");
        if (!rows.doneActions().isEmpty()) {
            out.append("\n  <details><summary>")
                    .append(escape(text("workspace.actions.done", rows.doneActions().size())))
                    .append("</summary><ul>");
            for (String title : rows.doneActions()) {
                out.append("<li><s>").append(escape(title)).append("</s></li>");
            }
            out.append("</ul></details>");
        }
        if (w.moreActionItems()) {
            linked(
                    out,
                    here + "?all=true#actions",
                    text("workspace.actions.all", w.actionItemsTotal()));
        }
        if (w.active()) {
            boolean toPartner =
                    actionForm.assignee() != null
                            && actionForm.assignee().equals(w.partner().value());
            form(out, " class=\"stack\"", here + "/actions")
                    .append(fields.actionTitle())
                    .append(
                            "<div class=\"row-form\"><div class=\"field\"><label"
                                    + " for=\"action-assignee\">")
                    .append(escape(text("workspace.action.assignee")))
                    .append(
                            "</label><select id=\"action-assignee\" name=\"assignee\"><option"
                                    + " value=\"")
                    .append(escape(w.me().toString()))
                    .append("\">")
                    .append(escape(text("workspace.action.me")))
                    .append("</option><option value=\"")
                    .append(escape(w.partner().toString()))
                    .append(toPartner ? "\" selected=\"selected\">" : "\">")
                    .append(escape(partner.name()))
                    .append("</option></select></div>")
                    .append(fields.actionDue());
            button(out, "", null, text("workspace.action.add"));
            out.append("</div>");
            endForm(out);
        }
        out.append("\n</section>\n");
    }

    private void notes(StringBuilder out) {
        open(out, "notes");
        boolean shared = noteForm.shared() == null || noteForm.shared();
        form(out, " class=\"stack\"", here + "/notes")
                .append(fields.noteBody())
                .append("<fieldset><legend>")
                .append(escape(text("workspace.note.who")))
                .append("</legend>");
        radio(out, "true", shared, "workspace.note.shared");
        radio(out, "false", !shared, "workspace.note.private");
        out.append("</fieldset>");
        button(out, "", null, text("workspace.note.add"));
        endForm(out);
        out.append("\n  <ul class=\"notes\">");
        for (WorkspaceRows.NoteRow n : rows.notes()) {
            out.append("\n    <li><p class=\"muted small\"><span>")
                    .append(escape(n.by()))
                    .append("</span> <span class=\"badge\">")
                    .append(
                            escape(
                                    text(
                                            n.shared()
                                                    ? "workspace.note.shared.badge"
                                                    : "workspace.note.private.badge")))
                    .append("</span></p>");
            if (n.html() == null || n.html().isEmpty()) {
                out.append("<p class=\"note-body muted\">")
                        .append(escape(text("trust.content.removed")))
                        .append("</p>");
            } else {
                // The note's Markdown, rendered and sanitised when it was read (Markdown).
                out.append("<div class=\"note-body\">").append(n.html()).append("</div>");
            }
            out.append("</li>");
        }
        out.append("\n  </ul>");
        if (w.moreNotes()) {
            linked(out, here + "?all=true#notes", text("workspace.notes.all", w.notesTotal()));
        }
        out.append("\n</section>\n");
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args);
    }

    /** "Signed by the mentor on …" or "not signed yet by the mentor"; {@code who} is the role. */
    private String signature(String who, Instant at) {
        return at != null
                ? text("workspace.agreement." + who + "-signed", WorkspaceRows.minutes(at))
                : text("workspace.agreement." + who + "-unsigned");
    }

    private static String day(Instant at) {
        return at == null ? null : DAY.format(at);
    }

    /** A card's opening tag and heading: {@code <section id="goals" …><h2 …>}. */
    private void open(StringBuilder out, String id) {
        WorkspaceSection.card(out, id, escape(text("workspace." + id + ".heading")));
    }

    /** One choice of who sees a note. */
    private void radio(StringBuilder out, String value, boolean checked, String label) {
        out.append("<label class=\"checkbox\"><input type=\"radio\" name=\"shared\" value=\"")
                .append(value)
                .append(checked ? "\" checked=\"checked\"> <span>" : "\"> <span>")
                .append(escape(text(label)))
                .append("</span></label>");
    }

    /** A paragraph holding one link. */
    private static void linked(StringBuilder out, String href, String text) {
        out.append("\n  <p><a href=\"")
                .append(escape(href))
                .append("\">")
                .append(escape(text))
                .append("</a></p>");
    }

    private static void paragraph(StringBuilder out, String text) {
        out.append("\n  <p>").append(escape(text)).append("</p>");
    }

    private static StringBuilder item(StringBuilder out, boolean overdue) {
        return out.append(overdue ? "\n    <li class=\"overdue\">" : "\n    <li>");
    }

    private void overdue(StringBuilder out, boolean overdue) {
        if (overdue) {
            out.append(" <strong>").append(escape(text("workspace.overdue"))).append("</strong>");
        }
    }

    private static StringBuilder form(StringBuilder out, String attributes, String action) {
        return out.append("<form method=\"post\"")
                .append(attributes)
                .append(" action=\"")
                .append(escape(action))
                .append("\">");
    }

    private void endForm(StringBuilder out) {
        out.append(csrf).append("</form>");
    }

    private static void button(StringBuilder out, String attributes, String label, String text) {
        out.append("<button type=\"submit\"").append(attributes);
        if (label != null) {
            out.append(" aria-label=\"").append(escape(label)).append('"');
        }
        out.append('>').append(escape(text)).append("</button>");
    }
}
