package io.tandem.programs.web;

import io.tandem.people.PeopleValues;
import io.tandem.people.WorkMode;
import io.tandem.programs.EnrolmentRole;
import io.tandem.web.RowHtml;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The fields of a program page's empty invitation form (role, the segment's division, function,
 * location, level and work mode, the pasted e-mail addresses, the file), as {@code
 * fragments/field.html} writes them with no value and no refusal, written once per locale and set
 * of the organisation's values and then reused: the seven field fragments were a fifth of the
 * program page's rendering on every view (issue 17). A form sent back with refusals or values is
 * rendered by the template as before. The organisation's values are escaped; nothing else in it
 * comes from a user. The form element with its CSRF field stays in the template.
 */
@Component
class InviteFields {

    /** Few keys in practice (locales × the values' revisions); emptied rather than grown past. */
    private static final int MAX_CACHED = 64;

    private record Key(Locale locale, PeopleValues values) {}

    private final MessageSource messages;
    private final Map<Key, String> written = new ConcurrentHashMap<>();

    InviteFields(MessageSource messages) {
        this.messages = messages;
    }

    /** The empty form's fields, in the order the template places them. */
    String html(PeopleValues values, Locale locale) {
        Key key = new Key(locale, values);
        String html = written.get(key);
        if (html == null) {
            if (written.size() >= MAX_CACHED) {
                written.clear();
            }
            html = write(values, locale);
            written.put(key, html);
        }
        return html;
    }

    private String write(PeopleValues values, Locale l) {
        StringBuilder out = new StringBuilder(4_000).append("<div class=\"filters\">");
        select(out, "invite-role", "role", text("invite.role", l), null);
        options(out, List.of(EnrolmentRole.values()), r -> text("role." + r, l));
        select(out, "invite-division", "division", text("directory.division", l), l);
        options(out, values.divisions(), Function.identity());
        select(out, "invite-function", "function", text("directory.function", l), l);
        options(out, values.functions(), Function.identity());
        select(out, "invite-location", "location", text("directory.location", l), l);
        options(out, values.locations(), Function.identity());
        out.append("<div class=\"field\"><label for=\"invite-level\">")
                .append(RowHtml.escape(text("person.level", l)))
                .append("</label><input id=\"invite-level\" name=\"level\" type=\"number\"")
                .append(" max=\"99\"></div>");
        select(out, "invite-mode", "workMode", text("directory.work-mode", l), l);
        options(out, List.of(WorkMode.values()), m -> text("work-mode." + m, l));
        out.append("</div><div class=\"field\"><label for=\"invite-emails\">")
                .append(RowHtml.escape(text("invite.emails", l)))
                .append("</label><textarea id=\"invite-emails\" name=\"emails\" rows=\"3\"")
                .append(" maxlength=\"100000\" aria-describedby=\"invite-emails-hint\">")
                .append("</textarea><p id=\"invite-emails-hint\" class=\"hint\">")
                .append(RowHtml.escape(text("invite.emails.hint", l)))
                .append("</p></div><div class=\"field\"><label for=\"invite-file\">")
                .append(RowHtml.escape(text("invite.file", l)))
                .append("</label><input id=\"invite-file\" name=\"file\" type=\"file\"")
                .append(" accept=\".csv,text/csv,text/plain\"")
                .append(" aria-describedby=\"invite-file-hint\"><p id=\"invite-file-hint\"")
                .append(" class=\"hint\">")
                .append(RowHtml.escape(text("invite.file.hint", l)))
                .append("</p></div>");
        return out.toString();
    }

    /** Opens a labelled select; {@code anyIn} set: its first choice is "any" (empty). */
    private void select(StringBuilder out, String id, String name, String label, Locale anyIn) {
        out.append("<div class=\"field\"><label for=\"")
                .append(id)
                .append("\">")
                .append(RowHtml.escape(label))
                .append("</label><select id=\"")
                .append(id)
                .append("\" name=\"")
                .append(name)
                .append("\">");
        if (anyIn != null) {
            out.append("<option value=\"\">")
                    .append(RowHtml.escape(text("directory.any", anyIn)))
                    .append("</option>");
        }
    }

    private static <T> void options(StringBuilder out, List<T> values, Function<T, String> label) {
        for (T value : values) {
            out.append("<option value=\"")
                    .append(RowHtml.escape(String.valueOf(value)))
                    .append("\">")
                    .append(RowHtml.escape(label.apply(value)))
                    .append("</option>");
        }
        out.append("</select></div>");
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, "??" + code + "??", locale);
    }
}
