package io.tandem.mentorships.web;

import io.tandem.mentorships.WorkspaceView;
import io.tandem.programs.ProgramView;
import io.tandem.web.RowHtml;
import java.util.Locale;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The top of the workspace: the way back, the heading, the summary list (status, role, program,
 * start, planned or actual end), the program's purpose and who sees what, written here rather than
 * by the template: a score of expressions on every view (issue 17). Every text is from {@code
 * messages.properties} with escaped arguments.
 */
final class WorkspaceSummary {

    private WorkspaceSummary() {}

    static String html(
            WorkspaceView w,
            ProgramView program,
            String partnerName,
            String contextPath,
            MessageSourceAccessor messages) {
        String status = w.mentorship().status().name();
        StringBuilder out =
                new StringBuilder("<p class=\"muted\"><a href=\"")
                        .append(RowHtml.escape(contextPath + "/mentorships"))
                        .append("\">")
                        .append(RowHtml.escape(messages.getMessage("workspace.back")))
                        .append("</a></p>\n  <h1>")
                        .append(
                                RowHtml.escape(
                                        messages.getMessage(
                                                "workspace.heading", new Object[] {partnerName})))
                        .append(
                                "</h1>\n  <ul class=\"summary\">\n    <li><span class=\"badge status-")
                        .append(RowHtml.escape(status.toLowerCase(Locale.ROOT)))
                        .append("\">")
                        .append(RowHtml.escape(messages.getMessage("workspace.status." + status)))
                        .append("</span></li>");
        item(
                out,
                messages.getMessage(
                        w.mentoring() ? "workspace.role.mentor" : "workspace.role.mentee"));
        item(out, messages.getMessage("workspace.program", new Object[] {program.name()}));
        item(
                out,
                messages.getMessage(
                        "workspace.started", new Object[] {w.mentorship().startedOn()}));
        if (w.mentorship().endedOn() == null) {
            item(
                    out,
                    messages.getMessage("workspace.planned-end", new Object[] {w.plannedEndOn()}));
        } else {
            item(
                    out,
                    messages.getMessage(
                            "workspace.ended-on",
                            new Object[] {
                                w.mentorship().endedOn(),
                                messages.getMessage("workspace.reason." + w.endReason())
                            }));
        }
        out.append("\n  </ul>");
        if (program.description() != null && !program.description().isBlank()) {
            out.append("\n  <p class=\"muted\">")
                    .append(RowHtml.escape(program.description()))
                    .append("</p>");
        }
        return out.append("\n  <p class=\"hint\">")
                .append(
                        RowHtml.escape(
                                messages.getMessage(
                                        w.sharesGoals()
                                                ? "workspace.sharing.on"
                                                : "workspace.sharing.off")))
                .append("</p>")
                .toString();
    }

    private static void item(StringBuilder out, String text) {
        out.append("\n    <li>").append(RowHtml.escape(text)).append("</li>");
    }
}
