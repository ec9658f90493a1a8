package io.tandem.identity;

import io.tandem.web.LayoutPart;
import io.tandem.web.RowHtml;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What the layout's navigation needs to know about the caller, decided once per page, and the
 * navigation's fixed links. The layout used to ask Spring Security's dialect ({@code
 * sec:authorize}) for each of its ~20 links (11 % of a page's CPU under load, issue 17); it now
 * reads these plain booleans, as {@code ${@navigation.current()}}, once.
 *
 * <p>The links that say the same to everyone with the same roles (a path and a text from {@code
 * messages.properties}, drawn twice: wide bar and phone menu) are written once per locale and role
 * set and reused as HTML ({@link #links}); nothing a user typed is ever part of them. The links
 * that carry a count or a form token are added per request ({@link #bar}).
 */
@Component("navigation")
public class Navigation implements LayoutPart {

    /** The caller as the navigation sees it. */
    public record Facts(boolean signedIn, boolean admin, boolean managesPrograms) {

        static final Facts NOBODY = new Facts(false, false, false);
    }

    /** A fixed link: shown to callers whose facts pass {@code shown}. */
    private record Link(String path, String code, Predicate<Facts> shown) {}

    private static final Predicate<Facts> EVERYONE = facts -> true;
    private static final Predicate<Facts> MANAGERS = Facts::managesPrograms;
    private static final Predicate<Facts> ADMINS = Facts::admin;

    /** The fixed links in the order the layout shows them, between the links it renders itself. */
    private static final Map<String, List<Link>> GROUPS =
            Map.of(
                    "pages",
                    List.of(
                            new Link("/programs", "nav.programs", EVERYONE),
                            new Link("/mentorships", "nav.mentorships", EVERYONE),
                            new Link("/requests", "nav.requests", EVERYONE),
                            new Link("/people", "nav.directory", EVERYONE),
                            new Link("/people/import", "nav.import", MANAGERS),
                            new Link("/admin/tokens", "nav.tokens", ADMINS),
                            new Link("/messaging/reports", "nav.reports", MANAGERS),
                            new Link("/admin/sso", "nav.sso", ADMINS),
                            new Link("/admin/video", "meetings.video.link", ADMINS),
                            new Link("/admin/outbox", "outbox.nav", ADMINS)),
                    "oversight",
                    List.of(
                            new Link("/engagement", "nav.engagement", ADMINS),
                            new Link("/admin/audit", "audit.nav", ADMINS),
                            new Link("/admin/retention", "trust.retention.nav", ADMINS)),
                    "own",
                    List.of(
                            new Link("/profile", "nav.profile", EVERYONE),
                            new Link("/settings/notifications", "nav.preferences", EVERYONE)));

    /** Few keys in practice (locales × role sets); emptied rather than grown past this. */
    private static final int MAX_CACHED = 256;

    private record Key(String group, Locale locale, Facts facts, String contextPath) {}

    /**
     * Counts up to this are kept written per link and locale; larger ones are written each time.
     */
    private static final int COUNTS_KEPT = 99;

    private record Counted(String code, long count, Locale locale) {}

    private final Map<Counted, String> countedTexts = new ConcurrentHashMap<>();

    private final MessageSource messages;
    private final Map<Key, String> written = new ConcurrentHashMap<>();

    public Navigation(MessageSource messages) {
        this.messages = messages;
    }

    public Facts current() {
        TandemUser user = CurrentUserModel.current();
        return user == null
                ? Facts.NOBODY
                : new Facts(true, user.isAdmin(), user.managesPrograms());
    }

    /** The fixed links for these facts, a group at a time, as the layout places them. */
    public record Links(String pages, String oversight, String own) {}

    /**
     * The fixed links for these facts in the request's locale, as {@code <li>} elements: HTML made
     * only of fixed paths and of texts from {@code messages.properties}, escaped.
     */
    public Links links(Facts facts) {
        return new Links(group(facts, "pages"), group(facts, "oversight"), group(facts, "own"));
    }

    /**
     * The navigation's list as the wide bar shows it and as the phone menu does: the same links.
     */
    public record Bar(String wide, String phone) {}

    /**
     * The whole navigation list for this caller and request, written here rather than by the
     * template (a page's layout evaluated two fragments of about a dozen expressions each on every
     * request, issue 17): the fixed links of {@link #links}, the messages link with its unread
     * count (only for someone with a profile: {@code unreadMessages} not null), the notifications
     * link with its count, and the sign-out form with the request's CSRF token. Every text is from
     * {@code messages.properties} or a number, and escaped with the paths and the token.
     */
    public Bar bar(Facts facts, Long unreadMessages, Long unreadNotifications, CsrfToken csrf) {
        Links links = links(facts);
        Locale locale = LocaleContextHolder.getLocale();
        String context = RowHtml.contextPath();
        StringBuilder items = new StringBuilder(links.pages());
        if (unreadMessages != null) {
            items.append("<li><a href=\"")
                    .append(HtmlUtils.htmlEscape(context + "/conversations"))
                    .append("\"><span sse-swap=\"unread\">")
                    .append(counted("nav.messages", unreadMessages, locale))
                    .append("</span></a></li>");
        }
        items.append(links.oversight())
                .append("<li><a href=\"")
                .append(HtmlUtils.htmlEscape(context + "/notifications"))
                .append("\">")
                .append(counted("nav.notifications", unreadNotifications, locale))
                .append("</a></li>")
                .append(links.own())
                .append("<li><form action=\"")
                .append(HtmlUtils.htmlEscape(context + "/logout"))
                .append("\" method=\"post\" class=\"inline\">");
        if (csrf != null) {
            items.append("<input type=\"hidden\" name=\"")
                    .append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                    .append("\" value=\"")
                    .append(HtmlUtils.htmlEscape(csrf.getToken()))
                    .append("\"/>");
        }
        items.append("<button type=\"submit\" class=\"link\">")
                .append(HtmlUtils.htmlEscape(messages.getMessage("nav.logout", null, locale)))
                .append("</button></form></li></ul>");
        return new Bar("<ul class=\"nav-wide\">" + items, "<ul class=\"nav-list\">" + items);
    }

    /**
     * The header for the page's figures, read by then ({@code unreadMessages} and {@code
     * unreadNotifications}, null when not counted).
     */
    @Override
    public void addTo(Map<String, Object> model, HttpServletRequest request) {
        model.put(
                HEADER_VARIABLE,
                header(
                        count(model.get("unreadMessages")),
                        count(model.get("unreadNotifications")),
                        (CsrfToken) request.getAttribute(CsrfToken.class.getName())));
    }

    /** A figure as read, or null where it was not (left out, or not read yet). */
    private static Long count(Object figure) {
        return figure instanceof Long n ? n : null;
    }

    /**
     * The layout's whole {@code <header>}: the brand link, and for someone signed in the navigation
     * list of {@link #bar} twice (wide bar and phone menu), with the unread stream's attributes
     * when the person has a profile ({@code unreadMessages} not null). One expression in the layout
     * instead of about ten on every page (issue 17); texts from {@code messages.properties},
     * escaped.
     */
    public String header(Long unreadMessages, Long unreadNotifications, CsrfToken csrf) {
        Locale locale = LocaleContextHolder.getLocale();
        String context = RowHtml.contextPath();
        StringBuilder html = new StringBuilder("<header class=\"site-header\"");
        if (unreadMessages != null) {
            html.append(" hx-ext=\"sse\" sse-connect=\"")
                    .append(HtmlUtils.htmlEscape(context + "/messages/unread/stream"))
                    .append('"');
        }
        html.append(">\n  <nav class=\"container nav\" aria-label=\"")
                .append(text("layout.nav", locale))
                .append("\">\n    <a class=\"brand\" href=\"")
                .append(HtmlUtils.htmlEscape(context + "/"))
                .append("\">")
                .append(text("app.name", locale))
                .append("</a>\n    ");
        Facts facts = current();
        if (facts.signedIn()) {
            Bar bar = bar(facts, unreadMessages, unreadNotifications, csrf);
            html.append(bar.wide())
                    .append("\n    <details class=\"nav-phone\">\n      <summary>")
                    .append(text("nav.menu", locale))
                    .append("</summary>\n      ")
                    .append(bar.phone())
                    .append("\n    </details>");
        }
        return html.append("\n  </nav>\n</header>").toString();
    }

    private String text(String code, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(code, null, locale));
    }

    /**
     * "Messages" or "Messages (3 new)": a counted link's text, escaped; also what the unread stream
     * sends when the count moves.
     */
    public String counted(String code, Long count, Locale locale) {
        long n = count == null || count < 0 ? 0 : count;
        if (n > COUNTS_KEPT) {
            return countedText(code, n, locale);
        }
        // Formatting a count builds a number format each time, on every page's two links.
        Counted key = new Counted(code, n, locale);
        String text = countedTexts.get(key);
        if (text == null) {
            if (countedTexts.size() >= MAX_CACHED) {
                countedTexts.clear();
            }
            text = countedText(code, n, locale);
            countedTexts.put(key, text);
        }
        return text;
    }

    private String countedText(String code, long count, Locale locale) {
        return HtmlUtils.htmlEscape(
                count > 0
                        ? messages.getMessage(code + ".unread", new Object[] {count}, locale)
                        : messages.getMessage(code, null, locale));
    }

    private String group(Facts facts, String group) {
        Key key = new Key(group, LocaleContextHolder.getLocale(), facts, RowHtml.contextPath());
        String html = written.get(key);
        if (html == null) {
            if (written.size() >= MAX_CACHED) {
                written.clear();
            }
            html = write(GROUPS.get(group), key);
            written.put(key, html);
        }
        return html;
    }

    private String write(List<Link> links, Key key) {
        StringBuilder html = new StringBuilder();
        for (Link link : links) {
            if (link.shown().test(key.facts())) {
                html.append("<li><a href=\"")
                        .append(HtmlUtils.htmlEscape(key.contextPath() + link.path()))
                        .append("\">")
                        .append(
                                HtmlUtils.htmlEscape(
                                        messages.getMessage(link.code(), null, key.locale())))
                        .append("</a></li>");
            }
        }
        return html.toString();
    }
}
