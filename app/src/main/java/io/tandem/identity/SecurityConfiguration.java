package io.tandem.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.context.properties.EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    // htmx runs under this policy: no inline scripts or styles, no eval.
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
                    + " form-action 'self'; frame-ancestors 'none'";

    /**
     * No Micrometer observation around each security filter, authentication and authorization: on
     * every request they wrapped each of the chain's ~15 filters in an observation of its own (a
     * tenth of a page's CPU under load, issue 17), and nothing reads their metrics. Requests stay
     * timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The API: bearer tokens only, no session, no cookies, so no CSRF to guard against. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            IdentityManagement identity,
            org.springframework.context.MessageSource messageSource)
            throws Exception {
        var messages = new org.springframework.context.support.MessageSourceAccessor(messageSource);
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(SecurityConfiguration::apiAccess)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(identity),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(
                                                (request, response, ex) ->
                                                        problem(
                                                                response,
                                                                HttpStatus.UNAUTHORIZED,
                                                                messages.getMessage(
                                                                        "api.unauthorized")))
                                        .accessDeniedHandler(
                                                (request, response, ex) ->
                                                        problem(
                                                                response,
                                                                HttpStatus.FORBIDDEN,
                                                                messages.getMessage(
                                                                        "api.forbidden"))))
                .headers(SecurityConfiguration::contentSecurityPolicy);
        return http.build();
    }

    /**
     * Conversations are the pair's own: their API answers the people in them, signed in with the
     * page session (with the page's CSRF token on writes), and tokens too, which are in no
     * conversation and so get 404.
     */
    @Bean
    @Order(0)
    SecurityFilterChain conversationApiChain(
            HttpSecurity http,
            IdentityManagement identity,
            org.springframework.context.MessageSource messageSource)
            throws Exception {
        var messages = new org.springframework.context.support.MessageSourceAccessor(messageSource);
        http.securityMatcher("/api/v1/conversations/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(
                        csrf ->
                                csrf.csrfTokenRepository(csrfTokens())
                                        .requireCsrfProtectionMatcher(
                                                request ->
                                                        !java.util.Set.of("GET", "HEAD", "OPTIONS")
                                                                        .contains(
                                                                                request.getMethod())
                                                                && request.getHeader(
                                                                                org.springframework
                                                                                        .http
                                                                                        .HttpHeaders
                                                                                        .AUTHORIZATION)
                                                                        == null))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(identity),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(
                                        (request, response, ex) ->
                                                problem(
                                                        response,
                                                        HttpStatus.UNAUTHORIZED,
                                                        messages.getMessage("api.unauthorized"))))
                .headers(SecurityConfiguration::contentSecurityPolicy);
        return http.build();
    }

    /**
     * SCIM 2.0 provisioning: bearer tokens with the {@code scim} scope only, refusals in the SCIM
     * error format (RFC 7644 section 3.12).
     */
    @Bean
    @Order(0)
    SecurityFilterChain scimChain(
            HttpSecurity http,
            IdentityManagement identity,
            org.springframework.context.MessageSource messageSource)
            throws Exception {
        var messages = new org.springframework.context.support.MessageSourceAccessor(messageSource);
        http.securityMatcher("/scim/v2/**")
                .authorizeHttpRequests(
                        auth -> auth.anyRequest().hasAuthority(TokenScope.SCIM.authority()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(identity),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(
                                                (request, response, ex) ->
                                                        scimError(
                                                                response,
                                                                HttpStatus.UNAUTHORIZED,
                                                                messages.getMessage(
                                                                        "scim.unauthorized")))
                                        .accessDeniedHandler(
                                                (request, response, ex) ->
                                                        scimError(
                                                                response,
                                                                HttpStatus.FORBIDDEN,
                                                                messages.getMessage(
                                                                        "scim.forbidden"))))
                .headers(SecurityConfiguration::contentSecurityPolicy);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http,
            LoginThrottle throttle,
            SsoManagement sso,
            SsoUserService ssoUsers,
            org.springframework.context.MessageSource messages)
            throws Exception {
        // Only a page asked for with GET is worth coming back to after signing in.
        CookieRequestCache savedRequests = new CookieRequestCache();
        savedRequests.setRequestMatcher(request -> "GET".equals(request.getMethod()));
        SignInHandlers signIn = new SignInHandlers(throttle, savedRequests);
        http.authorizeHttpRequests(
                        auth -> auth.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                // Strangers cost no session row: the CSRF token lives in a cookie, the page asked
                // for before signing in too, and a failed sign-in keeps nothing.
                .csrf(SecurityConfiguration::pageCsrf)
                .requestCache(cache -> cache.requestCache(savedRequests))
                .formLogin(
                        form ->
                                form.loginPage("/login")
                                        .successHandler(signIn)
                                        .failureHandler(signIn))
                .oauth2Login(oauth -> ssoSignIn(oauth, sso, ssoUsers))
                .logout(logout -> logout.logoutSuccessHandler(rpInitiatedLogout(sso, messages)))
                .addFilterBefore(
                        new LoginThrottleFilter(throttle),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(
                        h ->
                                contentSecurityPolicy(h)
                                        .referrerPolicy(
                                                r ->
                                                        r.policy(
                                                                ReferrerPolicyHeaderWriter
                                                                        .ReferrerPolicy
                                                                        .SAME_ORIGIN))
                                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * The pages' CSRF token, in a cookie. RFC 8058: a mail client's one-click unsubscribe POST
     * carries no CSRF token; the link's own secret is what authorises it.
     */
    private static void pageCsrf(CsrfConfigurer<HttpSecurity> csrf) {
        csrf.csrfTokenRepository(csrfTokens())
                .ignoringRequestMatchers("/notifications/preferences/*/unsubscribe");
    }

    /** What a stranger may open: sign-in, assets, health, the API's description, secret links. */
    private static final String[] OPEN = {
        "/login",
        "/account/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        // A feed's long secret is its credential.
        "/calendar/*.ics",
        "/notifications/preferences/*",
        "/notifications/preferences/*/unsubscribe"
    };

    /** The API answers tokens with the api scope; the metrics, only an admin's such token. */
    private static void apiAccess(
            org.springframework.security.config.annotation.web.configurers
                                            .AuthorizeHttpRequestsConfigurer<
                                    HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    auth) {
        auth.requestMatchers("/actuator/prometheus")
                .access(
                        AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole(Role.ADMIN.name()),
                                AuthorityAuthorizationManager.hasAuthority(
                                        TokenScope.API.authority())))
                .anyRequest()
                .hasAuthority(TokenScope.API.authority());
    }

    /** Signing in through the organisation's identity provider (OIDC), back to the home page. */
    private static void ssoSignIn(
            OAuth2LoginConfigurer<HttpSecurity> oauth, SsoManagement sso, SsoUserService ssoUsers) {
        oauth.loginPage("/login")
                .clientRegistrationRepository(sso)
                .userInfoEndpoint(u -> u.oidcUserService(ssoUsers))
                .successHandler(
                        (request, response, authentication) ->
                                response.sendRedirect(request.getContextPath() + "/"))
                .failureHandler(SecurityConfiguration::ssoRefused);
    }

    /** Every answer, page or API, carries the content security policy htmx runs under. */
    private static HeadersConfigurer<HttpSecurity> contentSecurityPolicy(
            HeadersConfigurer<HttpSecurity> headers) {
        return headers.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY));
    }

    /**
     * Signing out of a session that came from the identity provider also ends the session there
     * (RP-initiated logout); a password session just lands on the sign-in page.
     */
    private static OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout(
            SsoManagement sso, org.springframework.context.MessageSource messages) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(sso);
        handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        handler.setDefaultTargetUrl("/login?logout");
        handler.setRedirectStrategy(new ContinueToProvider(messages));
        return handler;
    }

    /**
     * The sign-out form may only lead back to Tandem (the policy's {@code form-action 'self'}
     * covers the redirects after a form too, so a browser stops at a redirect to the provider): for
     * the provider's end-session address, answer a page that goes on there by itself, with a link
     * for browsers that do not follow it.
     */
    record ContinueToProvider(org.springframework.context.MessageSource messages)
            implements org.springframework.security.web.RedirectStrategy {

        @Override
        public void sendRedirect(
                jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response,
                String url)
                throws java.io.IOException {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                response.sendRedirect(request.getContextPath() + url);
                return;
            }
            var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            String href = org.springframework.web.util.HtmlUtils.htmlEscape(url);
            String title = messages.getMessage("trust.logout.title", null, locale);
            String link = messages.getMessage("trust.logout.continue", null, locale);
            response.setStatus(200);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter()
                    .write(
                            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                    + "<meta http-equiv=\"refresh\" content=\"0;url="
                                    + href
                                    + "\"><title>"
                                    + org.springframework.web.util.HtmlUtils.htmlEscape(title)
                                    + "</title></head><body><main><h1>"
                                    + org.springframework.web.util.HtmlUtils.htmlEscape(title)
                                    + "</h1><p><a id=\"continue\" href=\""
                                    + href
                                    + "\">"
                                    + org.springframework.web.util.HtmlUtils.htmlEscape(link)
                                    + "</a></p></main></body></html>");
        }
    }

    /** A refused single sign-on keeps no session: the page says why, by a known code only. */
    private static void ssoRefused(
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        String code = "failed";
        if (e
                instanceof
                org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth) {
            String error = oauth.getError().getErrorCode();
            if (java.util.Set.of(
                            SsoUserService.UNVERIFIED,
                            SsoUserService.NO_EMAIL,
                            SsoUserService.UNKNOWN,
                            SsoUserService.DISABLED)
                    .contains(error)) {
                code = error;
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    private static void scimError(HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/scim+json");
        response.getWriter()
                .write(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                                + "\"status\":\""
                                + status.value()
                                + "\",\"detail\":\""
                                + detail
                                + "\"}");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(
                        "{\"type\":\"about:blank\",\"title\":\""
                                + status.getReasonPhrase()
                                + "\",\"status\":"
                                + status.value()
                                + ",\"detail\":\""
                                + detail
                                + "\"}");
    }
}
