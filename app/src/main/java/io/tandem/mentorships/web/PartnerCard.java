package io.tandem.mentorships.web;

import io.tandem.mentorships.WorkspaceView;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkingHours;
import io.tandem.web.RowHtml;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * What the partner card shows beyond the profile: initials, the partner's local time now, and how
 * many working hours a week the two share, each counted in their own zone from their own hours.
 */
record PartnerCard(String initials, String localTime, String zone, double sharedHours) {

    /** The partner's local time; parsed once, not on every view. */
    private static final DateTimeFormatter NOW =
            DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    static PartnerCard of(
            PersonSummary partner,
            PersonSummary self,
            LocalDate today,
            WorkingHours partnerHours,
            WorkingHours selfHours) {
        ZoneId theirs = zone(partner.timeZone());
        ZoneId mine = self == null ? theirs : zone(self.timeZone());
        String initials =
                (first(partner.firstName()) + first(partner.lastName())).toUpperCase(Locale.ROOT);
        String now = ZonedDateTime.now(theirs).format(NOW);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new PartnerCard(
                initials,
                now,
                theirs.getId(),
                WorkingHours.sharedHoursPerWeek(
                        partnerHours,
                        theirs,
                        selfHours == null ? partnerHours : selfHours,
                        mine,
                        monday));
    }

    /**
     * The card as the page shows it ({@code <aside class="card partner">}), written here rather
     * than by the template: about twenty-five expressions (labels, facts, links) on every view of
     * the workspace (issue 17). Every text is escaped; {@code here} is the workspace's address.
     */
    String html(
            PersonSummary partner,
            WorkspaceView w,
            String here,
            String context,
            MessageSourceAccessor messages) {
        StringBuilder out =
                new StringBuilder(
                                "<aside class=\"card partner\" aria-labelledby=\"partner-heading\">\n"
                                        + "  <div class=\"partner-head\">\n"
                                        + "    <span class=\"initials\" aria-hidden=\"true\">")
                        .append(RowHtml.escape(initials))
                        .append("</span>\n    <h2 id=\"partner-heading\"><a href=\"")
                        .append(RowHtml.escape(context + "/people/" + partner.id()))
                        .append("\">")
                        .append(RowHtml.escape(partner.name()))
                        .append("</a></h2>\n  </div>\n  <dl class=\"facts\">");
        String languages =
                partner.languages() == null ? null : String.join(", ", partner.languages());
        fact(out, messages, "workspace.partner.title", orDash(partner.title()));
        fact(out, messages, "workspace.partner.division", orDash(partner.division()));
        fact(out, messages, "workspace.partner.location", orDash(partner.location()));
        fact(out, messages, "workspace.partner.languages", languages);
        fact(
                out,
                messages,
                "workspace.partner.time",
                messages.getMessage(
                        "workspace.partner.time.value", new Object[] {localTime, zone}));
        fact(
                out,
                messages,
                "workspace.partner.shared",
                messages.getMessage(
                        "workspace.partner.shared.value",
                        new Object[] {
                            oneDecimal(
                                    sharedHours,
                                    org.springframework.context.i18n.LocaleContextHolder
                                            .getLocale())
                        }));
        out.append("\n  </dl>\n  <p class=\"hint\">")
                .append(RowHtml.escape(messages.getMessage("workspace.partner.hours-note")))
                .append("</p>");
        if (w.active()) {
            link(out, "", here + "/end", messages.getMessage("workspace.end.action"));
        }
        if (!w.active() && !w.surveyAnswered()) {
            link(
                    out,
                    " class=\"button\"",
                    here + "/survey",
                    messages.getMessage("workspace.survey.action"));
        }
        if (w.surveyAnswered()) {
            out.append("\n  <p class=\"muted\">")
                    .append(RowHtml.escape(messages.getMessage("workspace.survey.done")))
                    .append("</p>");
        }
        return out.append("\n</aside>").toString();
    }

    private static void fact(
            StringBuilder out, MessageSourceAccessor messages, String label, String value) {
        out.append("\n    <dt>")
                .append(RowHtml.escape(messages.getMessage(label)))
                .append("</dt><dd>")
                .append(RowHtml.escape(value))
                .append("</dd>");
    }

    private static void link(StringBuilder out, String attributes, String href, String text) {
        out.append("\n  <p><a")
                .append(attributes)
                .append(" href=\"")
                .append(RowHtml.escape(href))
                .append("\">")
                .append(RowHtml.escape(text))
                .append("</a></p>");
    }

    /**
     * The hours (never negative) with one decimal in the locale's digits and separator, as {@code
     * #numbers.formatDecimal(hours, 1, 1)} wrote them (half-even on the double's exact value),
     * without building a number format on every view: that was half the card's cost (issue 17).
     */
    static String oneDecimal(double hours, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        String plain = new BigDecimal(hours).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            out.append(
                    c == '.'
                            ? symbols.getDecimalSeparator()
                            : (char) (symbols.getZeroDigit() + (c - '0')));
        }
        return out.toString();
    }

    private static String orDash(String value) {
        return value != null ? value : "\u2014";
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String first(String name) {
        return name == null || name.isBlank() ? "" : name.substring(0, 1);
    }
}
