package io.tandem.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benches' browser: signs in through the real form, so every request carries a session. */
public final class BenchSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * A new instance at full size answers its first requests slowly (the run's mentorship mails
     * still going out on a loaded machine): a full-size H2 run once timed out here after 60 s.
     */
    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);

    private BenchSignIn() {}

    /** A client with a cookie jar that follows no redirects. */
    public static HttpClient.Builder client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** Signs the client in as {@code email} on the instance at {@code port}. */
    public static HttpClient signIn(HttpClient client, int port, String email, String password)
            throws Exception {
        String form =
                client.send(
                                HttpRequest.newBuilder(uri(port, "/login"))
                                        .timeout(SIGN_IN_TIMEOUT)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        var response =
                client.send(
                        HttpRequest.newBuilder(uri(port, "/login"))
                                .timeout(SIGN_IN_TIMEOUT)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "username="
                                                        + encode(email)
                                                        + "&password="
                                                        + encode(password)
                                                        + "&_csrf="
                                                        + encode(csrf.group(1))))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("sign-in refused: " + location);
        }
        return client;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
