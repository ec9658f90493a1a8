package io.tandem.meetings.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.identity.TandemUser;
import io.tandem.meetings.MeetingManagement;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.meetings.MeetingSummary;
import io.tandem.meetings.Place;
import io.tandem.meetings.Recurrence;
import io.tandem.meetings.Slot;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meetings for integrators, with the pairs' privacy: tokens see that meetings exist and when, never
 * their titles, agendas, places or notes. A token may plan a meeting for one of the pair (an
 * onboarding call, say): the pair then sees it with its content; the token still sees metadata.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class MeetingRestController {

    record SlotsResponse(List<Slot> items) {}

    record MeetingRequest(
            UUID organiserId,
            @Size(max = 200) String title,
            @Size(max = 10_000) String agenda,
            @Size(max = 40) String start,
            @Size(max = 40) String end,
            @Size(max = 64) String zone,
            @Size(max = 20) String recurrence,
            @Size(max = 20) String place,
            @Size(max = 500) String link,
            @Size(max = 500) String address) {}

    private final MeetingManagement meetings;

    MeetingRestController(MeetingManagement meetings) {
        this.meetings = meetings;
    }

    @Operation(
            summary = "Proposed meeting slots of a pair",
            description =
                    "{items: [{start, end}]} (ISO-8601 instants): the next slots of `duration`"
                            + " minutes (15-240, default 30) over the coming 4 weeks inside both"
                            + " people's working hours, each in their own time zone, clear of the"
                            + " pair's other meetings. 422 for a duration outside 15-240.")
    @GetMapping("/api/v1/mentorships/{id}/slots")
    SlotsResponse slots(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String duration) {
        return new SlotsResponse(
                meetings.slots(user.organisationId(), new MentorshipId(id), minutes(duration)));
    }

    @Operation(
            summary = "A pair's meetings (metadata)",
            description =
                    "Paged {items, page, size, total} of {id, mentorshipId, start, end, recurrence,"
                            + " status, held}: never titles, agendas, places or notes.")
    @GetMapping("/api/v1/mentorships/{id}/meetings")
    Paged<MeetingSummary> list(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        List<MeetingSummary> all = meetings.summaries(user.organisationId(), new MentorshipId(id));
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.size());
        return Paged.of(all.subList(from, to), query, all.size());
    }

    @Operation(
            summary = "Plan a meeting for a pair",
            description =
                    "Body {organiserId (one of the pair), title, start, end (ISO-8601 instants),"
                            + " zone? (IANA, default the organiser's), recurrence? (NONE | WEEKLY |"
                            + " FORTNIGHTLY | MONTHLY, default from the program's cadence), place?"
                            + " (VIDEO generates a room from TANDEM_VIDEO_BASE_URL | LINK with an"
                            + " https `link` | IN_PERSON with an `address`), agenda?}. Both people"
                            + " get an iCalendar invitation. 201 with the metadata; 422 naming each"
                            + " wrong field (end before start, length outside 15-240 minutes, a"
                            + " start in the past, an unknown zone, a link that is not https); 409"
                            + " when the mentorship has ended.")
    @PostMapping("/api/v1/mentorships/{id}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingSummary plan(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid MeetingRequest body) {
        MeetingRequest request =
                body == null
                        ? new MeetingRequest(
                                null, null, null, null, null, null, null, null, null, null)
                        : body;
        List<InputError> errors = new ArrayList<>();
        if (request.organiserId() == null) {
            errors.add(InputError.field("organiserId", "meetings.organiser.missing"));
        }
        Instant start = instant(errors, "start", request.start());
        Instant end = instant(errors, "end", request.end());
        Recurrence recurrence = value(errors, "recurrence", request.recurrence(), Recurrence.class);
        Place place = value(errors, "place", request.place(), Place.class);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable("meetings.invalid", errors);
        }
        var planned =
                meetings.planFor(
                        user.organisationId(),
                        new MentorshipId(id),
                        new PersonId(request.organiserId()),
                        new PlanMeeting(
                                request.title(),
                                request.agenda(),
                                start,
                                end,
                                request.zone(),
                                recurrence,
                                place,
                                request.link(),
                                request.address()));
        return meetings.summary(user.organisationId(), planned);
    }

    @Operation(
            summary = "A meeting (metadata)",
            description =
                    "{id, mentorshipId, start, end, recurrence, status, held}; 404 for another"
                            + " organisation's id.")
    @GetMapping("/api/v1/meetings/{id}")
    MeetingSummary get(TandemUser user, @PathVariable UUID id) {
        return meetings.summary(user.organisationId(), id);
    }

    @Operation(
            summary = "Cancel a meeting",
            description = "Both people get a METHOD:CANCEL. 409 when it is cancelled already.")
    @PostMapping("/api/v1/meetings/{id}/cancel")
    MeetingSummary cancel(TandemUser user, @PathVariable UUID id) {
        return meetings.cancelAsManager(user.organisationId(), id);
    }

    private static Duration minutes(String duration) {
        if (duration == null || duration.isBlank()) {
            return Duration.ofMinutes(30);
        }
        try {
            return Duration.ofMinutes(Integer.parseInt(duration.strip()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.unprocessable(
                    "meetings.invalid",
                    List.of(InputError.field("duration", "meetings.duration.invalid")));
        }
    }

    private static Instant instant(List<InputError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(InputError.field(field, "meetings.instant.invalid"));
            return null;
        }
    }

    private static <E extends Enum<E>> E value(
            List<InputError> errors, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field(field, "meetings." + field + ".unknown"));
            return null;
        }
    }
}
