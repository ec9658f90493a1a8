package io.tandem.notifications;

import io.tandem.identity.AccountLinkRequested;
import io.tandem.identity.IdentityManagement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
