package io.tandem.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One form field as {@code templates/fragments/field.html} writes it (its label, the control with
 * the value as entered, the refusal inline and tied to the control by {@code aria-invalid} and
 * {@code aria-describedby}, an optional hint), written in Java for a page that shows several fields
 * on every view: each field fragment evaluated a dozen expressions, and a workspace's eight were a
 * large part of its rendering (issue 17). Labels, hints and blank choices come resolved; everything
 * is escaped here.
 */
public final class FieldHtml {

    private FieldHtml() {}

    /**
     * As {@code inputField}: {@code max} is the most characters of a text-like field, or the
     * highest number of a number field; null for none.
     */
    public static String input(
            Map<String, String> errors,
            String id,
            String name,
            String label,
            String type,
            Object value,
            Integer max,
            boolean required,
            String hint) {
        String error = error(errors, name);
        StringBuilder out = open(id, label, "input", name);
        out.append(" type=\"").append(RowHtml.escape(type)).append('"');
        if (value != null) {
            out.append(" value=\"").append(RowHtml.escape(value.toString())).append('"');
        }
        if (max != null) {
            boolean text = List.of("text", "email", "password", "url", "search").contains(type);
            if (text) {
                out.append(" maxlength=\"").append(max).append('"');
            } else if ("number".equals(type)) {
                out.append(" max=\"").append(max).append('"');
            }
        }
        control(out, required, id, error, hint).append('>');
        return close(out, id, error, hint);
    }

    /** As {@code textareaField}. */
    public static String textarea(
            Map<String, String> errors,
            String id,
            String name,
            String label,
            String value,
            int max,
            int rows,
            boolean required,
            String hint) {
        String error = error(errors, name);
        StringBuilder out = open(id, label, "textarea", name);
        out.append(" rows=\"").append(rows).append("\" maxlength=\"").append(max).append('"');
        control(out, required, id, error, hint)
                .append('>')
                .append(RowHtml.escape(value))
                .append("</textarea>");
        return close(out, id, error, hint);
    }

    /**
     * As {@code selectField} with the values shown as they are: {@code blank} is the text of an
     * empty first choice, or null for none; the choice equal to {@code selected} is selected.
     */
    public static String select(
            Map<String, String> errors,
            String id,
            String name,
            String label,
            List<?> options,
            Object selected,
            String blank,
            String hint) {
        String error = error(errors, name);
        StringBuilder out = open(id, label, "select", name);
        control(out, false, id, error, hint).append('>');
        if (blank != null) {
            out.append("<option value=\"\">").append(RowHtml.escape(blank)).append("</option>");
        }
        String chosen = selected == null ? null : selected.toString();
        for (Object option : options) {
            String value = Objects.toString(option);
            out.append("<option value=\"").append(RowHtml.escape(value)).append('"');
            if (value.equals(chosen)) {
                out.append(" selected=\"selected\"");
            }
            out.append('>').append(RowHtml.escape(value)).append("</option>");
        }
        out.append("</select>");
        return close(out, id, error, hint);
    }

    private static String error(Map<String, String> errors, String name) {
        return errors == null ? null : errors.get(name);
    }

    /** The field's label and the start of its control: the tag, its id and its name. */
    private static StringBuilder open(String id, String label, String tag, String name) {
        String escapedId = RowHtml.escape(id);
        return new StringBuilder(256)
                .append("<div class=\"field\"><label for=\"")
                .append(escapedId)
                .append("\">")
                .append(RowHtml.escape(label))
                .append("</label><")
                .append(tag)
                .append(" id=\"")
                .append(escapedId)
                .append("\" name=\"")
                .append(RowHtml.escape(name))
                .append('"');
    }

    /** The control's shared attributes: required, invalid, and what describes it. */
    private static StringBuilder control(
            StringBuilder out, boolean required, String id, String error, String hint) {
        if (required) {
            out.append(" required=\"required\"");
        }
        if (error != null) {
            out.append(" aria-invalid=\"true\"");
        }
        String described =
                ((error != null ? id + "-error " : "") + (hint != null ? id + "-hint" : ""))
                        .strip();
        if (!described.isEmpty()) {
            out.append(" aria-describedby=\"").append(RowHtml.escape(described)).append('"');
        }
        return out;
    }

    private static String close(StringBuilder out, String id, String error, String hint) {
        if (error != null) {
            out.append("<p id=\"")
                    .append(RowHtml.escape(id))
                    .append("-error\" class=\"field-error\">")
                    .append(RowHtml.escape(error))
                    .append("</p>");
        }
        if (hint != null) {
            out.append("<p id=\"")
                    .append(RowHtml.escape(id))
                    .append("-hint\" class=\"hint\">")
                    .append(RowHtml.escape(hint))
                    .append("</p>");
        }
        return out.append("</div>").toString();
    }
}
