package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** Rows written in Java escape text exactly as the pages did through HtmlUtils. */
class RowHtmlTests {

    @Test
    void everyCharacterIsEscapedAsHtmlUtilsEscapesItForUtf8() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "b" + c;
            assertThat(RowHtml.escape(text))
                    .as("U+%04X", (int) c)
                    .isEqualTo(HtmlUtils.htmlEscape(text, "UTF-8"));
        }
        assertThat(RowHtml.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void textWithNothingToEscapeIsWrittenAsItIs() {
        String name = "Priya Raman \u2014 caf\u00e9";
        assertThat(RowHtml.escape(name)).isSameAs(name);
        assertThat(RowHtml.escape(null)).isEmpty();
        assertThat(RowHtml.escape("")).isEmpty();
    }
}
