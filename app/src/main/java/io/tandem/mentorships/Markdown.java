package io.tandem.mentorships;

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

    String html(String text) {
        return renderer.render(parser.parse(text == null ? "" : text));
    }
}
