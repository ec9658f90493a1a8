package io.tandem.identity;

import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenID Connect sign-in per organisation: the settings admins keep, and the client registrations
 * Spring Security signs in with, read from the database and the issuer's discovery document. The
 * registration id is the organisation's slug.
 */
@Service
public class SsoManagement implements ClientRegistrationRepository {

    private final SsoRecords records;
    private final SecretBox secrets;
    private final MessageSourceAccessor messages;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

    SsoManagement(
            SsoRecords records,
            SecretBox secrets,
            MessageSource messageSource,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.records = records;
        this.secrets = secrets;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    public SsoSettings settings(OrganisationId organisation) {
        return records.find(organisation).map(SsoRecords.Row::settings).orElse(SsoSettings.none());
    }

    /** Whether a secret can be saved: {@code TANDEM_SECRET_KEY} is set. */
    public boolean canStoreSecrets() {
        return secrets.available();
    }

    /** The issuer, client id and claim as typed: each refusal added to {@code errors}. */
    private void checkFields(
            List<InputError> errors, String issuer, String clientId, String claim) {
        if (!isHttpUrl(issuer)) {
            errors.add(InputError.field("issuerUrl", messages.getMessage("sso.issuer.invalid")));
        }
        if (clientId.isEmpty() || clientId.length() > 200) {
            errors.add(InputError.field("clientId", messages.getMessage("sso.client-id.invalid")));
        }
        if (claim.length() > 100 || !claim.matches("[A-Za-z0-9_:./-]+")) {
            errors.add(InputError.field("emailClaim", messages.getMessage("sso.claim.invalid")));
        }
    }

    /**
     * Saves the settings after reading the issuer's discovery document.
     *
     * @throws InvalidInputException naming each field that is wrong, with nothing saved
     */
    @Transactional
    public void save(OrganisationId organisation, SsoForm form) {
        List<InputError> errors = new ArrayList<>();
        Optional<SsoRecords.Row> stored = records.find(organisation);
        String issuer = trim(form.issuerUrl());
        String clientId = trim(form.clientId());
        String secret = form.clientSecret() == null ? "" : form.clientSecret();
        String claim = trim(form.emailClaim()).isEmpty() ? "email" : trim(form.emailClaim());
        checkFields(errors, issuer, clientId, claim);
        String sealed =
                sealed(secret, stored.map(SsoRecords.Row::sealedSecret).orElse(null), errors);
        if (errors.isEmpty() && !discoverable(issuer)) {
            errors.add(
                    InputError.field(
                            "issuerUrl",
                            messages.getMessage("sso.issuer.unreachable", new Object[] {issuer})));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(messages.getMessage("sso.invalid"), errors);
        }
        String slug = stored.map(SsoRecords.Row::slug).orElse(null);
        records.save(
                organisation,
                new SsoRecords.Row(
                        organisation,
                        slug,
                        null,
                        form.enabled(),
                        issuer,
                        clientId,
                        sealed,
                        claim,
                        form.passwordSignIn(),
                        form.justInTime()));
        registrations.clear();
        events.publishEvent(
                new SsoSettingsChanged(
                        organisation,
                        issuer,
                        form.enabled(),
                        form.passwordSignIn(),
                        form.justInTime()));
    }

    /**
     * The client secret as stored: a new one sealed, or, left empty, the one stored before; null
     * with the reason in {@code errors} when there is neither or it cannot be sealed.
     */
    private String sealed(String secret, String storedBefore, List<InputError> errors) {
        if (secret.isEmpty()) {
            if (storedBefore == null) {
                errors.add(
                        InputError.field(
                                "clientSecret",
                                messages.getMessage(
                                        secrets.available()
                                                ? "sso.secret.required"
                                                : "sso.secret.no-key")));
            }
            return storedBefore;
        }
        if (!secrets.available()) {
            errors.add(InputError.field("clientSecret", messages.getMessage("sso.secret.no-key")));
        } else if (secret.length() > 500) {
            errors.add(
                    InputError.field("clientSecret", messages.getMessage("sso.secret.too-long")));
        } else {
            return secrets.seal(secret);
        }
        return storedBefore;
    }

    /** Whether the issuer's discovery document can be read. */
    private static boolean discoverable(String issuer) {
        try {
            ClientRegistrations.fromIssuerLocation(issuer);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The buttons on the sign-in page, one per organisation whose SSO is on. */
    public List<SsoSignInOption> signInOptions() {
        return records.enabled().stream()
                .map(row -> new SsoSignInOption(row.slug(), row.organisationName()))
                .toList();
    }

    /** Whether people of the organisation may still sign in with a password. */
    boolean passwordSignInAllowed(OrganisationId organisation) {
        return records.find(organisation)
                .map(row -> !row.enabled() || row.passwordSignIn())
                .orElse(true);
    }

    Optional<SsoRecords.Row> enabledSettings(String registrationId) {
        return records.findBySlug(registrationId).filter(SsoRecords.Row::enabled);
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Optional<SsoRecords.Row> row = enabledSettings(registrationId);
        if (row.isEmpty()) {
            return null;
        }
        String secret = secrets.open(row.get().sealedSecret()).orElse(null);
        if (secret == null) {
            return null;
        }
        String key = registrationId + "\n" + row.get().issuerUrl() + "\n" + row.get().clientId();
        return registrations.computeIfAbsent(
                key,
                k ->
                        ClientRegistrations.fromIssuerLocation(row.get().issuerUrl())
                                .registrationId(registrationId)
                                .clientId(row.get().clientId())
                                .clientSecret(secret)
                                .scope("openid", "email", "profile")
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                                .userNameAttributeName("sub")
                                .clientName(row.get().organisationName())
                                .build());
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return (uri.getScheme() != null)
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    && uri.getHost() != null
                    && value.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
