package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

/** Single sign-on against a real OpenID Connect server running in the test. */
@TandemIntegrationTest
class SsoIntegrationTests {

    static final String CLIENT_ID = "tandem-client";
    static MockOAuth2Server idp;

    @Value("${local.server.port}")
    int port;

    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;
    @Autowired SsoManagement sso;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;

    TestOrganisation org;
    String email;
    String slug;
    CookieManager cookies;
    HttpClient http;

    @BeforeAll
    static void startIdentityProvider() {
        idp = new MockOAuth2Server();
        idp.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        idp.shutdown();
    }

    @BeforeEach
    void organisationWithSso() {
        org = organisations.create();
        slug = org.slug();
        email = "ada@" + slug + ".test";
        identity.ensureAccount(
                org.id(), email, "Ada Lovelace", "a long enough password 1", Role.EMPLOYEE);
        sso.save(org.id(), form(true, false));
        cookies = new CookieManager();
        http =
                HttpClient.newBuilder()
                        .cookieHandler(cookies)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    private SsoForm form(boolean passwordSignIn, boolean justInTime) {
        return new SsoForm(
                true,
                idp.issuerUrl("default").toString(),
                CLIENT_ID,
                "s3cret",
                "email",
                passwordSignIn,
                justInTime);
    }

    private void nextToken(List<String> audience, Map<String, Object> claims, long expirySeconds) {
        idp.enqueueCallback(
                new DefaultOAuth2TokenCallback(
                        "default", "sub-" + slug, "JWT", audience, claims, expirySeconds));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    /**
     * Follows the sign-in from Tandem to the identity provider and back; answers where it lands.
     */
    private String signIn(UnaryOperator<String> tamperWithAuthorizeUrl) throws Exception {
        HttpResponse<String> start =
                get("http://localhost:" + port + "/oauth2/authorization/" + slug);
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = tamperWithAuthorizeUrl.apply(location(start));
        assertThat(authorize).startsWith(idp.issuerUrl("default").toString());
        HttpResponse<String> back = get(authorize);
        assertThat(back.statusCode()).isEqualTo(302);
        HttpResponse<String> landed = get(location(back));
        assertThat(landed.statusCode()).isEqualTo(302);
        return location(landed);
    }

    private int homeStatus() throws Exception {
        return get("http://localhost:" + port + "/").statusCode();
    }

    /** No session row is left for any session cookie the browser holds. */
    private void assertNoSessionLeft() {
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("SESSION")) {
                String id =
                        new String(
                                Base64.getDecoder().decode(cookie.getValue()),
                                StandardCharsets.UTF_8);
                assertThat(
                                jdbc.sql("select count(*) from spring_session where session_id = ?")
                                        .param(id)
                                        .query(Long.class)
                                        .single())
                        .isZero();
            }
        }
    }

