package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form fields written in Java, as the field fragments write them. */
class FieldHtmlTests {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Test
    void whatPeopleTypedIsEscapedInEveryKindOfField() {
        String input =
                FieldHtml.input(Map.of(), "t", "title", "Title", "text", SCRIPT, 100, false, null);
        String textarea =
                FieldHtml.textarea(null, "b", "body", "Body", SCRIPT, 100, 3, false, null);
        String select =
                FieldHtml.select(
                        Map.of(),
                        "s",
                        "skill",
                        "Skill",
                        List.of(SCRIPT, "R&D"),
                        SCRIPT,
                        "None",
                        null);

        assertThat(input).contains("value=\"" + ESCAPED + "\"").doesNotContain("<script>");
        assertThat(textarea).contains(">" + ESCAPED + "</textarea>").doesNotContain("<script>");
        assertThat(select)
                .contains(
                        "<option value=\""
                                + ESCAPED
                                + "\" selected=\"selected\">"
                                + ESCAPED
                                + "</option>")
                .contains("<option value=\"R&amp;D\">R&amp;D</option>")
                .doesNotContain("<script>");
    }

    @Test
    void aRefusalIsShownNextToItsControlAndTiedToIt() {
        String html =
                FieldHtml.input(
                        Map.of("dueOn", "Enter a date as <YYYY-MM-DD>."),
                        "action-due",
                        "dueOn",
                        "Due",
                        "date",
                        null,
                        null,
                        false,
                        "Optional");

        assertThat(html)
                .contains("<label for=\"action-due\">Due</label>")
                .contains(
                        "<input id=\"action-due\" name=\"dueOn\" type=\"date\" aria-invalid=\"true\""
                                + " aria-describedby=\"action-due-error action-due-hint\">")
                .contains(
                        "<p id=\"action-due-error\" class=\"field-error\">Enter a date as"
                                + " &lt;YYYY-MM-DD&gt;.</p>")
                .contains("<p id=\"action-due-hint\" class=\"hint\">Optional</p>");
    }

    @Test
    void anEmptyFieldHasItsLabelAndLimitAndNoRefusal() {
        String text = FieldHtml.input(Map.of(), "a", "title", "New", "text", null, 10, true, null);
        String date =
                FieldHtml.input(
                        Map.of(),
                        "d",
                        "on",
                        "On",
                        "date",
                        LocalDate.of(2030, 1, 2),
                        10,
                        false,
                        null);
        String area = FieldHtml.textarea(Map.of(), "n", "body", "Note", null, 10, 3, false, "Hint");

        assertThat(text)
                .isEqualTo(
                        "<div class=\"field\"><label for=\"a\">New</label><input id=\"a\""
                                + " name=\"title\" type=\"text\" maxlength=\"10\""
                                + " required=\"required\"></div>");
        assertThat(date).contains("value=\"2030-01-02\"").doesNotContain("max");
        assertThat(area)
                .contains("rows=\"3\" maxlength=\"10\" aria-describedby=\"n-hint\"></textarea>")
                .doesNotContain("aria-invalid")
                .doesNotContain("field-error");
    }
}
