package io.tandem.matching.web;

import io.tandem.matching.MatchRunId;
import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.people.PersonSummary;
import io.tandem.web.RowHtml;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The review's table rows, written here rather than by the template: fifty pairs of about eight
 * contributions each made the template resolve a thousand messages and evaluate thousands of
 * expressions per view. Every text from the people data is escaped; the words come from
 * messages.properties, resolved once per locale (a contribution's label once per criterion, weight
 * and points).
 */
@Component
class ReviewRows {

    /** A proposal with both people, for the review table. */
    record Row(Proposal proposal, PersonSummary mentee, PersonSummary mentor) {}

    /** How many contribution labels are kept before the cache starts again. */
    private static final int KEPT_LABELS = 10_000;

    private final MessageSource messages;
    private final Map<Locale, Words> words = new ConcurrentHashMap<>();
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    ReviewRows(MessageSource messages) {
        this.messages = messages;
    }

    /** The fixed words of a row in one locale. */
    private record Words(
            String manual, String lockedBadge, String lock, String unlock, String remove) {}

    /** What every row of one page shares. */
    record Table(
            MatchRunId run, boolean published, String contextPath, Locale locale, String csrf) {

        static Table of(
                MatchRunId run,
                boolean published,
                String contextPath,
                Locale locale,
                CsrfToken token) {
            return new Table(run, published, contextPath, locale, RowHtml.csrfField(token));
        }
    }

    /** The rows of the table's body, in order. */
    String html(List<Row> rows, Table table) {
        Words w =
                words.computeIfAbsent(
                        table.locale(),
                        l ->
                                new Words(
                                        text("match.manual", l),
                                        text("match.locked.badge", l),
                                        text("match.lock", l),
                                        text("match.unlock", l),
                                        text("match.remove", l)));
        StringBuilder out = new StringBuilder(rows.size() * 2_000);
        rows.forEach(row -> row(out, row, table, w));
        return out.toString();
    }

    private void row(StringBuilder out, Row r, Table table, Words w) {
        Proposal p = r.proposal();
        out.append("<tr><td>");
        person(out, table, p.menteeId().value().toString(), r.mentee());
        out.append("</td><td>");
        person(out, table, p.mentorId().value().toString(), r.mentor());
        if (p.locked()) {
            out.append("<span class=\"badge\">")
                    .append(escape(p.manual() ? w.manual() : w.lockedBadge()))
                    .append("</span>");
        }
        out.append("</td><td>").append(p.score()).append("</td><td><ul class=\"why\">");
        for (Contribution c : p.explanation()) {
            if (c.weight() > 0) {
                contribution(out, c, table.locale());
            }
        }
        out.append("</ul></td>");
        if (table.published()) {
            out.append("<td></td>");
        } else {
            actions(out, r, table, w);
        }
        out.append("</tr>\n");
    }

    private static void person(StringBuilder out, Table table, String id, PersonSummary who) {
        out.append("<a href=\"")
                .append(escape(table.contextPath()))
                .append("/people/")
                .append(id)
                .append("\">")
                .append(who == null ? "" : escape(who.name()))
                .append("</a><div class=\"muted small\">");
        if (who != null) {
            out.append(escape(who.division()))
                    .append(" · ")
                    .append(escape(who.location()))
                    .append(" · ")
                    .append(escape(who.timeZone()));
        }
        out.append("</div>");
    }

    private void contribution(StringBuilder out, Contribution c, Locale locale) {
        String criterion = text("criterion-engine." + c.criterion(), locale);
        out.append("<li><span>")
                .append(escape(criterion))
                .append("</span> <meter min=\"0\" max=\"")
                .append(c.weight())
                .append("\" value=\"")
                .append(c.contribution())
                .append("\" aria-label=\"")
                .append(escape(label(c, criterion, locale)))
                .append("\"></meter> <span class=\"muted\">")
                .append(c.contribution())
                .append('/')
                .append(c.weight())
                .append("</span></li>");
    }

    /** "Skills: 30 of 50 points", formatted once for each criterion, points and weight. */
    private String label(Contribution c, String criterion, Locale locale) {
        String key = locale + "|" + c.criterion() + "|" + c.contribution() + "|" + c.weight();
        String label = labels.get(key);
        if (label == null) {
            if (labels.size() > KEPT_LABELS) {
                labels.clear();
            }
            label =
                    messages.getMessage(
                            "match.contribution",
                            new Object[] {criterion, c.contribution(), c.weight()},
                            locale);
            labels.put(key, label);
        }
        return label;
    }

    private void actions(StringBuilder out, Row r, Table table, Words w) {
        Proposal p = r.proposal();
        String mentee = p.menteeId().value().toString();
        String name = r.mentee() == null ? "" : r.mentee().name();
        String base = escape(table.contextPath()) + "/match-runs/" + table.run().value();
        out.append("<td><form action=\"")
                .append(base)
                .append("/locks\" method=\"post\" class=\"inline\">")
                .append(table.csrf())
                .append("<input type=\"hidden\" name=\"mentee\" value=\"")
                .append(mentee)
                .append("\"><input type=\"hidden\" name=\"locked\" value=\"")
                .append(!p.locked())
                .append("\"><button type=\"submit\" class=\"small secondary\" aria-label=\"")
                .append(
                        escape(
                                text(
                                        p.locked() ? "match.unlock.label" : "match.lock.label",
                                        table.locale(),
                                        name)))
                .append("\">")
                .append(escape(p.locked() ? w.unlock() : w.lock()))
                .append("</button></form><form action=\"")
                .append(base)
                .append("/removals\" method=\"post\" class=\"inline\">")
                .append(table.csrf())
                .append("<input type=\"hidden\" name=\"mentee\" value=\"")
                .append(mentee)
                .append("\"><button type=\"submit\" class=\"small danger\" aria-label=\"")
                .append(escape(text("match.remove.label", table.locale(), name)))
                .append("\">")
                .append(escape(w.remove()))
                .append("</button></form></td>");
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, "??" + code + "??", locale);
    }

    private static String escape(String text) {
        return RowHtml.escape(text);
    }
}
