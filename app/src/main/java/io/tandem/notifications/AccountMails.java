package io.tandem.notifications;

import io.tandem.identity.AccountLinkRequested;
import io.tandem.identity.IdentityManagement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the one-time links that let people in: an activation to set a first password, a reset to
 * set a new one. The link is issued here, in the same transaction as the mail, so its secret lives
 * only in the mail; a replayed event issues nothing twice.
 */
@Component
class AccountMails {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IdentityManagement identity;
    private final NotificationManagement notifications;
    private final MessageSourceAccessor messages;
    private final Links links;

    AccountMails(
            IdentityManagement identity,
            NotificationManagement notifications,
            MessageSource messageSource,
            Links links) {
        this.identity = identity;
        this.notifications = notifications;
        this.messages = new MessageSourceAccessor(messageSource);
        this.links = links;
    }

    private static final Pattern RESET = Pattern.compile("(/account/reset\\?token=)\\S+");
    private static final Pattern ACTIVATION = Pattern.compile("(/account/activate\\?token=)\\S+");

    /**
     * The mail as admins may read it in the outbox: a reset link never (whoever reads it could take
     * the account over; its owner asked for it and gets it by mail), an activation link only until
     * the mail has gone out, since without SMTP the outbox is how it reaches the person.
     */
    static OutboxMailView redact(OutboxMailView mail) {
        String text = RESET.matcher(mail.text()).replaceAll("$1…");
        if (mail.status() == MailStatus.SENT) {
            text = ACTIVATION.matcher(text).replaceAll("$1…");
        }
        return text.equals(mail.text())
                ? mail
                : new OutboxMailView(
                        mail.id(),
                        mail.recipient(),
                        mail.subject(),
                        text,
                        mail.status(),
                        mail.createdAt(),
                        mail.sentAt(),
                        mail.error());
    }

    @ApplicationModuleListener
    void on(AccountLinkRequested requested) {
        identity.issueLink(requested)
                .ifPresent(
                        link -> {
                            String kind = "mail.account." + link.purpose().name().toLowerCase();
                            notifications.queueMail(
                                    requested.organisationId(),
                                    link.email(),
                                    messages.getMessage(
                                            kind + ".subject",
                                            new Object[] {
                                                identity.organisationName(
                                                        requested.organisationId())
                                            }),
                                    messages.getMessage(
                                            kind + ".text",
                                            new Object[] {
                                                link.displayName(),
                                                links.to(link.path()),
                                                WHEN.format(link.expiresAt()),
                                                link.email()
                                            }));
                        });
    }
}
