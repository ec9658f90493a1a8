package io.tandem.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Matches a validated ID token (Spring Security has checked its signature, issuer, audience, expiry
 * and nonce) to an account of the organisation by its verified e-mail; creates an employee's
 * account just in time when the organisation allows it. Each refusal names a code the sign-in page
 * explains.
 */
@Component
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNVERIFIED = "email_unverified";
    static final String NO_EMAIL = "email_missing";
    static final String UNKNOWN = "unknown_user";
    static final String DISABLED = "account_disabled";

    private final SsoManagement sso;
    private final Accounts accounts;

    SsoUserService(SsoManagement sso, Accounts accounts) {
        this.sso = sso;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var settings =
                sso.enabledSettings(request.getClientRegistration().getRegistrationId())
                        .orElseThrow(() -> refuse(UNKNOWN));
        OidcIdToken token = request.getIdToken();
        Object verified = token.getClaims().get("email_verified");
        if (!(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw refuse(UNVERIFIED);
        }
        Object claim = token.getClaims().get(settings.emailClaim());
        String email = claim instanceof String text ? text.trim() : "";
        if (email.isEmpty() || email.length() > 320 || !email.contains("@")) {
            throw refuse(NO_EMAIL);
        }
        var account = accounts.findByEmail(email);
        if (account.isEmpty() && settings.justInTime()) {
            String name = token.getFullName() != null ? token.getFullName() : email;
            name = name.length() > 200 ? name.substring(0, 200) : name;
            accounts.insertWithoutPassword(settings.organisationId(), email, name);
            account = accounts.findByEmail(email);
        }
        if (account.isEmpty()
                || !account.get().organisationId().equals(settings.organisationId())) {
            throw refuse(UNKNOWN);
        }
        if (!account.get().enabled()) {
            throw refuse(DISABLED);
        }
        return new TandemOidcUser(account.get().user(), token);
    }

    private static OAuth2AuthenticationException refuse(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code));
    }
}
