package io.tandem.mentorships.web;

import static io.tandem.web.RowHtml.escape;

import io.tandem.mentorships.web.MentorshipPageController.Line;
import java.util.List;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * "My mentorships" under its heading: the two lists of pairs, or the empty state, written here
 * rather than by the template: a link, two messages and a condition a line, and the sections'
 * conditions, were most of what the page's own template cost (issue 17). The markup is the
 * template's; every text is escaped.
 */
final class MentorshipList {

    private MentorshipList() {}

    /** {@code base} is the context path the links start with. */
    static String html(
            List<Line> mentors, List<Line> mentees, String base, MessageSourceAccessor messages) {
        StringBuilder out = new StringBuilder(1024);
        if (mentors.isEmpty() && mentees.isEmpty()) {
            return out.append("<div class=\"empty\">\n    <p>")
                    .append(escape(messages.getMessage("mentorships.empty")))
                    .append("</p>\n    <p><a href=\"")
                    .append(escape(base + "/programs"))
                    .append("\">")
                    .append(escape(messages.getMessage("mentorships.empty.action")))
                    .append("</a></p>\n  </div>")
                    .toString();
        }
        section(out, "mentors", mentors, base, messages);
        section(out, "mentees", mentees, base, messages);
        return out.toString();
    }

    private static void section(
            StringBuilder out,
            String which,
            List<Line> lines,
            String base,
            MessageSourceAccessor messages) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("<section aria-labelledby=\"")
                .append(which)
                .append("-heading\">\n    <h2 id=\"")
                .append(which)
                .append("-heading\">")
                .append(escape(messages.getMessage("mentorships." + which)))
                .append("</h2>\n    <ul class=\"pairs\">");
        for (Line l : lines) {
            String name = l.other().name();
            out.append("\n      <li>\n        <a href=\"")
                    .append(escape(base + "/mentorships/" + l.mentorship().id()))
                    .append("\" aria-label=\"")
                    .append(escape(messages.getMessage("mentorships.open", new Object[] {name})))
                    .append("\">")
                    .append(escape(name))
                    .append("</a>\n        <span class=\"muted\">")
                    .append(
                            escape(
                                    messages.getMessage(
                                            "mentorships.line",
                                            new Object[] {
                                                l.other().title() == null ? "" : l.other().title(),
                                                l.program(),
                                                l.mentorship().startedOn()
                                            })))
                    .append("</span>");
            if (!l.mentorship().active()) {
                out.append("\n        <span class=\"badge\">")
                        .append(
                                escape(
                                        messages.getMessage(
                                                "workspace.status." + l.mentorship().status())))
                        .append("</span>");
            }
            out.append("\n      </li>");
        }
        out.append("\n    </ul>\n  </section>\n  ");
    }
}
