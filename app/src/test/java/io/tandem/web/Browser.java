package io.tandem.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Browser-test harness: the system Chromium driven through Playwright, plus an axe-core check.
 *
 * <p>One {@code Browser} is meant to be shared by the tests of a class ({@code @BeforeAll} /
 * {@code @AfterAll}); every test takes its own isolated page from {@link #newPage()} and closes it
 * with {@link #closePage(Page)}.
 *
 * <p>Settings, read from an environment variable or a system property of the same name:
 *
 * <ul>
 *   <li>{@code TANDEM_CHROMIUM}: the Chromium executable (default {@code /usr/bin/chromium}).
 *   <li>{@code TANDEM_AXE_SCRIPT}: axe-core's {@code axe.min.js} (default {@code
 *       .ci/node/node_modules/axe-core/axe.min.js} in the repository, which {@code .ci/run}
 *       installs).
 *   <li>{@code TANDEM_BROWSER_REQUIRED}: when {@code true} (CI), a missing Chromium or axe-core
 *       fails the test instead of skipping it.
 * </ul>
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM_VAR = "TANDEM_CHROMIUM";
    static final String AXE_SCRIPT_VAR = "TANDEM_AXE_SCRIPT";
    static final String REQUIRED_VAR = "TANDEM_BROWSER_REQUIRED";

    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    private static final Path REPO_AXE_SCRIPT =
            Paths.get(".ci", "node", "node_modules", "axe-core", "axe.min.js");

    /** Chromium flags that work as root in a container on a machine without outside network. */
    private static final List<String> CHROMIUM_ARGS =
            List.of(
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage");

    /** The WCAG 2.0 / 2.1 level A and AA rules. */
    private static final String AXE_RUN =
            """
            async () => {
              const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
              });
              return result.violations.map(v => ({
                id: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                helpUrl: v.helpUrl,
                nodeCount: v.nodes.length,
                targets: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target))
              }));
            }
            """;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();

    private Browser(Path executable) {
        this.playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            this.chromium =
                    playwright
                            .chromium()
                            .launch(
                                    new BrowserType.LaunchOptions()
                                            .setExecutablePath(executable)
                                            .setHeadless(true)
                                            .setArgs(CHROMIUM_ARGS));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Checks that Chromium and axe-core are there, then launches Chromium. Skips the calling test
     * when either is missing, or fails it when {@code TANDEM_BROWSER_REQUIRED=true}.
     */
    public static Browser launch() {
        assumeAvailable();
        return new Browser(chromiumPath().orElseThrow());
    }

    /**
     * Skips the calling test (JUnit assumption) when Chromium or axe-core is missing; fails it
     * instead when {@code TANDEM_BROWSER_REQUIRED=true}, so that CI never skips browser tests.
     */
    public static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        if (chromiumPath().isEmpty()) {
            missing.add(
                    "Chromium (set "
                            + CHROMIUM_VAR
                            + " or install "
                            + DEFAULT_CHROMIUM
                            + "; "
                            + CHROMIUM_VAR
                            + "="
                            + setting(CHROMIUM_VAR).orElse("<unset>")
                            + ")");
        }
        if (axeScriptPath().isEmpty()) {
            missing.add(
                    "axe-core (set "
                            + AXE_SCRIPT_VAR
                            + " to axe.min.js, or run .ci/run to install it under .ci/node; "
                            + AXE_SCRIPT_VAR
                            + "="
                            + setting(AXE_SCRIPT_VAR).orElse("<unset>")
                            + ")");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests need " + String.join(" and ", missing);
        if (browserRequired()) {
            fail(message + " [" + REQUIRED_VAR + "=true, so this is a failure, not a skip]");
        }
        Assumptions.abort(message + " (skipped; set " + REQUIRED_VAR + "=true to fail instead)");
    }

    /**
     * A fresh page in its own browser context (no cookies or storage shared with other tests), with
     * axe-core loaded before each document: the app's Content-Security-Policy refuses the inline
     * script {@link #assertAccessible} would otherwise add, but not an init script.
     */
    public Page newPage() {
        return newPage(true);
    }

    /**
     * {@link #newPage()}, or with {@code javaScript} false a page whose scripts never run, to prove
     * that a form works without JavaScript (axe-core cannot run there).
     */
    public Page newPage(boolean javaScript) {
        BrowserContext context =
                chromium.newContext(
                        new com.microsoft.playwright.Browser.NewContextOptions()
                                .setJavaScriptEnabled(javaScript));
        contexts.add(context);
        axeScriptPath().ifPresent(context::addInitScript);
        return context.newPage();
    }

    /** Closes the page together with the browser context {@link #newPage()} made for it. */
    public void closePage(Page page) {
        BrowserContext context = page.context();
        contexts.remove(context);
        context.close();
    }

    /**
     * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now and fails, listing every
     * violation, if any rule is broken.
     */
    public static void assertAccessible(Page page) {
        Path axe =
                axeScriptPath()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "axe-core not found: set "
                                                        + AXE_SCRIPT_VAR
                                                        + " to the path of axe.min.js"));
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(AXE_RUN);
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder message =
                new StringBuilder()
                        .append("axe-core found ")
                        .append(violations.size())
                        .append(" accessibility violation(s) on ")
                        .append(page.url())
                        .append(':');
        for (Map<String, Object> v : violations) {
            message.append("\n  - ")
                    .append(v.get("id"))
                    .append(" [")
                    .append(v.get("impact"))
                    .append("] ")
                    .append(v.get("help"))
                    .append(" (")
                    .append(v.get("nodeCount"))
                    .append(" node(s), e.g. ")
                    .append(v.get("targets"))
                    .append(") ")
                    .append(v.get("helpUrl"));
        }
        fail(message.toString());
    }

    @Override
    public void close() {
        try {
            for (BrowserContext context : List.copyOf(contexts)) {
                context.close();
            }
            contexts.clear();
            chromium.close();
        } finally {
            playwright.close();
        }
    }

    static boolean browserRequired() {
        return setting(REQUIRED_VAR).map(Boolean::parseBoolean).orElse(false);
    }

    static Optional<Path> chromiumPath() {
        Path path = Paths.get(setting(CHROMIUM_VAR).orElse(DEFAULT_CHROMIUM));
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    static Optional<Path> axeScriptPath() {
        Optional<String> configured = setting(AXE_SCRIPT_VAR);
        if (configured.isPresent()) {
            Path path = Paths.get(configured.get());
            return Files.isReadable(path) ? Optional.of(path) : Optional.empty();
        }
        // Tests run in the module directory; look for the repository's .ci/node upwards from it.
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(REPO_AXE_SCRIPT);
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A system property, else an environment variable, of the given name; blank counts as unset.
     */
    private static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
