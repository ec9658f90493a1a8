package io.tandem.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: organisations, accounts and API tokens. */
@Service
public class IdentityManagement {

    /** The organisation a single-tenant installation, the demo and the bootstrap token use. */
    public static final String DEFAULT_ORGANISATION = "default";

    private static final String TOKEN_PREFIX = "tdm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Organisations organisations;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;

    IdentityManagement(
            Organisations organisations,
            Accounts accounts,
            ApiTokens tokens,
            PasswordEncoder passwords) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /** Who is signed in on this request, if anyone. */
    public Optional<TandemUser> currentUser() {
        return Optional.ofNullable(CurrentUserModel.current());
    }

    @Transactional
    public OrganisationId ensureOrganisation(String slug, String name) {
        return organisations.findBySlug(slug).orElseGet(() -> organisations.insert(slug, name));
    }

    public Optional<OrganisationId> findOrganisation(String slug) {
        return organisations.findBySlug(slug);
    }

    public String organisationName(OrganisationId id) {
        return organisations.name(id).orElse("");
    }

    /** Creates the account unless one with this e-mail exists; never changes an existing one. */
    @Transactional
    public UUID ensureAccount(
            OrganisationId organisation,
            String email,
            String displayName,
            String rawPassword,
            Role role) {
        return accounts.findByEmail(email)
                .map(Accounts.Account::id)
                .orElseGet(
                        () ->
                                accounts.insert(
                                        organisation,
                                        email,
                                        displayName,
                                        passwords.encode(rawPassword),
                                        role));
    }

    @Transactional
    public IssuedToken issueToken(
            OrganisationId organisation, String name, Role role, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret =
                TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        tokens.insert(id, organisation, name, hash(secret), hint(secret), role, createdBy);
        return new IssuedToken(id, name, role, secret);
    }

    /** Makes sure a token with exactly this secret exists, for automation and first set-up. */
    @Transactional
    public void ensureToken(OrganisationId organisation, String secret, String name, Role role) {
        String hash = hash(secret);
        if (!tokens.exists(hash)) {
            tokens.insert(UUID.randomUUID(), organisation, name, hash, hint(secret), role, null);
        }
    }

    /** How many live (unrevoked) API tokens an organisation may hold; revoke one to add one. */
    public static final int MAX_TOKENS = 50;

    public boolean tokenLimitReached(OrganisationId organisation) {
        return tokens.findAll(organisation).stream().filter(ApiTokenSummary::active).count()
                >= MAX_TOKENS;
    }

    public List<ApiTokenSummary> tokens(OrganisationId organisation) {
        return tokens.findAll(organisation);
    }

    @Transactional
    public boolean revokeToken(OrganisationId organisation, UUID id) {
        return tokens.revoke(organisation, id);
    }

    Optional<TandemUser> authenticateToken(String secret) {
        return tokens.findActive(hash(secret))
                .map(
                        token -> {
                            tokens.touch(token.id());
                            return new TandemUser(
                                    null,
                                    token.organisationId(),
                                    null,
                                    "API token " + token.name(),
                                    token.role());
                        });
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hint(String secret) {
        return "…" + secret.substring(Math.max(0, secret.length() - 4));
    }
}
