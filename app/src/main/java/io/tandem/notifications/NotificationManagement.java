package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.LayoutCount;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The notifications module's API: queue mail with a business change, read the outbox. */
@Service
public class NotificationManagement {

    static final int MAX_RECIPIENT = 320;
    static final int MAX_SUBJECT = 500;

    private final OutboxMails mails;
    private final MailDelivery delivery;

    private final Inbox inbox;
    private final Preferences preferences;
    private final Links links;
    private final NotificationDigests digests;

    private final Clock clock;

    NotificationManagement(
            OutboxMails mails,
            MailDelivery delivery,
            Inbox inbox,
            Preferences preferences,
            Links links,
            NotificationDigests digests,
            Clock clock) {
        this.clock = clock;
        this.mails = mails;
        this.delivery = delivery;
        this.inbox = inbox;
        this.preferences = preferences;
        this.links = links;
        this.digests = digests;
    }

    /**
     * An absolute link to a page, for a mail: the address people reach Tandem at ({@code
     * tandem.base-url}) and the path.
     */
    public String link(String path) {
        return links.to(path);
    }

    // --- preferences: other modules ask before they mail ---

    /** How the person wants this kind of notification (e-mail now unless they chose otherwise). */
    @Transactional(readOnly = true)
    public Delivery delivery(OrganisationId organisation, String email, NotificationKind kind) {
        return preferences.of(organisation, email).get(kind);
    }

    /** Every kind with the person's choice. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Delivery> preferences(OrganisationId organisation, String email) {
        return preferences.of(organisation, email);
    }

    @Transactional
    public void choose(
            OrganisationId organisation, String email, NotificationKind kind, Delivery choice) {
        preferences.set(organisation, email, kind, choice);
    }

    /**
     * The one-click address where the person changes their choices without signing in; every mail
     * should carry it. Its secret is the person's own, made on first use.
     */
    @Transactional
    public String preferencesLink(OrganisationId organisation, String email) {
        return links.to("/notifications/preferences/" + preferences.token(organisation, email));
    }

