package io.tandem.web;

import java.beans.PropertyEditorSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text no column can hold as it was sent is refused at the edge, naming the field: a NUL character
 * (PostgreSQL rejects it in text, so it used to surface as a database error) and a lone surrogate
 * (not Unicode; PostgreSQL's driver would store it as "?"). Form fields, query parameters and path
 * segments go through the binder's editor below, JSON strings through the deserializer; both fail
 * the way any wrong value of that field does, with the field's name.
 */
@ControllerAdvice
public class StorableText {

    /** Whether every character of {@code text} can be stored: no NUL, no lone surrogate. */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @InitBinder
    void refuseUnstorableText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Editor());
    }

    @Bean
    static JacksonModule storableTextModule() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
    }

    /** A form field, query parameter or path segment. */
    static final class Editor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (!storable(text)) {
                throw new IllegalArgumentException("text with a NUL or a lone surrogate");
            }
            setValue(text);
        }
    }

    /** A JSON string; the failure carries the field's path like any other wrong value. */
    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (!storable(text)) {
                throw new Unstorable(parser, text);
            }
            return text;
        }
    }

    /** The marker {@link ApiExceptionHandler} answers 422 for. */
    static final class Unstorable extends InvalidFormatException {
        Unstorable(JsonParser parser, String text) {
            super(parser, "text with a NUL or a lone surrogate", text, String.class);
        }
    }
}
