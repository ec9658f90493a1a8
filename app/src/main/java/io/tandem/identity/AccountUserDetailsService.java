package io.tandem.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final SsoManagement sso;

    AccountUserDetailsService(Accounts accounts, SsoManagement sso) {
        this.accounts = accounts;
        this.sso = sso;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // A switched-off or not yet activated account is "not found": Spring then checks a dummy
        // hash, so such a sign-in takes as long and reads the same as one for an unknown e-mail.
        return accounts.findByEmail(username == null ? "" : username)
                .filter(account -> account.passwordHash() != null && account.enabled())
                // An organisation that signs in through its identity provider only.
                .filter(account -> sso.passwordSignInAllowed(account.organisationId()))
                .map(AccountDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /** What the session stores: the {@link TandemUser} and nothing secret once signed in. */
    static final class AccountDetails implements UserDetails {

        private final TandemUser user;
        private final boolean enabled;
        private String passwordHash;

        AccountDetails(Accounts.Account account) {
            this.user = account.user();
            this.enabled = account.enabled();
            this.passwordHash = account.passwordHash();
        }

        TandemUser user() {
            return user;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of(new SimpleGrantedAuthority(user.role().authority()));
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return user.email();
        }

        @Override
        public boolean isEnabled() {
            return enabled;
        }
    }
}
