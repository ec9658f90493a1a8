package io.tandem.messaging.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.tandem.identity.TandemUser;
import io.tandem.messaging.MessageSink;
import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingManagement;
import io.tandem.messaging.MessagingProperties;
import io.tandem.messaging.web.SseStreams;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A conversation's messages for the people in it. Messages are pair content: API tokens, program
 * managers and admins who are not in the conversation get 404, like a stranger.
 */
@RestController
class ConversationRestController {

    /** A message in the API: the text is absent once deleted or hidden. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(
            UUID id,
            long seq,
            long eventId,
            PersonId authorId,
            String text,
            Instant sentAt,
            Instant editedAt,
            boolean deleted,
            boolean hidden) {

        static Message of(MessageView m) {
            return new Message(
                    m.id(),
                    m.seq(),
                    m.eventSeq(),
                    m.authorId(),
                    m.text(),
                    m.createdAt(),
                    m.edited() ? m.editedAt() : null,
                    m.deleted(),
                    m.hidden());
        }
    }

    /**
     * A keyset page, oldest first.
     *
     * @param before pass as {@code ?before=} for the page before this one; absent at the start
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessagePage(List<Message> items, int size, Long before) {}

    record PostMessage(@Size(max = 5000) String text, UUID clientId) {}

    private final MessagingManagement messaging;
    private final MessagingProperties properties;

    ConversationRestController(MessagingManagement messaging, MessagingProperties properties) {
        this.messaging = messaging;
        this.properties = properties;
    }

    @Operation(
            summary = "A conversation's messages, newest page first",
            description =
                    "Keyset paged: items oldest first; `before` in the answer is the ?before= of the"
                            + " previous page (absent at the start). Only the people in the"
                            + " conversation: anyone else, API tokens included, gets 404. A pair's"
                            + " conversation id is its mentorship id.")
    @GetMapping("/api/v1/conversations/{id}/messages")
    MessagePage messages(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer size) {
        int limit = size == null ? MessagingManagement.PAGE : size;
        List<MessageView> page =
                messaging.messages(user.organisationId(), id, me(profile), before, limit);
        Long next = page.size() == limit && page.get(0).seq() > 1 ? page.get(0).seq() : null;
        return new MessagePage(page.stream().map(Message::of).toList(), limit, next);
    }

    @Operation(
            summary = "Post a message",
            description =
                    "Body {text, clientId?}: plain text, 1 to 5,000 characters (422 naming `text`"
                            + " otherwise). The same clientId from the same person stores the message"
                            + " once (201 the first time, 200 with the stored message after).")
    @PostMapping("/api/v1/conversations/{id}/messages")
    ResponseEntity<Message> post(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid PostMessage body) {
        var posted =
                messaging.send(
                        user.organisationId(),
                        id,
                        me(profile),
                        body == null ? null : body.clientId(),
                        body == null ? null : body.text());
        return ResponseEntity.status(posted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Message.of(posted.message()));
    }

    @Operation(
            summary = "A conversation's live stream (Server-Sent Events)",
            description =
                    "Events named `message` with the message as JSON data and the conversation's"
                            + " event number as id. Send Last-Event-ID (or ?lastEventId=) to resume: every"
                            + " message posted, edited, deleted or hidden since comes once, in order."
                            + " Without it the stream starts now. Only the people in the"
                            + " conversation.")
    @GetMapping(
            path = "/api/v1/conversations/{id}/stream",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "lastEventId", required = false) String resumeAt)
            throws IOException {
        PersonId me = me(profile);
        var conversation = messaging.conversation(user.organisationId(), id, me);
        long from =
                SseStreams.resumeFrom(
                        lastEventId != null ? lastEventId : resumeAt,
                        null,
                        conversation.lastEventSeq());
        SseEmitter emitter =
                SseStreams.opened(new SseEmitter(properties.streamTimeout().toMillis()));
        MessageSink json =
                SseStreams.messages(
                        emitter,
                        m ->
                                emitter.send(
                                        SseEmitter.event()
                                                .id(Long.toString(m.eventSeq()))
                                                .name("message")
                                                .data(Message.of(m), MediaType.APPLICATION_JSON)));
        return SseStreams.open(
                emitter, messaging.subscribe(user.organisationId(), id, me, from, json));
    }

    /** The calling person; tokens and accounts without a profile are in no conversation. */
    private static PersonId me(Optional<PersonSummary> profile) {
        return profile.map(PersonSummary::id)
                .orElseThrow(() -> new NotFound("messaging.conversation.not-found"));
    }
}
