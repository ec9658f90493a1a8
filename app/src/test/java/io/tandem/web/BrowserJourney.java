package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the running application in one Chromium per class and a fresh page per test,
 * with axe-core loaded into every document by {@link Browser#newPage()}.
 */
abstract class BrowserJourney {

    static final String ADMIN = "alex.morgan@northwind.example";
    static final String MENTOR = "priya.raman@northwind.example";
    static final String MENTEE = "sam.taylor@northwind.example";
    static final String PASSWORD = "tandem-demo";

    private static Browser browser;

    @LocalServerPort int port;

    Page page;

    private final java.util.List<Page> others = new java.util.ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
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
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            browser.closePage(page);
        }
        others.forEach(browser::closePage);
        others.clear();
    }

    /** A second person's browser (an isolated context), closed after the test. */
    Page otherPage() {
        return otherPage(true);
    }

    /** {@link #otherPage()}, without JavaScript when {@code javaScript} is false. */
    Page otherPage(boolean javaScript) {
        Page other = browser.newPage(javaScript);
        other.setDefaultTimeout(20_000);
        others.add(other);
        return other;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String email) {
        signIn(page, email);
    }

    void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }

    void signOut() {
        var button =
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                        .filter(
                                new com.microsoft.playwright.Locator.FilterOptions()
                                        .setVisible(true));
        var menu = page.locator(".nav-phone summary");
        if (button.count() == 0 && menu.isVisible()) {
            menu.click(); // on a phone, sign-out sits in the navigation menu
        }
        button.click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout"));
    }
}
