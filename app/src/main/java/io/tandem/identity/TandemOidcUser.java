package io.tandem.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Someone signed in through their organisation's identity provider, as a {@link TandemUser}. */
final class TandemOidcUser implements OidcUser, java.io.Serializable {

    private final TandemUser user;
    private final OidcIdToken idToken;

    TandemOidcUser(TandemUser user, OidcIdToken idToken) {
        this.user = user;
        this.idToken = idToken;
    }

    TandemUser user() {
        return user;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getName() {
        return user.email();
    }
}
