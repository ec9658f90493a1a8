package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the harness itself: real Chromium, and an axe-core check that catches violations. */
class BrowserHarnessTests {

    private static Browser browser;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newPage();
    }

    @AfterEach
    void closePage() {
        browser.closePage(page);
    }

    @Test
    void pageWithKnownViolationsFailsTheAccessibilityCheck() {
        page.setContent(
                """
                <!doctype html>
                <html>
                  <head><title>Broken</title></head>
                  <body>
                    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                    <input type="text" name="q">
                  </body>
                </html>
                """);

        assertThatThrownBy(() -> Browser.assertAccessible(page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label")
                .hasMessageContaining("html-has-lang")
                .hasMessageContaining("about:blank");
    }

    @Test
    void accessiblePagePassesTheAccessibilityCheck() {
        page.setContent(
                """
                <!doctype html>
                <html lang="en">
                  <head><title>Find a mentor</title></head>
                  <body>
                    <main>
                      <h1>Find a mentor</h1>
                      <form>
                        <label for="topic">Topic</label>
                        <input id="topic" type="text" name="topic">
                        <button type="submit">Search</button>
                      </form>
                    </main>
                  </body>
                </html>
                """);

        Browser.assertAccessible(page);
        assertThat(page.evaluate("() => navigator.userAgent").toString()).contains("Chrome");
    }
}
