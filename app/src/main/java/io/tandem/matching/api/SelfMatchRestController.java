package io.tandem.matching.api;

import io.tandem.identity.TandemUser;
import io.tandem.matching.Recommendation;
import io.tandem.matching.RequestId;
import io.tandem.matching.RequestView;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.matching.SelfMatchRecommendations;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-match over the API. Tokens belong to the organisation, not to a person, so each call names
 * the person it acts for: the mentee who asks, the mentor who answers.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class SelfMatchRestController {

    record SendRequest(UUID menteeId, UUID mentorId, @Size(max = 2000) String message) {}

    record Answer(UUID mentorId, @Size(max = 1000) String reason) {}

    private static final int DEFAULT_K = 5;

    private final SelfMatchManagement selfMatch;
    private final SelfMatchRecommendations recommender;

    SelfMatchRestController(SelfMatchManagement selfMatch, SelfMatchRecommendations recommender) {
        this.selfMatch = selfMatch;
        this.recommender = recommender;
    }

    @GetMapping("/api/v1/programs/{id}/recommendations")
    Paged<Recommendation> recommendations(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID menteeId,
            @RequestParam(required = false) Integer k) {
        required(menteeId, "menteeId");
        int size = k == null ? DEFAULT_K : k;
        List<Recommendation> items =
                recommender.top(
                        user.organisationId(), new ProgramId(id), new PersonId(menteeId), size);
        return new Paged<>(items, 0, size, items.size());
    }

    @PostMapping("/api/v1/programs/{id}/requests")
    ResponseEntity<RequestView> request(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid SendRequest body) {
        required(body == null ? null : body.menteeId(), "menteeId");
        required(body.mentorId(), "mentorId");
        RequestView request =
                selfMatch.request(
                        user.organisationId(),
                        new ProgramId(id),
                        new PersonId(body.menteeId()),
                        new PersonId(body.mentorId()),
                        body.message());
        return ResponseEntity.status(HttpStatus.CREATED).body(request);
    }

    @GetMapping("/api/v1/requests")
    Paged<RequestView> requests(
            TandemUser user,
            @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        required(personId, "personId");
        return selfMatch.requestsFor(
                user.organisationId(), new PersonId(personId), PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/requests/{id}")
    RequestView request(TandemUser user, @PathVariable UUID id) {
        return selfMatch.get(user.organisationId(), new RequestId(id));
    }

    @PostMapping("/api/v1/requests/{id}/accept")
    RequestView accept(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid Answer body) {
        required(body == null ? null : body.mentorId(), "mentorId");
        return selfMatch.accept(
                user.organisationId(), new RequestId(id), new PersonId(body.mentorId()));
    }

    @PostMapping("/api/v1/requests/{id}/decline")
    RequestView decline(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid Answer body) {
        required(body == null ? null : body.mentorId(), "mentorId");
        return selfMatch.decline(
                user.organisationId(),
                new RequestId(id),
                new PersonId(body.mentorId()),
                body.reason());
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw InvalidInputException.badRequest(
                    "Missing " + field, List.of(InputError.field(field, "is required")));
        }
    }
}
