package io.tandem.people.web;

import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleValues;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.shared.Paged;
import io.tandem.web.RowHtml;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.unbescape.uri.UriEscape;

/**
 * The directory's result rows and its filters' choices, written here rather than by the template:
 * 25 rows of a link, five texts and up to four skill tags, and some thirty choices each tested
 * against the query, were most of the directory's rendering (issue 17). Every text a person's
 * profile holds is escaped; the words come from messages.properties.
 */
@Component
class DirectoryRows {

    /** The skills a row shows; the profile shows them all. */
    static final int SKILLS_SHOWN = 4;

    private final MessageSource messages;
    private final RowHtml.Words words;

    DirectoryRows(MessageSource messages) {
        this.messages = messages;
        this.words = new RowHtml.Words(messages);
    }

    /** The rows of the table's body, in order. */
    String html(List<PersonSummary> people, String contextPath, Locale locale) {
        String context = RowHtml.escape(contextPath);
        StringBuilder out = new StringBuilder(people.size() * 400);
        for (PersonSummary p : people) {
            out.append("<tr><td><a href=\"")
                    .append(context)
                    .append("/people/")
                    .append(p.id().value())
                    .append("\">")
                    .append(RowHtml.escape(p.name()))
                    .append("</a>");
            if (!p.active()) {
                out.append(" <span class=\"badge muted\">")
                        .append(word("person.inactive", locale))
                        .append("</span>");
            }
            out.append("</td>");
            cell(out, p.title());
            cell(out, p.division());
            cell(out, p.function());
            cell(out, p.location());
            out.append("<td>");
            List<String> skills = p.skills();
            for (int i = 0; i < Math.min(SKILLS_SHOWN, skills.size()); i++) {
                out.append("<span class=\"tag\">")
                        .append(RowHtml.escape(skills.get(i)))
                        .append("</span>");
            }
            out.append("</td></tr>\n");
        }
        return out.toString();
    }

    /**
     * The results' pager, nothing for a single page: where the rows are, and the previous and next
     * links, each keeping every filter the query gives, for a plain link and for htmx.
     */
    String pager(Paged<?> results, DirectoryQuery query, String contextPath, Locale locale) {
        if (results.totalPages() <= 1) {
            return "";
        }
        StringBuilder out = new StringBuilder(1_200);
        out.append("<nav class=\"pager\" aria-label=\"")
                .append(word("pager.label", locale))
                .append("\"><p class=\"pager-range\">")
                .append(
                        text(
                                "pager.showing",
                                locale,
                                results.from(),
                                results.to(),
                                results.total()))
                .append("</p>");
        if (results.hasPrevious()) {
            move(
                    out,
                    "prev",
                    address(query, contextPath, results.page() - 1),
                    "pager.previous",
                    locale);
        }
        out.append("<span>")
                .append(text("pager.position", locale, results.page() + 1, results.totalPages()))
                .append("</span>");
        if (results.hasNext()) {
            move(
                    out,
                    "next",
                    address(query, contextPath, results.page() + 1),
                    "pager.next",
                    locale);
        }
        return out.append("</nav>").toString();
    }

    private void move(StringBuilder out, String rel, String href, String code, Locale locale) {
        out.append("<a rel=\"")
                .append(rel)
                .append("\" href=\"")
                .append(href)
                .append("\" hx-get=\"")
                .append(href)
                .append("\" hx-target=\"#results\" hx-push-url=\"true\">")
                .append(word(code, locale))
                .append("</a>");
    }

    /** The directory's address for this query and page, escaped for an attribute. */
    private static String address(DirectoryQuery query, String contextPath, int page) {
        StringBuilder url = new StringBuilder(contextPath).append("/people?");
        parameter(url, "q", query.q());
        parameter(url, "division", query.division());
        parameter(url, "function", query.function());
        parameter(url, "location", query.location());
        parameter(url, "skill", query.skill());
        parameter(url, "language", query.language());
        parameter(url, "workMode", query.workMode() == null ? null : query.workMode().name());
        url.append("page=").append(page);
        return RowHtml.escape(url.toString());
    }

    private static void parameter(StringBuilder url, String name, String value) {
        if (value != null) {
            url.append(name).append('=').append(UriEscape.escapeUriQueryParam(value)).append('&');
        }
    }

    /** A message with arguments (numbers formatted as the template's were), escaped. */
    private String text(String code, Locale locale, Object... args) {
        return RowHtml.message(messages, code, locale, args);
    }

    /** The filters' choices after their "any", each chosen when it is the query's value. */
    record Choices(
            String skills,
            String divisions,
            String functions,
            String locations,
            String languages,
            String workModes) {}

    Choices choices(PeopleValues values, DirectoryQuery query, Locale locale) {
        return new Choices(
                options(values.skills(), query.skill()),
                options(values.divisions(), query.division()),
                options(values.functions(), query.function()),
                options(values.locations(), query.location()),
                options(values.languages(), query.language()),
                workModes(query.workMode(), locale));
    }

    /** One option per value, its text the value itself; chosen ignoring case, as searched. */
    private static String options(List<String> values, String chosen) {
        StringBuilder out = new StringBuilder(values.size() * 48);
        for (String value : values) {
            String v = RowHtml.escape(value);
            out.append("<option value=\"").append(v).append('"');
            if (value.equalsIgnoreCase(chosen)) {
                out.append(" selected=\"selected\"");
            }
            out.append('>').append(v).append("</option>");
        }
        return out.toString();
    }

    private String workModes(WorkMode chosen, Locale locale) {
        StringBuilder out = new StringBuilder(160);
        for (WorkMode mode : WorkMode.values()) {
            out.append("<option value=\"").append(mode.name()).append('"');
            if (mode == chosen) {
                out.append(" selected=\"selected\"");
            }
            out.append('>').append(word("work-mode." + mode, locale)).append("</option>");
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(RowHtml.escape(text)).append("</td>");
    }

    private String word(String code, Locale locale) {
        return words.get(code, locale);
    }
}
