package io.tandem.programs.web;

import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOverview;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.web.RowHtml;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * What a manager sees of a program's page around its enrolment rows — the enrolment figures with
 * their division and location tables, the list's filter form and its column heads — written here
 * rather than by the template: about eighty expressions, each a message, an option or a count, were
 * most of what was left of the page's rendering after the rows (issue 17). Division and location
 * names are escaped; the words come from messages.properties, resolved once per locale.
 */
@Component
class OverviewHtml {

    private final MessageSource messages;
    private final RowHtml.Words words;

    OverviewHtml(MessageSource messages) {
        this.messages = messages;
        this.words = new RowHtml.Words(messages);
    }

    /** The figures section's content: counts, a capacity warning, people by division, location. */
    String figures(ProgramOverview overview, Locale l) {
        StringBuilder out = new StringBuilder(2_000);
        out.append("<h2 id=\"figures-heading\">")
                .append(word("overview.figures", l))
                .append("</h2>");
        if (overview.capacityShort()) {
            out.append("<p class=\"alert error\" role=\"alert\">")
                    .append(
                            text(
                                    "overview.capacity-short",
                                    l,
                                    overview.mentorCapacity(),
                                    overview.mentees()))
                    .append("</p>");
        }
        out.append("<ul class=\"summary\">");
        item(out, text("overview.mentors", l, overview.mentors()));
        item(out, text("overview.mentees", l, overview.mentees()));
        item(out, text("overview.capacity", l, overview.mentorCapacity()));
        item(out, text("overview.pending", l, overview.pending()));
        item(out, text("overview.invited", l, overview.invited()));
        out.append("</ul><div class=\"grid-2\">");
        spread(out, "overview.by-division", overview.byDivision(), l);
        spread(out, "overview.by-location", overview.byLocation(), l);
        return out.append("</div>").toString();
    }