    /**
     * Makes these people's link secrets, in one order (by address). A listener that mails both
     * people of a pair calls this first: two such mails written at once then wait for each other's
     * new rows in the same order instead of deadlocking.
     */
    @Transactional
    public void prepareLinks(OrganisationId organisation, java.util.Collection<String> emails) {
        emails.stream()
                .filter(java.util.Objects::nonNull)
                .map(e -> e.trim().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .sorted()
                .forEach(e -> preferences.token(organisation, e));
    }

    /** The one-click address that turns a kind to "in the app only" (RFC 8058 POST target). */
    @Transactional
    public String unsubscribeLink(
            OrganisationId organisation, String email, NotificationKind kind) {
        return unsubscribeLink(preferences.token(organisation, email), kind);
    }

    private String unsubscribeLink(String token, NotificationKind kind) {
        return links.to("/notifications/preferences/" + token + "/unsubscribe?kind=" + kind.name());
    }

    /** Whose link this is; empty for a secret nobody has. */
    @Transactional(readOnly = true)
    public Optional<Recipient> recipient(String token) {
        return token == null || token.length() > 64
                ? Optional.empty()
                : preferences.byToken(token).map(s -> new Recipient(s.organisation(), s.email()));
    }

    /** The person a one-click link belongs to. */
    public record Recipient(OrganisationId organisation, String email) {}

    /**
     * Queues a mail once per {@code key} with RFC 8058 {@code List-Unsubscribe} headers pointing at
     * {@code unsubscribeUrl}.
     */
    @Transactional
    public boolean queueUnsubscribableMail(
            OrganisationId organisation,
            String key,
            String to,
            String subject,
            String text,
            String unsubscribeUrl) {
        return queue(organisation, key, to, subject, text, null, unsubscribeUrl);
    }

    /**
     * Queues a mail of a kind the person may switch off, as they chose: by e-mail now (with RFC
     * 8058 headers that turn the kind to "in the app only"), held for their daily digest, or not at
     * all when they want it in the app only (the caller puts it in their inbox). Security and
     * account mails do not go through here: nobody may switch those off.
     *
     * @param calendar the calendar part, or {@code null}; a digest carries the text only
     * @return whether a mail was queued or held now
     */
    @Transactional
    public boolean queueMail(
            OrganisationId organisation,
            NotificationKind kind,
            String key,
            String to,
            String subject,
            String text,
            CalendarPart calendar) {
        String recipient = address(to);
        return switch (preferences.of(organisation, recipient).get(kind)) {
            case IN_APP -> false;
            case DAILY_DIGEST ->
                    digests.hold(
                            organisation,
                            key,
                            kind,
                            recipient,
                            subject.strip().replaceAll("\\s*\\R\\s*", " "),
                            text);
            case EMAIL_NOW ->
                    queue(
                            organisation,
                            key,
                            recipient,
                            subject,
                            text,
                            calendar,
                            unsubscribeLink(organisation, recipient, kind));
        };
    }

    /**
     * Queues a plain-text mail in the caller's transaction: it is sent only if that transaction
     * commits, and then exactly once, shortly after.
     *
     * @throws IllegalArgumentException when {@code to} is not one e-mail address, or the subject is
     *     longer than 500 characters
     */
    @Transactional
    public void queueMail(OrganisationId organisation, String to, String subject, String text) {
        queueMail(organisation, null, to, subject, text);
    }

    /**
     * Queues a mail once per {@code key}: a second call with the same key (the same event handled
     * again, by a resubmission or another instance) writes nothing.
     *
     * @param key names the event and the recipient, at most 200 characters; {@code null} for none
     * @return whether the mail was queued now
     */
    @Transactional
    public boolean queueMail(
            OrganisationId organisation, String key, String to, String subject, String text) {
        return queueMail(organisation, key, to, subject, text, null);
    }

    /**
     * Queues a mail once per {@code key} with an iCalendar invitation, update or cancellation as
     * its {@code text/calendar} alternative.
     *
     * @param calendar the calendar part, or {@code null} for a plain-text mail
     * @return whether the mail was queued now
     */
    @Transactional
    public boolean queueMail(
            OrganisationId organisation,
            String key,
            String to,
            String subject,
            String text,
            CalendarPart calendar) {
        return queue(organisation, key, to, subject, text, calendar, null);
    }

    /**
     * One person's notice of a batch: the inbox item and the mail of a kind they may switch off,
     * under one key (the event and the recipient).
     */
    record Notice(
            String key, String email, String inboxText, String link, String subject, String text) {}

    /**
     * What {@link #notify(OrganisationId, String, String, String, String)} and {@link
     * #queueMail(OrganisationId, NotificationKind, String, String, String, String, CalendarPart)}
     * do for each notice, each person's choice followed and nothing twice per key, with the
     * people's choices and link secrets read once per batch and the rows inserted in batches: a
     * publish tells thousands of people at once.
     */
    @Transactional
    void tellAll(OrganisationId organisation, NotificationKind kind, List<Notice> notices) {
        if (organisation == null) {
            throw new IllegalArgumentException("organisation is required");
        }
        List<String> recipients = notices.stream().map(n -> address(n.email())).toList();
        Map<String, Map<NotificationKind, Delivery>> chosen =
                preferences.of(organisation, recipients);
        // Made for everyone, in address order, as prepareLinks makes them.
        Map<String, String> tokens = preferences.tokens(organisation, recipients);
        List<Inbox.Item> items = new ArrayList<>();
        List<OutboxMails.NewMail> mails = new ArrayList<>();
        for (int n = 0; n < notices.size(); n++) {
            Notice notice = notices.get(n);
            String recipient = recipients.get(n);
            String subject = oneLine(notice.subject());
            items.add(
                    new Inbox.Item(
                            notice.key(), notice.email(), notice.inboxText(), notice.link()));
            switch (chosen.get(Preferences.key(recipient)).get(kind)) {
                case IN_APP -> {}
                case DAILY_DIGEST ->
                        digests.hold(
                                organisation,
                                notice.key(),
                                kind,
                                recipient,
                                subject,
                                notice.text());
                case EMAIL_NOW ->
                        mails.add(
                                new OutboxMails.NewMail(
                                        notice.key(),
                                        recipient,
                                        subject,
                                        notice.text(),
                                        unsubscribeLink(
                                                tokens.get(Preferences.key(recipient)), kind)));
            }
        }
        for (int from = 0; from < notices.size(); from += Preferences.BATCH) {
            int to = Math.min(notices.size(), from + Preferences.BATCH);
            inbox.addAll(organisation, items.subList(from, to));
        }
        for (int from = 0; from < mails.size(); from += Preferences.BATCH) {
            int to = Math.min(mails.size(), from + Preferences.BATCH);
            this.mails.insertAll(organisation, mails.subList(from, to), clock.instant());
        }
    }

    private boolean queue(
            OrganisationId organisation,
            String key,
            String to,
            String subject,
            String text,
            CalendarPart calendar,
            String unsubscribeUrl) {
        if (organisation == null || subject == null || text == null) {
            throw new IllegalArgumentException("organisation, subject and text are required");
        }
        String recipient = address(to);
        String oneLine = oneLine(subject);
        return mails.insert(
                UUID.randomUUID(),
                organisation,
                key,
                recipient,
                oneLine,
                text,
                calendar,
                clock.instant(),
                unsubscribeUrl);
    }

    /** A line break in a subject would end the header; mail clients show one line anyway. */
    private static String oneLine(String subject) {
        if (subject == null) {
            throw new IllegalArgumentException("subject is required");
        }
        String oneLine = subject.strip().replaceAll("\\s*\\R\\s*", " ");
        if (oneLine.isEmpty() || oneLine.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException(
                    "subject must be 1 to " + MAX_SUBJECT + " characters long");
        }
        return oneLine;
    }

    /** The organisation's mail, newest first. */
    @Transactional(readOnly = true)
    public Paged<OutboxMailView> outbox(OrganisationId organisation, PageQuery page) {
        return Paged.of(mails.page(organisation, page), page, mails.count(organisation))
                .map(AccountMails::redact);
    }

    /** Puts a notification in the person's in-app inbox, in the caller's transaction. */
    @Transactional
    public void notify(OrganisationId organisation, String email, String text, String link) {
        inbox.add(organisation, null, email, text, link);
    }

    /**
     * Puts a notification in the inbox once per {@code key} (see {@link #queueMail(OrganisationId,
     * String, String, String, String)}).
     *
     * @return whether it was added now
     */
    @Transactional
    public boolean notify(
            OrganisationId organisation, String key, String email, String text, String link) {
        return inbox.add(organisation, key, email, text, link);
    }

    /** The newest page of the person's inbox. */
    @Transactional(readOnly = true)
    public List<InboxItemView> inbox(OrganisationId organisation, String email) {
        return inbox(organisation, email, PageQuery.of(0, PageQuery.DEFAULT_SIZE)).items();
    }

    /** One page of the person's notifications, newest first. */
    @Transactional(readOnly = true)
    public Paged<InboxItemView> inbox(OrganisationId organisation, String email, PageQuery page) {
        return Paged.of(
                inbox.latest(organisation, email, page.offset(), page.size()),
                page,
                inbox.count(organisation, email));
    }

    /**
     * Unread inbox items, for the layout on every page: one read, so no transaction of its own (on
     * PostgreSQL a COMMIT round trip a page).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long unread(OrganisationId organisation, String email) {
        return inbox.unread(organisation, email);
    }

    /** The unread count for every page's navigation, read with the page's other counts. */
    public LayoutCount unreadCount(OrganisationId organisation, String email) {
        return inbox.unreadCount(organisation, email);
    }

    @Transactional
    public void markRead(OrganisationId organisation, String email) {
        inbox.markRead(organisation, email);
    }

    /** Whether mail leaves this instance over SMTP, or only waits in the outbox. */
    public boolean deliversMail() {
        return delivery.smtpConfigured();
    }

    private static String address(String to) {
        String trimmed = to == null ? "" : to.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_RECIPIENT) {
            throw new IllegalArgumentException("not an e-mail address: " + to);
        }
        try {
            new InternetAddress(trimmed, true).validate();
            return trimmed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + to, e);
        }
    }
}