    @Test
    void aVerifiedKnownEmailSignsIn() throws Exception {
        nextToken(List.of(CLIENT_ID), Map.of("email", email, "email_verified", true), 3600);
        String landed = signIn(url -> url);
        assertThat(landed).endsWith("/");
        HttpResponse<String> home = get("http://localhost:" + port + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Ada Lovelace");
    }

    @Test
    void signingOutOfAnSsoSessionEndsItAtTheProviderToo() throws Exception {
        var token =
                new OidcIdToken(
                        "id-token-value",
                        java.time.Instant.now(),
                        java.time.Instant.now().plusSeconds(300),
                        Map.of("sub", "sub-" + slug, "iss", idp.issuerUrl("default").toString()));
        var user =
                new TandemOidcUser(
                        new TandemUser(
                                java.util.UUID.randomUUID(), org.id(), email, "Ada", Role.EMPLOYEE),
                        token);
        var authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), slug);
        var result =
                mvc.post()
                        .uri("/logout")
                        .with(authentication(authentication))
                        .with(csrf())
                        .exchange();
        // RP-initiated logout: on to the provider's end-session endpoint with the ID token as
        // hint, by a page (a browser stops a form's redirect to another origin: form-action).
        assertThat(result).hasStatusOk();
        String page = result.getResponse().getContentAsString();
        var matcher = java.util.regex.Pattern.compile("content=\"0;url=([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        String endSession = HtmlUtils.htmlUnescape(matcher.group(1));
        assertThat(endSession)
                .startsWith(idp.issuerUrl("default").toString())
                .contains("id_token_hint=id-token-value");
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8))
                .contains("post_logout_redirect_uri=http://localhost/login?logout");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        // An ID token the provider issued to another application.
        nextToken(
                List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", true, "aud", "someone-else"),
                3600);
        assertThat(signIn(url -> url)).endsWith("/login?sso=failed");
        assertThat(homeStatus()).isEqualTo(302);
        assertNoSessionLeft();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        nextToken(List.of(CLIENT_ID), Map.of("email", email, "email_verified", true), -3600);
        assertThat(signIn(url -> url)).endsWith("/login?sso=failed");
        assertThat(homeStatus()).isEqualTo(302);
        assertNoSessionLeft();
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() throws Exception {
        nextToken(List.of(CLIENT_ID), Map.of("email", email, "email_verified", true), 3600);
        // An attacker replays an answer obtained for a different sign-in attempt.
        assertThat(signIn(url -> url.replaceAll("nonce=[^&]+", "nonce=forged-nonce")))
                .endsWith("/login?sso=failed");
        assertThat(homeStatus()).isEqualTo(302);
        assertNoSessionLeft();
    }

    @Test
    void anUnverifiedEmailIsRefused() throws Exception {
        nextToken(List.of(CLIENT_ID), Map.of("email", email, "email_verified", false), 3600);
        assertThat(signIn(url -> url)).endsWith("/login?sso=email_unverified");
        assertThat(homeStatus()).isEqualTo(302);
        assertNoSessionLeft();
        assertThat(get("http://localhost:" + port + "/login?sso=email_unverified").body())
                .contains("has not verified your e-mail address");
    }

    @Test
    void anUnknownEmailIsRefusedUnlessJustInTimeCreationIsOn() throws Exception {
        String stranger = "new@" + slug + ".test";
        nextToken(List.of(CLIENT_ID), Map.of("email", stranger, "email_verified", true), 3600);
        assertThat(signIn(url -> url)).endsWith("/login?sso=unknown_user");
        assertNoSessionLeft();
        assertThat(identity.accountState(org.id(), stranger).status())
                .isEqualTo(AccountState.Status.NONE);

        sso.save(
                org.id(),
                new SsoForm(
                        true,
                        idp.issuerUrl("default").toString(),
                        CLIENT_ID,
                        "",
                        "email",
                        true,
                        true));
        nextToken(List.of(CLIENT_ID), Map.of("email", stranger, "email_verified", true), 3600);
        assertThat(signIn(url -> url)).endsWith("/");
        assertThat(homeStatus()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationsPersonCannotSignInThroughThisProvider() throws Exception {
        TestOrganisation other = organisations.create();
        String outsider = "eve@" + other.slug() + ".test";
        identity.ensureAccount(other.id(), outsider, "Eve", "a long enough password 1", Role.ADMIN);
        nextToken(List.of(CLIENT_ID), Map.of("email", outsider, "email_verified", true), 3600);
        assertThat(signIn(url -> url)).endsWith("/login?sso=unknown_user");
        assertNoSessionLeft();
    }

    @Test
    void passwordSignInCanBeSwitchedOff() {
        assertThat(
                        mvc.post()
                                .uri("/login")
                                .with(csrf())
                                .param("username", email)
                                .param("password", "a long enough password 1"))
                .hasRedirectedUrl("/");
        sso.save(org.id(), form(false, false));
        assertThat(
                        mvc.post()
                                .uri("/login")
                                .with(csrf())
                                .param("username", email)
                                .param("password", "a long enough password 1"))
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void theSecretIsStoredEncryptedAndTheSignInPageOffersTheCompany() throws Exception {
        String stored =
                jdbc.sql("select client_secret_enc from sso_settings where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single();
        assertThat(stored).doesNotContain("s3cret");
        assertThat(sso.findByRegistrationId(slug).getClientSecret()).isEqualTo("s3cret");
        assertThat(get("http://localhost:" + port + "/login").body())
                .contains("Sign in with Test organisation " + slug)
                .contains("/oauth2/authorization/" + slug);
    }

    @Test
    void withoutAKeyTheSecretIsRefusedWithAClearMessage() {
        SsoManagement keyless =
                new SsoManagement(
                        new SsoRecords(jdbc, java.time.Clock.systemUTC()),
                        new SecretBox(""),
                        new StaticMessageSource() {
                            {
                                setUseCodeAsDefaultMessage(true);
                            }
                        },
                        event -> {});
        TestOrganisation fresh = organisations.create();
        assertThatThrownBy(() -> keyless.save(fresh.id(), form(true, false)))
                .isInstanceOf(io.tandem.shared.InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(((io.tandem.shared.InvalidInputException) e).errors())
                                        .anySatisfy(
                                                error -> {
                                                    assertThat(error.field())
                                                            .isEqualTo("clientSecret");
                                                    assertThat(error.message())
                                                            .isEqualTo("sso.secret.no-key");
                                                }));
        assertThat(keyless.settings(fresh.id()).secretStored()).isFalse();
        assertThat(
                        mvc.get()
                                .uri("/admin/sso")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "admin@x.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("Redirect address")
                .contains("/login/oauth2/code/" + slug)
                .contains("A secret is stored");
    }

    @Test
    void theAdminPageSavesAndRefusesAnUnreachableIssuerNamingTheField() {
        var admin = TestOrganisations.signedIn(org.id(), "admin@x.test", Role.ADMIN);
        assertThat(
                        mvc.post()
                                .uri("/admin/sso")
                                .with(admin)
                                .with(csrf())
                                .param("enabled", "true")
                                .param("issuerUrl", "http://127.0.0.1:9/nowhere")
                                .param("clientId", "c")
                                .param("clientSecret", "x")
                                .param("emailClaim", "email"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("could not read the OpenID configuration");
        assertThat(sso.settings(org.id()).issuerUrl())
                .isEqualTo(idp.issuerUrl("default").toString());
        assertThat(
                        mvc.post()
                                .uri("/admin/sso")
                                .with(admin)
                                .with(csrf())
                                .param("enabled", "true")
                                .param("issuerUrl", idp.issuerUrl("default").toString())
                                .param("clientId", "changed")
                                .param("emailClaim", "email")
                                .param("passwordSignIn", "true"))
                .hasRedirectedUrl("/admin/sso");
        assertThat(sso.settings(org.id()).clientId()).isEqualTo("changed");
        assertThat(sso.settings(org.id()).justInTime()).isFalse();
        assertThat(
                        mvc.get()
                                .uri("/admin/sso")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "e@x.test", Role.EMPLOYEE)))
                .hasStatus(403);
    }
}
