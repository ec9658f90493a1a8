package io.tandem.people.web;

import io.tandem.identity.AccountState;
import io.tandem.identity.Role;
import io.tandem.people.PersonSummary;
import io.tandem.people.ReportingLine;
import io.tandem.web.RowHtml;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A profile's two sections, about the person and their reporting line, written here rather than by
 * the template: about sixty expressions, each a message or a fact with its fallback, were most of
 * the profile page's rendering (issue 17). Everything from the profile is escaped; the words come
 * from messages.properties, resolved once per locale.
 */
@Component
class ProfileHtml {

    private static final String NONE = "—";

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** What the account box of a profile an admin or program manager sees needs. */
    record AccountBox(
            AccountState account,
            boolean canChangeRole,
            boolean roleChanged,
            String contextPath,
            String csrfField) {}

    private final MessageSource messages;
    private final RowHtml.Words words;

    ProfileHtml(MessageSource messages) {
        this.messages = messages;
        this.words = new RowHtml.Words(messages);
    }

    /** The {@code grid-2} block's content: the "About" section, then the "Reporting line". */
    String html(PersonSummary person, ReportingLine line, String contextPath, Locale locale) {
        StringBuilder out = new StringBuilder(4_000);
        about(out, person, locale);
        reporting(out, person, line, RowHtml.escape(contextPath), locale);
        return out.toString();
    }

    /**
     * The account box's content: whether the person can sign in, the activation form, their role
     * and, for an admin, the form that changes it (the forms carry {@code csrfField}).
     */
    String account(PersonSummary p, AccountBox box, Locale l) {
        AccountState account = box.account();
        String action = RowHtml.escape(box.contextPath()) + "/people/" + p.id().value();
        StringBuilder out = new StringBuilder(1_500);
        out.append("<h2 id=\"account-heading\">")
                .append(word("accounts.profile.heading", l))
                .append("</h2><p><span>")
                .append(
                        switch (account.status()) {
                            case ACTIVATED ->
                                    text(
                                            "accounts.profile.activated",
                                            l,
                                            DAY,
                                            account.activatedAt());
                            case INVITED ->
                                    text(
                                            "accounts.profile.invited",
                                            l,
                                            MINUTE,
                                            account.invitedAt());
                            case DISABLED -> word("accounts.profile.disabled", l);
                            case NONE -> word("accounts.profile.none", l);
                        })
                .append("</span></p>");
        if (p.active() && !account.activated()) {
            out.append("<form action=\"")
                    .append(action)
                    .append("/activation\" method=\"post\">")
                    .append(box.csrfField())
                    .append("<button type=\"submit\" class=\"secondary\">")
                    .append(
                            word(
                                    account.invited()
                                            ? "accounts.profile.resend"
                                            : "accounts.profile.send",
                                    l))
                    .append("</button></form>");
        }
        if (box.roleChanged()) {
            out.append("<p class=\"alert success\" role=\"status\">")
                    .append(word("account.role.changed", l))
                    .append("</p>");
        }
        if (account.role() != null) {
            out.append("<p>")
                    .append(
                            escape(
                                    messages.getMessage(
                                            "account.role.current",
                                            new Object[] {
                                                messages.getMessage(
                                                        "account.role." + account.role(), null, l)
                                            },
                                            l)))
                    .append("</p>");
        }
        if (box.canChangeRole()) {
            roleForm(out, action, box, l);
        }
        return out.toString();
    }

    private void roleForm(StringBuilder out, String action, AccountBox box, Locale l) {
        Role current = box.account().role() == null ? Role.EMPLOYEE : box.account().role();
        out.append("<form class=\"inline-form\" action=\"")
                .append(action)
                .append("/role\" method=\"post\">")
                .append(box.csrfField())
                .append("<label for=\"role-select\">")
                .append(word("account.role.label", l))
                .append("</label><select id=\"role-select\" name=\"role\">");
        for (Role role : Role.values()) {
            out.append("<option value=\"")
                    .append(role.name())
                    .append(role == current ? "\" selected=\"selected\">" : "\">")
                    .append(word("account.role." + role, l))
                    .append("</option>");
        }
        out.append("</select><button type=\"submit\" class=\"secondary\">")
                .append(word("account.role.change", l))
                .append("</button><p class=\"hint\">")
                .append(word("account.role.hint", l))
                .append("</p></form>");
    }

