package io.tandem.mentorships.web;

import io.tandem.mentorships.WorkspaceView;
import io.tandem.web.RowHtml;
import java.util.Locale;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The workspace's summary list under its heading (status, role, program, start, planned or actual
 * end), written here rather than by the template: a dozen expressions on every view (issue 17).
 * Every text is from {@code messages.properties} with escaped arguments.
 */
final class WorkspaceSummary {

    private WorkspaceSummary() {}

    static String html(WorkspaceView w, String programName, MessageSourceAccessor messages) {
        String status = w.mentorship().status().name();
        StringBuilder out =
                new StringBuilder("<ul class=\"summary\">\n    <li><span class=\"badge status-")
                        .append(RowHtml.escape(status.toLowerCase(Locale.ROOT)))
                        .append("\">")
                        .append(RowHtml.escape(messages.getMessage("workspace.status." + status)))
                        .append("</span></li>");
        item(
                out,
                messages.getMessage(
                        w.mentoring() ? "workspace.role.mentor" : "workspace.role.mentee"));
        item(out, messages.getMessage("workspace.program", new Object[] {programName}));
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
        return out.append("\n  </ul>").toString();
    }

    private static void item(StringBuilder out, String text) {
        out.append("\n    <li>").append(RowHtml.escape(text)).append("</li>");
    }
}
