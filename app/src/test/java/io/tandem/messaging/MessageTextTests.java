package io.tandem.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTests {

    @Test
    void escapesEverythingAndLinksOnlyWebAndMailAddresses() {
        assertThat(MessageText.html("<script>alert(1)</script> & \"quotes\""))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(MessageText.html("See https://example.org/a?b=1&c=2 now"))
                .isEqualTo(
                        "See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener"
                                + " noreferrer\">https://example.org/a?b=1&amp;c=2</a> now");
        assertThat(MessageText.html("www.example.org"))
                .contains("href=\"https://www.example.org\"");
        assertThat(MessageText.html("mail ann@example.org"))
                .contains("href=\"mailto:ann@example.org\"");
        // The URL pattern matches these schemes too; they must stay text.
        assertThat(MessageText.html("javascript://%0aalert(1)")).doesNotContain("<a");
        assertThat(MessageText.html("data://text/html,<b>x</b>"))
                .doesNotContain("<a")
                .doesNotContain("<b>");
        assertThat(MessageText.html("https://x.org/\"onmouseover=\"alert(1)"))
                .doesNotContain("\"onmouseover");
        assertThat(MessageText.html("line one\nline two")).isEqualTo("line one<br>\nline two");
    }
}