    /** A message whose one argument is a moment, formatted in UTC. */
    private String text(String code, Locale l, DateTimeFormatter format, Instant at) {
        return escape(
                messages.getMessage(code, new Object[] {at == null ? "" : format.format(at)}, l));
    }

    private void about(StringBuilder out, PersonSummary p, Locale l) {
        out.append("<section aria-labelledby=\"about\"><h2 id=\"about\">")
                .append(word("profile.about", l))
                .append("</h2><dl class=\"facts\">");
        fact(out, "person.email", l)
                .append("<a href=\"mailto:")
                .append(escape(p.email()))
                .append("\">")
                .append(escape(p.email()))
                .append("</a></dd>");
        fact(out, "person.employee-id", l).append(escape(p.employeeId())).append("</dd>");
        fact(out, "person.division", l).append(orNone(p.division())).append("</dd>");
        fact(out, "person.function", l).append(orNone(p.function())).append("</dd>");
        fact(out, "person.location", l).append(orNone(p.location())).append("</dd>");
        fact(out, "person.level", l)
                .append(p.level() == null ? NONE : p.level().toString())
                .append("</dd>");
        fact(out, "person.time-zone", l).append(escape(p.timeZone())).append("</dd>");
        fact(out, "person.work-mode", l)
                .append(p.workMode() == null ? NONE : word("work-mode." + p.workMode(), l))
                .append("</dd>");
        fact(out, "person.languages", l)
                .append(p.languages().isEmpty() ? NONE : escape(String.join(", ", p.languages())))
                .append("</dd>");
        fact(out, "person.aspired-division", l).append(orNone(p.aspiredDivision())).append("</dd>");
        fact(out, "person.aspired-location", l).append(orNone(p.aspiredLocation())).append("</dd>");
        out.append("</dl><h3>").append(word("person.bio", l)).append("</h3><p class=\"bio\">");
        out.append(p.bio() == null ? word("profile.no-bio", l) : escape(p.bio())).append("</p>");
        tags(out, "person.skills", p.skills(), l);
        tags(out, "person.skills-wanted", p.skillsWanted(), l);
        out.append("</section>");
    }

    private StringBuilder fact(StringBuilder out, String label, Locale l) {
        return out.append("<dt>").append(word(label, l)).append("</dt><dd>");
    }

    private void tags(StringBuilder out, String heading, List<String> tags, Locale l) {
        out.append("<h3>").append(word(heading, l)).append("</h3><p>");
        for (String tag : tags) {
            out.append("<span class=\"tag\">").append(escape(tag)).append("</span>");
        }
        if (tags.isEmpty()) {
            out.append("<span>").append(word("profile.none", l)).append("</span>");
        }
        out.append("</p>");
    }

    private void reporting(
            StringBuilder out, PersonSummary p, ReportingLine line, String context, Locale l) {
        out.append("<section aria-labelledby=\"reporting\"><h2 id=\"reporting\">")
                .append(word("profile.reporting-line", l))
                .append("</h2>");
        if (line.managers().isEmpty()) {
            out.append("<p>").append(word("profile.top", l)).append("</p>");
        } else {
            out.append("<ol class=\"chain\" aria-label=\"")
                    .append(word("profile.managers", l))
                    .append("\">");
            line.managersFromTop().forEach(m -> person(out, m, context));
            out.append("<li aria-current=\"page\"><strong>")
                    .append(escape(p.name()))
                    .append("</strong></li></ol>");
        }
        out.append("<h3>")
                .append(
                        escape(
                                messages.getMessage(
                                        "profile.reports",
                                        new Object[] {line.directReports().size()},
                                        l)))
                .append("</h3>");
        if (line.directReports().isEmpty()) {
            out.append("<p>").append(word("profile.no-reports", l)).append("</p>");
        } else {
            out.append("<ul class=\"reports\">");
            line.directReports().forEach(r -> person(out, r, context));
            out.append("</ul>");
        }
        out.append("</section>");
    }

    /** A linked name and its title, as the chain and the direct reports list them. */
    private static void person(StringBuilder out, PersonSummary p, String context) {
        out.append("<li><a href=\"")
                .append(context)
                .append("/people/")
                .append(p.id().value())
                .append("\">")
                .append(escape(p.name()))
                .append("</a> <span class=\"muted\">")
                .append(escape(p.title()))
                .append("</span></li>");
    }

    private static String orNone(String text) {
        return text == null ? NONE : escape(text);
    }

    private String word(String code, Locale locale) {
        return words.get(code, locale);
    }

    private static String escape(String text) {
        return RowHtml.escape(text);
    }
}
