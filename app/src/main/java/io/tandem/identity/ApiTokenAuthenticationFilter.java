package io.tandem.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} against the stored token hashes. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityManagement identity;

    ApiTokenAuthenticationFilter(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = header.substring(7).trim();
            identity.authenticateToken(secret)
                    .ifPresent(
                            caller -> {
                                // The scope is an authority of its own: the API chain requires
                                // SCOPE_api, the SCIM chain SCOPE_scim.
                                var authentication =
                                        UsernamePasswordAuthenticationToken.authenticated(
                                                caller.user(),
                                                null,
                                                List.of(
                                                        new SimpleGrantedAuthority(
                                                                caller.user().role().authority()),
                                                        new SimpleGrantedAuthority(
                                                                caller.scope().authority())));
                                SecurityContextHolder.getContext()
                                        .setAuthentication(authentication);
                            });
        }
        chain.doFilter(request, response);
    }
}
