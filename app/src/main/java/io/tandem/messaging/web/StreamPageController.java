package io.tandem.messaging.web;

import io.tandem.identity.Navigation;
import io.tandem.identity.TandemUser;
import io.tandem.messaging.MessageSink;
import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingManagement;
import io.tandem.messaging.MessagingProperties;
import io.tandem.messaging.UnreadSink;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.NotFound;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The page's live streams ({@code text/event-stream}): a conversation's messages as HTML rows for
 * the htmx SSE extension, and the navigation's unread count. Each event's id is the conversation's
 * event number, so a browser that reconnects with {@code Last-Event-ID} gets what it missed, once
 * each.
 */
@Controller
class StreamPageController {

    private final MessagingManagement messaging;
    private final PeopleManagement people;
    private final MessageRows rows;
    private final Navigation navigation;
    private final MessagingProperties properties;

    StreamPageController(
            MessagingManagement messaging,
            PeopleManagement people,
            MessageRows rows,
            Navigation navigation,
            MessagingProperties properties) {
        this.messaging = messaging;
        this.people = people;
        this.rows = rows;
        this.navigation = navigation;
        this.properties = properties;
    }

    @GetMapping(path = "/conversations/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter conversation(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long after,
            @RequestParam(name = "lastEventId", required = false) String resumeAt,
            CsrfToken csrf,
            Locale locale)
            throws IOException {
        PersonId me = me(profile);
        var conversation = messaging.conversation(user.organisationId(), id, me);
        long from =
                SseStreams.resumeFrom(
                        lastEventId != null ? lastEventId : resumeAt,
                        after,
                        conversation.lastEventSeq());
        Map<PersonId, String> names = new ConcurrentHashMap<>();
        people.findAll(user.organisationId(), conversation.members())
                .forEach((p, s) -> names.put(p, s.name()));
        ZoneId zone =
                ConversationPageController.zone(
                        people.find(user.organisationId(), me).orElse(null));
        SseEmitter emitter =
                SseStreams.opened(new SseEmitter(properties.streamTimeout().toMillis()));
        // The token is read here, on the request's thread: rows are written on other threads later.
        CsrfToken token =
                csrf == null
                        ? null
                        : new DefaultCsrfToken(
                                csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken());
        RowSink sink = new RowSink(emitter, me, names, zone, from, token, locale);
        return SseStreams.open(
                emitter, messaging.subscribe(user.organisationId(), id, me, from, sink));
    }

    /**
     * Sends each message as the page's row for this viewer: rows the page shows already are
     * replaced (edits, deletions), later ones are appended.
     */
    private final class RowSink extends SseStreams.EmitterSink implements MessageSink {
        private final SseEmitter emitter;
        private final PersonId me;
        private final Map<PersonId, String> names;
        private final ZoneId zone;
        private final CsrfToken csrf;
        private final Locale locale;
        private long known;

        RowSink(
                SseEmitter emitter,
                PersonId me,
                Map<PersonId, String> names,
                ZoneId zone,
                long from,
                CsrfToken csrf,
                Locale locale) {
            super(emitter);
            this.emitter = emitter;
            this.me = me;
            this.names = names;
            this.zone = zone;
            this.known = from;
            this.csrf = csrf;
            this.locale = locale;
        }

        @Override
        public void send(MessageView m) throws IOException {
            boolean replace = m.seq() <= known;
            known = Math.max(known, m.seq());
            MessageRow row =
                    MessageRow.of(
                            m,
                            names.getOrDefault(m.authorId(), "?"),
                            m.authorId().equals(me),
                            messaging.editable(m, me),
                            zone,
                            replace);
            emitter.send(
                    SseEmitter.event()
                            .id(Long.toString(m.eventSeq()))
                            .name("message")
                            .data(rows.streamed(row, locale, csrf)));
        }
    }

    @GetMapping(path = "/messages/unread/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter unread(
            TandemUser user, @CurrentPerson Optional<PersonSummary> profile, Locale locale)
            throws IOException {
        PersonId me = me(profile);
        SseEmitter emitter =
                SseStreams.opened(new SseEmitter(properties.streamTimeout().toMillis()));
        UnreadSink sink =
                SseStreams.unread(
                        emitter,
                        total ->
                                emitter.send(
                                        SseEmitter.event()
                                                .name("unread")
                                                .data(
                                                        navigation.counted(
                                                                "nav.messages", total, locale))));
        return SseStreams.open(emitter, messaging.subscribeUnread(user.organisationId(), me, sink));
    }

    private static PersonId me(Optional<PersonSummary> profile) {
        return profile.map(PersonSummary::id)
                .orElseThrow(() -> new NotFound("messaging.conversation.not-found"));
    }
}
