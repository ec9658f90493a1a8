package io.tandem.matching.api;

import io.tandem.identity.TandemUser;
import io.tandem.matching.MatchRunId;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class MatchRunRestController {

    record StartRun(@Size(max = 20) String objective, @Size(max = 20) String algorithm) {}

    record Assign(UUID menteeId, UUID mentorId) {}

    record Lock(UUID menteeId, Boolean locked) {}

    private final MatchingManagement matching;

    MatchRunRestController(MatchingManagement matching) {
        this.matching = matching;
    }

    @PostMapping("/api/v1/programs/{id}/match-runs")
    ResponseEntity<Map<String, Object>> start(
            TandemUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid StartRun body) {
        List<InputError> errors = new ArrayList<>();
        Objective objective =
                parse(Objective.class, body == null ? null : body.objective(), "objective", errors);
        Algorithm algorithm =
                parse(Algorithm.class, body == null ? null : body.algorithm(), "algorithm", errors);
        if (!errors.isEmpty()) {
            throw InvalidInputException.badRequest("request.invalid", errors);
        }
        MatchRunView run =
                matching.start(user.organisationId(), new ProgramId(id), objective, algorithm);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("id", run.id(), "status", run.status()));
    }

    @GetMapping("/api/v1/programs/{id}/match-runs")
    Paged<MatchRunView> runs(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return matching.runs(user.organisationId(), new ProgramId(id), PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/match-runs/{id}")
    MatchRunView run(TandemUser user, @PathVariable UUID id) {
        return matching.run(user.organisationId(), new MatchRunId(id));
    }

    @PostMapping("/api/v1/match-runs/{id}/publish")
    MatchRunView publish(TandemUser user, @PathVariable UUID id) {
        matching.publish(user.organisationId(), new MatchRunId(id));
        // The answer keeps its shape, the run with its pairs, read after the publish committed.
        return matching.run(user.organisationId(), new MatchRunId(id));
    }

    @PostMapping("/api/v1/match-runs/{id}/rerun")
    ResponseEntity<Map<String, Object>> rerun(TandemUser user, @PathVariable UUID id) {
        MatchRunView run = matching.rerun(user.organisationId(), new MatchRunId(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("id", run.id(), "status", run.status()));
    }

    @PostMapping("/api/v1/match-runs/{id}/cancel")
    Map<String, Boolean> cancel(TandemUser user, @PathVariable UUID id) {
        return Map.of("cancelled", matching.cancel(user.organisationId(), new MatchRunId(id)));
    }

    @PostMapping("/api/v1/match-runs/{id}/assignments")
    MatchRunView.Proposal assign(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid Assign body) {
        return matching.assign(
                user.organisationId(),
                new MatchRunId(id),
                new PersonId(body.menteeId()),
                new PersonId(body.mentorId()));
    }

    @PostMapping("/api/v1/match-runs/{id}/locks")
    Map<String, Boolean> lock(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid Lock body) {
        boolean locked = body.locked() == null || body.locked();
        matching.lock(
                user.organisationId(), new MatchRunId(id), new PersonId(body.menteeId()), locked);
        return Map.of("locked", locked);
    }

    @PostMapping("/api/v1/match-runs/{id}/removals")
    Map<String, Boolean> remove(
            TandemUser user, @PathVariable UUID id, @RequestBody @Valid Lock body) {
        matching.remove(user.organisationId(), new MatchRunId(id), new PersonId(body.menteeId()));
        return Map.of("removed", true);
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String text, String field, List<InputError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field(field, "request." + field + ".invalid"));
            return null;
        }
    }
}