    /**
     * The program's facts (meetings, length, cohort, enrolment window, capacity, approval), its
     * agreement and its suggested goals, as everyone who sees the page sees them.
     */
    String facts(ProgramView program, Locale l) {
        StringBuilder out = new StringBuilder(1_500);
        out.append("<h2 id=\"facts-heading\">")
                .append(word("overview.facts", l))
                .append("</h2><dl class=\"facts\">");
        fact(out, "program.cadence", word("cadence." + program.meetingCadence(), l), l);
        fact(out, "program.months", text("overview.months", l, program.relationshipMonths()), l);
        fact(
                out,
                "program.cohort",
                program.evergreen()
                        ? word("program.evergreen", l)
                        : text(
                                "overview.dates",
                                l,
                                orEllipsis(program.startsOn()),
                                orEllipsis(program.endsOn())),
                l);
        fact(
                out,
                "program.enrolment-window",
                text(
                        "overview.dates",
                        l,
                        orEllipsis(program.enrolmentOpensOn()),
                        orEllipsis(program.enrolmentClosesOn())),
                l);
        fact(out, "program.default-capacity", String.valueOf(program.defaultCapacity()), l);
        fact(out, "program.approval", word(program.approvalRequired() ? "yes" : "no", l), l);
        out.append("</dl><h3>")
                .append(word("program.agreement", l))
                .append("</h3><p class=\"bio\">")
                .append(
                        RowHtml.escape(
                                program.agreementText() != null ? program.agreementText() : "—"))
                .append("</p><h3>")
                .append(word("program.goals", l))
                .append("</h3><ul>");
        for (String goal : program.suggestedGoals()) {
            out.append("<li>").append(RowHtml.escape(goal)).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    /**
     * The page's head: the program's name, its status and summary, the enrol link for someone who
     * may enrol now, and for a manager the forms (or the link, to close) that move its status.
     */
    String top(
            ProgramView program,
            boolean enrolNow,
            boolean manages,
            String contextPath,
            CsrfToken csrf,
            Locale l) {
        String base = RowHtml.escape(contextPath) + "/programs/" + program.id().value();
        StringBuilder out = new StringBuilder(1_200);
        out.append("<div class=\"profile-head\"><div><h1>")
                .append(RowHtml.escape(program.name()))
                .append("</h1><p class=\"lead\"><span class=\"badge status-")
                .append(program.status().name().toLowerCase(Locale.ROOT))
                .append("\">")
                .append(word("program-status." + program.status(), l))
                .append("</span> <span>")
                .append(
                        text(
                                "overview.summary",
                                l,
                                raw("template." + program.template(), l),
                                raw("format." + program.format(), l),
                                raw("matching-mode." + program.matchingMode(), l)))
                .append("</span></p></div><div class=\"actions\">");
        if (enrolNow) {
            link(out, "button", base + "/enrol", word("programs.enrol", l));
        }
        if (manages) {
            for (ProgramStatus next : program.status().next()) {
                if (next == ProgramStatus.CLOSED) {
                    link(out, "button secondary", base + "/close", word("transition.CLOSED", l));
                } else {
                    out.append("<form action=\"")
                            .append(base)
                            .append("/status\" method=\"post\" class=\"inline\">")
                            .append(RowHtml.csrfField(csrf))
                            .append("<input type=\"hidden\" name=\"status\" value=\"")
                            .append(next.name())
                            .append("\"><button type=\"submit\" class=\"secondary\">")
                            .append(word("transition." + next, l))
                            .append("</button></form>");
                }
            }
        }
        return out.append("</div></div>").toString();
    }

    /**
     * How people are matched: each rule's statement (escaped), the lowest score proposed, and for a
     * manager while the rules may change the link to change them.
     */
    String rules(
            ProgramView program,
            Map<?, String> statements,
            boolean manages,
            String contextPath,
            Locale l) {
        StringBuilder out = new StringBuilder(800);
        out.append("<h2 id=\"rules-heading\">")
                .append(word("overview.rules", l))
                .append("</h2><ul class=\"rules\">");
        for (Object rule : program.rules()) {
            item(out, RowHtml.escape(statements.get(rule)));
        }
        out.append("</ul>");
        if (program.minimumScore() > 0) {
            out.append("<p class=\"muted\">")
                    .append(text("overview.minimum-score", l, program.minimumScore()))
                    .append("</p>");
        }
        if (manages && program.rulesEditable()) {
            out.append("<p><a href=\"")
                    .append(RowHtml.escape(contextPath))
                    .append("/programs/")
                    .append(program.id().value())
                    .append("/rules\">")
                    .append(word("overview.edit-rules", l))
                    .append("</a></p>");
        }
        return out.toString();
    }

    /**
     * What a manager opens from the program's page: the matching section and the engagement section
     * with their links.
     */
    String managerLinks(ProgramId program, String contextPath, Locale l) {
        String base = RowHtml.escape(contextPath) + "/programs/" + program.value();
        StringBuilder out = new StringBuilder(1_200);
        out.append("<section aria-labelledby=\"matching-heading\"><h2 id=\"matching-heading\">")
                .append(word("overview.matching", l))
                .append("</h2><p>")
                .append(word("overview.matching.text", l))
                .append("</p>");
        link(out, "button", base + "/matching", word("overview.matching.open", l));
        out.append("</section><section aria-labelledby=\"engagement-heading\">")
                .append("<h2 id=\"engagement-heading\">")
                .append(word("engagement.overview.heading", l))
                .append("</h2><p>")
                .append(word("engagement.overview.text", l))
                .append("</p><p class=\"actions\">");
        link(out, "button", base + "/engagement", word("engagement.pairs.link", l));
        link(out, "button secondary", base + "/dashboard", word("engagement.dashboard.link", l));
        link(
                out,
                "button secondary",
                base + "/mentorships",
                word("workspace.program-list.link", l));
        link(out, "button secondary", base + "/video", word("meetings.video.link", l));
        return out.append("</p></section>").toString();
    }

    private void fact(StringBuilder out, String term, String value, Locale l) {
        out.append("<dt>").append(word(term, l)).append("</dt><dd>").append(value).append("</dd>");
    }

    /** A date as the template wrote it in a message, or "…" for none. */
    private static Object orEllipsis(Object date) {
        return date != null ? date : "…";
    }

    private static void link(StringBuilder out, String css, String href, String text) {
        out.append("<a class=\"")
                .append(css)
                .append("\" href=\"")
                .append(href)
                .append("\">")
                .append(text)
                .append("</a>");
    }

    /** The form that filters the enrolment list by status and role, the chosen ones selected. */
    String filters(
            ProgramId program,
            EnrolmentStatus status,
            EnrolmentRole role,
            String contextPath,
            Locale l) {
        StringBuilder out = new StringBuilder(1_500);
        out.append("<form action=\"")
                .append(RowHtml.escape(contextPath))
                .append("/programs/")
                .append(program.value())
                .append("\" method=\"get\" class=\"filters\" aria-label=\"")
                .append(word("enrolments.filter.label", l))
                .append("\">");
        select(out, "filter-status", "status", "enrolments.filter.status", l);
        for (EnrolmentStatus each : EnrolmentStatus.values()) {
            option(out, each.name(), each == status, word("enrolment-status." + each, l));
        }
        out.append("</select></div>");
        select(out, "filter-role", "role", "enrolments.filter.role", l);
        for (EnrolmentRole each : EnrolmentRole.values()) {
            option(out, each.name(), each == role, word("role." + each, l));
        }
        return out.append("</select></div><div class=\"field\"><button type=\"submit\"")
                .append(" class=\"secondary\">")
                .append(word("enrolments.filter", l))
                .append("</button></div></form>")
                .toString();
    }

    /** The enrolment table's column heads. */
    String head(Locale l) {
        StringBuilder out = new StringBuilder(600);
        out.append("<tr><th scope=\"col\"><span class=\"visually-hidden\">")
                .append(word("bulk.select", l))
                .append("</span></th>");
        for (String column :
                new String[] {
                    "person.name",
                    "invite.role",
                    "person.division",
                    "person.location",
                    "enrolment.status"
                }) {
            out.append("<th scope=\"col\">").append(word(column, l)).append("</th>");
        }
        return out.append("<th scope=\"col\"><span class=\"visually-hidden\">")
                .append(word("tokens.actions", l))
                .append("</span></th></tr>")
                .toString();
    }

    private static void item(StringBuilder out, String text) {
        out.append("<li>").append(text).append("</li>");
    }

    private void spread(StringBuilder out, String heading, Map<String, Integer> counts, Locale l) {
        out.append("<div><h3>").append(word(heading, l)).append("</h3>");
        if (counts.isEmpty()) {
            out.append("<p>").append(word("overview.none", l)).append("</p>");
        } else {
            out.append("<table><tbody>");
            counts.forEach(
                    (name, count) ->
                            out.append("<tr><th scope=\"row\">")
                                    .append(RowHtml.escape(name))
                                    .append("</th><td>")
                                    .append(count)
                                    .append("</td></tr>"));
            out.append("</tbody></table>");
        }
        out.append("</div>");
    }

    private void select(StringBuilder out, String id, String name, String label, Locale l) {
        out.append("<div class=\"field\"><label for=\"")
                .append(id)
                .append("\">")
                .append(word(label, l))
                .append("</label><select id=\"")
                .append(id)
                .append("\" name=\"")
                .append(name)
                .append("\"><option value=\"\">")
                .append(word("directory.any", l))
                .append("</option>");
    }

    private static void option(StringBuilder out, String value, boolean selected, String label) {
        out.append("<option value=\"")
                .append(value)
                .append(selected ? "\" selected=\"selected\">" : "\">")
                .append(label)
                .append("</option>");
    }

    private String word(String code, Locale locale) {
        return words.get(code, locale);
    }

    /** A message not yet escaped: an argument of another message, escaped with it. */
    private String raw(String code, Locale locale) {
        return messages.getMessage(code, null, "??" + code + "??", locale);
    }

    /** A message with arguments (numbers formatted as the template's did), escaped. */
    private String text(String code, Locale locale, Object... args) {
        return RowHtml.message(messages, code, locale, args);
    }
}
