package io.tandem.people.web;

import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleValues;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.web.RowHtml;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

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

    private final RowHtml.Words words;

    DirectoryRows(MessageSource messages) {
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
