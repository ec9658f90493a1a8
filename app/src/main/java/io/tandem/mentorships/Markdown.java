package io.tandem.mentorships;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders what people write as CommonMark. Raw HTML in the text is escaped, not passed through, and
 * links other than http(s), mailto and relative ones are dropped by the renderer's URL sanitiser.
 */
@Component
class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /**
     * Rendered text by the text itself: the workspace shows the same notes on every visit, and the
     * HTML depends on nothing else, so a kept rendering can never be stale on any instance.
     */
    private final Cache<String, String> rendered =
            Caffeine.newBuilder()
                    .maximumWeight(8L * 1024 * 1024)
                    .<String, String>weigher((text, html) -> text.length() + html.length())
                    .expireAfterAccess(Duration.ofHours(1))
                    .build();

    String html(String text) {
        String source = text == null ? "" : text;
        return rendered.get(source, t -> renderer.render(parser.parse(t)));
    }
}
