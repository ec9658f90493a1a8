package io.tandem.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.identity.ApiTokenSummary;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.IssuedToken;
import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import io.tandem.identity.TokenScope;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins issue, list and revoke their organisation's tokens through the API. */
@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasRole('ADMIN')")
class TokenRestController {

    record NewToken(@Size(max = 120) String name, List<@Size(max = 20) String> scopes, Role role) {}

    /** The secret is in this answer only; Tandem keeps a hash of it. */
    record IssuedTokenJson(UUID id, String name, List<String> scopes, Role role, String token) {}

    record TokenJson(
            UUID id,
            String name,
            List<String> scopes,
            Role role,
            String hint,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    record TokenList(List<TokenJson> items, int page, int size, long total) {}

    private final IdentityManagement identity;

    TokenRestController(IdentityManagement identity) {
        this.identity = identity;
    }

    @Operation(
            summary =
                    "Issue a token {name, scopes: [\"api\"] | [\"scim\"], role}; the secret is answered once (admins)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedTokenJson issue(TandemUser user, @RequestBody @Valid NewToken body) {
        // The wire's list of scopes is this controller's to read; the name, the role and the
        // cap are the identity module's rules, the same for the tokens page.
        TokenScope scope =
                body.scopes() == null || body.scopes().size() != 1
                        ? null
                        : TokenScope.parse(body.scopes().get(0)).orElse(null);
        if (scope == null) {
            throw InvalidInputException.unprocessable(
                    "tokens.invalid", List.of(InputError.field("scopes", "tokens.scopes.one")));
        }
        Role role = body.role() == null ? Role.ADMIN : body.role();
        IssuedToken token =
                identity.issueToken(
                        user.organisationId(), body.name(), role, scope, user.displayName());
        return new IssuedTokenJson(
                token.id(),
                token.name(),
                List.of(token.scope().value()),
                token.role(),
                token.secret());
    }

    @Operation(
            summary =
                    "The organisation's tokens: name, scope, role, hint, created, last used, revoked (admins)")
    @GetMapping
    TokenList list(TandemUser user) {
        List<TokenJson> items =
                identity.tokens(user.organisationId()).stream()
                        .map(TokenRestController::json)
                        .toList();
        return new TokenList(items, 0, items.size(), items.size());
    }

    @Operation(summary = "Revoke a token; it is refused from then on (admins)")
    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(TandemUser user, @PathVariable UUID id) {
        boolean ours =
                identity.tokens(user.organisationId()).stream().anyMatch(t -> t.id().equals(id));
        if (!ours) {
            throw new NotFound("tokens.not-found");
        }
        identity.revokeToken(user.organisationId(), id);
    }

    private static TokenJson json(ApiTokenSummary t) {
        return new TokenJson(
                t.id(),
                t.name(),
                List.of(t.scope().value()),
                t.role(),
                t.hint(),
                t.createdAt(),
                t.lastUsedAt(),
                t.revokedAt());
    }
}
