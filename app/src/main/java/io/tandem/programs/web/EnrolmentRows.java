package io.tandem.programs.web;

import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import io.tandem.web.RowHtml;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The rows of a program's enrolment list (a manager's view), written here rather than by the
 * template: each row's labels, role, status and decision forms made the template resolve a dozen
 * messages and twice as many expressions per row, the most of the page's rendering. The people's
 * text is escaped; the words come from messages.properties, resolved once per locale.
 */
@Component
class EnrolmentRows {

    private final MessageSource messages;
    private final Map<Locale, Map<String, String>> words = new ConcurrentHashMap<>();

    EnrolmentRows(MessageSource messages) {
        this.messages = messages;
    }

    /** What every row of one page shares. */
    record Table(ProgramId program, String contextPath, Locale locale, String csrf) {

        static Table of(ProgramId program, String contextPath, Locale locale, CsrfToken token) {
            return new Table(program, contextPath, locale, RowHtml.csrfField(token));
        }
    }

    /** The rows of the table's body, in order. */
    String html(List<EnrolmentView> rows, Table table) {
        StringBuilder out = new StringBuilder(rows.size() * 1_200);
        rows.forEach(row -> row(out, row, table));
        return out.toString();
    }

    private void row(StringBuilder out, EnrolmentView e, Table table) {
        Locale l = table.locale();
        String name = e.name();
        out.append("<tr><td>");
        if (e.awaitingDecision()) {
            out.append(
                            "<input type=\"checkbox\" name=\"enrolment\" form=\"bulk-decisions\" value=\"")
                    .append(e.id().value())
                    .append("\" id=\"select-")
                    .append(e.id().value())
                    .append("\" aria-label=\"")
                    .append(escape(text("bulk.select.label", l, name)))
                    .append("\">");
        }
        out.append("</td>");
        cell(out, word("person.name", l)).append("<a href=\"");
        out.append(escape(table.contextPath()))
                .append("/people/")
                .append(e.personId().value())
                .append("\">")
                .append(escape(name))
                .append("</a></td>");
        cell(out, word("invite.role", l))
                .append(escape(word("role." + e.role(), l)))
                .append("</td>");
        cell(out, word("person.division", l)).append(escape(e.division())).append("</td>");
        cell(out, word("person.location", l)).append(escape(e.location())).append("</td>");
        cell(out, word("enrolment.status", l))
                .append(escape(word("enrolment-status." + e.status(), l)))
                .append("</td><td>");
        if (e.awaitingDecision()) {
            decision(out, e, table, true);
            decision(out, e, table, false);
        }
        out.append("</td></tr>\n");
    }

    /** Opens a cell labelled for the narrow layout, where each cell shows its column's name. */
    private static StringBuilder cell(StringBuilder out, String label) {
        return out.append("<td data-label=\"").append(escape(label)).append("\">");
    }

    private void decision(StringBuilder out, EnrolmentView e, Table table, boolean approve) {
        Locale l = table.locale();
        out.append("<form action=\"")
                .append(escape(table.contextPath()))
                .append("/programs/")
                .append(table.program().value())
                .append("/enrolments/")
                .append(e.id().value())
                .append("/decision\" method=\"post\" class=\"inline\">")
                .append(table.csrf())
                .append("<input type=\"hidden\" name=\"approve\" value=\"")
                .append(approve)
                .append("\"><button type=\"submit\" class=\"")
                .append(approve ? "small" : "small danger")
                .append("\" aria-label=\"")
                .append(
                        escape(
                                text(
                                        approve
                                                ? "enrolment.approve.label"
                                                : "enrolment.decline.label",
                                        l,
                                        e.name())))
                .append("\">")
                .append(escape(word(approve ? "enrolment.approve" : "enrolment.decline", l)))
                .append("</button></form>");
    }

    /** A message without arguments, kept per locale (messages.properties does not change). */
    private String word(String code, Locale locale) {
        return words.computeIfAbsent(locale, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> text(c, locale));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, "??" + code + "??", locale);
    }

    private static String escape(String text) {
        return RowHtml.escape(text);
    }
}
