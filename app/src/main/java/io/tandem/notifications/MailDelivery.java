package io.tandem.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends the outbox over SMTP. Each mail is claimed with a conditional update that only one poll can
 * win, and is sent after that claim has committed, so two instances never send the same mail. A
 * claim that never finishes (the instance died mid-send) is retried after the claim timeout, so
 * such a mail may, rarely, arrive twice — never not at all.
 *
 * <p>Without {@code spring.mail.host} nothing is sent and mail stays {@link MailStatus#PENDING} in
 * the outbox page, to be delivered once SMTP is configured.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int MAX_ERROR = 1000;

    private final OutboxMails mails;
    private final OutboxProperties properties;
    private final JavaMailSender sender;

    private final Clock clock;

    MailDelivery(
            OutboxMails mails,
            OutboxProperties properties,
            ObjectProvider<JavaMailSender> senders,
            ObjectProvider<MailProperties> mail,
            Clock clock) {
        this.clock = clock;
        this.mails = mails;
        this.properties = properties;
        // Boot creates a sender even for a blank spring.mail.host; a blank host means "no SMTP".
        MailProperties smtp = mail.getIfAvailable();
        this.sender =
                smtp != null && StringUtils.hasText(smtp.getHost())
                        ? senders.getIfAvailable()
                        : null;
        if (sender == null) {
            log.info("No SMTP server configured (spring.mail.host): mail stays in the outbox");
        }
    }

    boolean smtpConfigured() {
        return sender != null;
    }

    @Scheduled(
            fixedDelayString = "${tandem.mail.poll:PT5S}",
            initialDelayString = "${tandem.mail.poll:PT5S}")
    void poll() {
        try {
            deliverPending();
        } catch (RuntimeException e) {
            // The next poll tries again; the database may just be restarting.
            log.warn("Mail delivery pass failed: {}", e.toString());
        }
    }

    /** One delivery pass: claims and sends up to a batch of due mails. Returns how many it sent. */
    int deliverPending() {
        if (sender == null) {
            return 0;
        }
        Instant now = now();
        int reclaimed =
                mails.reclaim(
                        now.minus(properties.claimTimeout()),
                        properties.maxAttempts(),
                        "Delivery did not finish within " + properties.claimTimeout());
        if (reclaimed > 0) {
            log.warn("Took back {} mail(s) whose delivery did not finish", reclaimed);
        }
        int sent = 0;
        for (UUID id : mails.due(now, properties.batchSize())) {
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends this mail if it is due and this call wins the claim; true if it was sent now. */
    boolean deliver(UUID id) {
        if (sender == null) {
            return false;
        }
        var claimed = mails.claim(id, now());
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxMails.Claimed mail = claimed.get();
        try {
            if (mail.calendar() == null && mail.unsubscribeUrl() == null) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.from());
                message.setTo(mail.recipient());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                sender.send(message);
            } else {
                sender.send(mime(mail));
            }
        } catch (MailException | IllegalArgumentException | MessagingException e) {
            boolean giveUp = mail.attempts() >= properties.maxAttempts();
            Instant retryAt = now().plus(properties.retryDelay().multipliedBy(mail.attempts()));
            String error = error(e);
            mails.markFailed(mail, error, giveUp, retryAt);
            log.warn(
                    "Mail {} not delivered (attempt {} of {}): {}",
                    mail.id(),
                    mail.attempts(),
                    properties.maxAttempts(),
                    error);
            return false;
        }
        mails.markSent(mail, now());
        return true;
    }

    /**
     * The mail as MIME: the unsubscribe headers when it has a link, and the text and the calendar
     * as alternatives of one message (iMIP, RFC 6047) when it has an invitation: clients that
     * understand the calendar part show the invitation, the others the text.
     */
    private MimeMessage mime(OutboxMails.Claimed mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipient(
                jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        if (mail.unsubscribeUrl() != null) {
            // RFC 8058: mail clients offer a one-click unsubscribe that POSTs here.
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (mail.calendar() == null) {
            message.setText(mail.body(), "UTF-8");
            message.saveChanges();
            return message;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.body(), "UTF-8");
        MimeBodyPart calendar = new MimeBodyPart();
        String type = "text/calendar; method=" + mail.calendar().method() + "; charset=UTF-8";
        calendar.setContent(mail.calendar().content(), type);
        calendar.setHeader("Content-Type", type);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(calendar);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    private static String error(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cause != e && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text = text + ": " + cause.getMessage();
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    // Millisecond precision, so the claim time reads back equal on every database.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
