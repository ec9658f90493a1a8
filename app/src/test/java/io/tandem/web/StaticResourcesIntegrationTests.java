package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Static files under content-hashed names, kept a year by browsers; text answers compressed. */
@TandemIntegrationTest
class StaticResourcesIntegrationTests {

    private static final Pattern STYLESHEET =
            Pattern.compile("href=\"(/css/tandem-[0-9a-f]{32}\\.css)\"");
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/js/tandem-[0-9a-f]{32}\\.js)\"");
    private static final Pattern HTMX =
            Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"");

    @Value("${local.server.port}")
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pagesLinkHashedNamesThatBrowsersMayKeepAYear() throws Exception {
        String page = get("/login", false).body();
        for (Pattern link : new Pattern[] {STYLESHEET, SCRIPT, HTMX}) {
            Matcher matcher = link.matcher(page);
            assertThat(matcher.find()).as("%s in the sign-in page", link).isTrue();
            HttpResponse<String> file = get(matcher.group(1), false);
            assertThat(file.statusCode()).as(matcher.group(1)).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse(""))
                    .as(matcher.group(1))
                    .contains("max-age=31536000")
                    .doesNotContain("no-store");
        }
    }

    @Test
    void pagesAndStaticTextAreCompressedForClientsThatAcceptIt() throws Exception {
        String page = get("/login", false).body();
        Matcher stylesheet = STYLESHEET.matcher(page);
        assertThat(stylesheet.find()).isTrue();
        for (String path : new String[] {"/login", stylesheet.group(1)}) {
            HttpResponse<String> plain = get(path, false);
            HttpResponse<String> gzipped = get(path, true);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
        }
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
