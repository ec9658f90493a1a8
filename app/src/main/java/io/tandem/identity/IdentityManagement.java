package io.tandem.identity;

import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
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
    private final AccountTokens links;
    private final PasswordPolicy policy;
    private final PasswordResets resets;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;
    private final Duration activationValidity;
    private final Duration resetValidity;

    private final Clock clock;

    IdentityManagement(
            Organisations organisations,
            Accounts accounts,
            ApiTokens tokens,
            PasswordEncoder passwords,
            AccountTokens links,
            PasswordPolicy policy,
            PasswordResets resets,
            ApplicationEventPublisher events,
            MessageSource messageSource,
            IdentityProperties properties,
            Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.links = links;
        this.policy = policy;
        this.resets = resets;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
        this.activationValidity = properties.accounts().activationValidity();
        this.resetValidity = properties.accounts().resetValidity();
    }

    /** The user an authentication stands for (a signed-in account or an API token), if any. */
    public Optional<TandemUser> userOf(
            org.springframework.security.core.Authentication authentication) {
        return Optional.ofNullable(TandemUserArgumentResolver.currentUser(authentication));
    }

    /** Who is signed in on this request, if anyone. */
    public Optional<TandemUser> currentUser() {
        return Optional.ofNullable(CurrentUserModel.current());
    }

    @Transactional
    public OrganisationId ensureOrganisation(String slug, String name) {
        return organisations.findBySlug(slug).orElseGet(() -> organisations.ensure(slug, name));
    }

    public Optional<OrganisationId> findOrganisation(String slug) {
        return organisations.findBySlug(slug);
    }

    /** The organisation's slug: also its single sign-on registration id. */
    public String organisationSlug(OrganisationId id) {
        return organisations.slug(id).orElse("");
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
        organisations.lock(organisation); // two instances starting at once: one account
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

    /**
     * Asks for an activation mail to each invitee who cannot sign in yet, creating their account
     * (an employee's, without a password) where there is none. The mails are written shortly after
     * this transaction commits; each carries a one-time link to set a password.
     */
    @Transactional
    public ActivationSummary requestActivations(
            OrganisationId organisation, Collection<Invitee> invitees) {
        int requested = 0;
        int active = 0;
        int refused = 0;
        for (Invitee invitee : invitees) {
            var existing = accounts.findByEmail(invitee.email());
            UUID accountId;
            if (existing.isEmpty()) {
                accountId =
                        accounts.insertWithoutPassword(
                                organisation, invitee.email(), invitee.displayName());
            } else if (!existing.get().organisationId().equals(organisation)
                    || !existing.get().enabled()) {
                refused++;
                continue;
            } else if (existing.get().passwordHash() != null) {
                active++;
                continue;
            } else {
                accountId = existing.get().id();
            }
            accounts.activationRequested(accountId, clock.instant());
            events.publishEvent(
                    new AccountLinkRequested(
                            organisation,
                            accountId,
                            UUID.randomUUID(),
                            AccountLinkPurpose.ACTIVATION));
            requested++;
        }
        return new ActivationSummary(requested, active, refused);
    }

    /**
     * Issues the one-time link a mail asked for, at most once per request, and only while it still
     * makes sense: the account is on and, for an activation, has no password yet.
     */
    @Transactional
    public Optional<AccountLink> issueLink(AccountLinkRequested requested) {
        if (links.requestHandled(requested.requestId())) {
            return Optional.empty();
        }
        var account =
                accounts.find(requested.accountId())
                        .filter(Accounts.Account::enabled)
                        .filter(a -> a.organisationId().equals(requested.organisationId()))
                        .filter(
                                a ->
                                        requested.purpose() == AccountLinkPurpose.RESET
                                                || a.passwordHash() == null);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String secret = secret("");
        Instant now = clock.instant();
        Instant expires =
                now.plus(
                        requested.purpose() == AccountLinkPurpose.ACTIVATION
                                ? activationValidity
                                : resetValidity);
        links.insert(
                account.get().id(),
                requested.purpose(),
                hash(secret),
                requested.requestId(),
                now,
                expires);
        return Optional.of(
                new AccountLink(
                        account.get().email(),
                        account.get().displayName(),
                        requested.purpose(),
                        secret,
                        expires));
    }

    /**
     * "Forgot password": mails a reset link if the e-mail has an account; says nothing either way.
     */
    public void requestPasswordReset(String email) {
        resets.request(email);
    }

    /** What a one-time link is for, while it can still be used. */
    @Transactional(readOnly = true)
    public Optional<AccountLinkPurpose> checkLink(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return links.findUsable(hash(secret), clock.instant())
                .filter(
                        token ->
                                accounts.find(token.accountId())
                                        .filter(Accounts.Account::enabled)
                                        .isPresent())
                .map(AccountTokens.Usable::purpose);
    }

    /**
     * Sets the password of the link's account and uses the link up (with every other link of the
     * account); ends the account's sessions, since whoever knew the old password is out.
     *
     * @return false when the link is unknown, expired or used already
     * @throws InvalidInputException naming the field {@code password} when it is too weak
     */
    @Transactional
    public boolean setPassword(String secret, String password) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return false;
        }
        Instant now = clock.instant();
        var token = links.findUsable(hash(secret), now);
        var account =
                token.flatMap(t -> accounts.find(t.accountId())).filter(Accounts.Account::enabled);
        if (account.isEmpty()) {
            return false;
        }
        policy.refusal(password, account.get().email())
                .ifPresent(
                        code -> {
                            throw InvalidInputException.unprocessable(
                                    messages.getMessage("account.password.invalid"),
                                    List.of(
                                            InputError.field(
                                                    "password",
                                                    messages.getMessage(
                                                            code,
                                                            new Object[] {policy.minLength()}))));
                        });
        if (!links.use(token.get(), now)) {
            return false;
        }
        accounts.setPassword(account.get().id(), passwords.encode(password), now);
        accounts.endSessions(List.of(account.get().email()));
        return true;
    }

    public int passwordMinLength() {
        return policy.minLength();
    }

    /**
     * Whether each of these e-mails can sign in to the organisation; e-mails without an account are
     * left out.
     */
    @Transactional(readOnly = true)
    public Map<String, AccountState> accountStates(
            OrganisationId organisation, Collection<String> emails) {
        return accounts.states(organisation, emails);
    }

    /** The organisation and id of the account with this e-mail, if there is one. */
    @Transactional(readOnly = true)
    public Optional<TandemUser> findAccount(String email) {
        return email == null || email.isBlank()
                ? Optional.empty()
                : accounts.findByEmail(email).map(Accounts.Account::user);
    }

    public AccountState accountState(OrganisationId organisation, String email) {
        return accountStates(organisation, List.of(email))
                .getOrDefault(Accounts.normalise(email), AccountState.NONE);
    }

    /**
     * Switches off the accounts of people who left or became inactive, and ends their sessions on
     * every instance at once.
     */
    @Transactional
    public void disableAccounts(OrganisationId organisation, Collection<String> emails) {
        List<String> changed = accounts.setEnabled(organisation, emails, false);
        accounts.endSessions(changed);
    }

    /**
     * Erasure of a person: the account of this e-mail takes the placeholder e-mail and name, can no
     * longer sign in (no password, switched off, no open links), and its sessions end on every
     * instance.
     */
    @Transactional
    public void eraseAccount(
            OrganisationId organisation, String email, String placeholderEmail, String name) {
        accounts.endSessions(List.of(email));
        accounts.erase(organisation, email, placeholderEmail, name);
    }

    /** Lets people who are active again sign in with the password they had. */
    @Transactional
    public void enableAccounts(OrganisationId organisation, Collection<String> emails) {
        accounts.setEnabled(organisation, emails, true);
    }

    /**
     * Gives the account of this e-mail another role; a person without an account gets one that
     * cannot sign in until activated. The account's sessions end on every instance, so the new role
     * holds from its next request. Recorded in the audit trail ({@link RoleChanged}).
     *
     * @return whether the role changed
     * @throws InvalidInputException naming {@code role} when it is missing
     * @throws io.tandem.shared.Conflict ({@code account.role.last-admin}) when the change would
     *     leave the organisation without an admin who can sign in; ({@code account.role.elsewhere})
     *     when the e-mail has an account in another organisation
     */
    @Transactional
    public boolean changeRole(
            OrganisationId organisation, String email, String displayName, Role role) {
        if (role == null) {
            throw InvalidInputException.unprocessable(
                    "request.invalid", List.of(InputError.field("role", "account.role.invalid")));
        }
        organisations.lock(organisation); // two admins demoting each other: one stays
        Optional<Accounts.Account> held = accounts.lockByEmail(organisation, email);
        if (held.isEmpty() && accounts.findByEmail(email).isPresent()) {
            // The e-mail signs in to another organisation: one account per e-mail.
            throw new io.tandem.shared.Conflict("account.role.elsewhere");
        }
        Accounts.Account account =
                held.orElseGet(
                        () ->
                                accounts.find(
                                                accounts.insertWithoutPassword(
                                                        organisation, email, displayName))
                                        .orElseThrow());
        if (account.role() == role) {
            return false;
        }
        if (account.role() == Role.ADMIN
                && account.enabled()
                && accounts.countEnabledAdmins(organisation) <= 1) {
            throw new io.tandem.shared.Conflict("account.role.last-admin");
        }
        accounts.setRole(account.id(), role);
        accounts.endSessions(List.of(account.email()));
        events.publishEvent(new RoleChanged(organisation, account.id(), account.role(), role));
        return true;
    }

    /** Issues an {@code api} token. */
    @Transactional
    public IssuedToken issueToken(
            OrganisationId organisation, String name, Role role, String createdBy) {
        return issueToken(organisation, name, role, TokenScope.API, createdBy);
    }

    /**
     * Issues a token, unless the organisation already holds {@link #MAX_TOKENS} live ones; its
     * secret is in the answer only. The organisation's row is locked first, so of two requests
     * racing for the last place exactly one gets it, on any number of instances. A SCIM token acts
     * with no role at all outside {@code /scim/v2}, so it is stored as an employee's.
     *
     * @throws io.tandem.shared.InvalidInputException naming {@code name} (blank, over {@value
     *     #MAX_TOKEN_NAME} characters) or {@code role} (missing)
     * @throws Conflict ({@code tokens.limit}) at the cap
     */
    @Transactional
    public IssuedToken issueToken(
            OrganisationId organisation,
            String name,
            Role role,
            TokenScope scope,
            String createdBy) {
        if (scope == TokenScope.SCIM && role == null) {
            role = Role.EMPLOYEE;
        }
        String trimmed = name == null ? "" : name.strip();
        String nameError =
                trimmed.isEmpty()
                        ? "tokens.name.required"
                        : trimmed.length() > MAX_TOKEN_NAME ? "tokens.name.too-long" : null;
        if (nameError != null || role == null) {
            throw io.tandem.shared.InvalidInputException.unprocessable(
                    "request.invalid",
                    List.of(
                            nameError != null
                                    ? io.tandem.shared.InputError.field("name", nameError)
                                    : io.tandem.shared.InputError.field(
                                            "role", "tokens.role.invalid")));
        }
        name = trimmed;
        organisations.lock(organisation);
        if (tokens.countLive(organisation) >= MAX_TOKENS) {
            throw new Conflict("tokens.limit");
        }
        Role effective = scope == TokenScope.SCIM ? Role.EMPLOYEE : role;
        String secret = secret(TOKEN_PREFIX);
        UUID id = UUID.randomUUID();
        tokens.insert(
                id, organisation, name, hash(secret), hint(secret), effective, scope, createdBy);
        events.publishEvent(new ApiTokenIssued(organisation, id, name, effective));
        return new IssuedToken(id, name, effective, scope, secret);
    }

    /** Makes sure a token with exactly this secret exists, for automation and first set-up. */
    @Transactional
    public void ensureToken(OrganisationId organisation, String secret, String name, Role role) {
        String hash = hash(secret);
        organisations.lock(organisation); // two instances starting at once: one token
        if (!tokens.exists(hash)) {
            tokens.insert(
                    UUID.randomUUID(),
                    organisation,
                    name,
                    hash,
                    hint(secret),
                    role,
                    TokenScope.API,
                    null);
        }
    }

    /** How many live (unrevoked) API tokens an organisation may hold; revoke one to add one. */
    public static final int MAX_TOKENS = 50;

    /** The longest name a token may have (its column holds more). */
    public static final int MAX_TOKEN_NAME = 120;

    public boolean tokenLimitReached(OrganisationId organisation) {
        return tokens.countLive(organisation) >= MAX_TOKENS;
    }

    public List<ApiTokenSummary> tokens(OrganisationId organisation) {
        return tokens.findAll(organisation);
    }

    /** One page of the organisation's tokens, live ones first, then the revoked. */
    public io.tandem.shared.Paged<ApiTokenSummary> tokens(
            OrganisationId organisation, io.tandem.shared.PageQuery page) {
        long total = tokens.count(organisation);
        int pages = (int) Math.max(1, (total + page.size() - 1) / page.size());
        // A page past the end (rows revoked since the link was made) shows the last page.
        io.tandem.shared.PageQuery within =
                new io.tandem.shared.PageQuery(Math.min(page.page(), pages - 1), page.size());
        return io.tandem.shared.Paged.of(
                tokens.findPage(organisation, within.offset(), within.size()), within, total);
    }

    @Transactional
    public boolean revokeToken(OrganisationId organisation, UUID id) {
        boolean revoked = tokens.revoke(organisation, id);
        if (revoked) {
            events.publishEvent(new ApiTokenRevoked(organisation, id));
        }
        return revoked;
    }

    /** A token's caller and the scope it may act in. */
    record TokenCaller(TandemUser user, TokenScope scope) {}

    Optional<TokenCaller> authenticateToken(String secret) {
        return tokens.findActive(hash(secret))
                .map(
                        token -> {
                            tokens.touch(token.id());
                            return new TokenCaller(
                                    new TandemUser(
                                            null,
                                            token.organisationId(),
                                            null,
                                            "API token " + token.name(),
                                            token.role()),
                                    token.scope());
                        });
    }

    private static String secret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
