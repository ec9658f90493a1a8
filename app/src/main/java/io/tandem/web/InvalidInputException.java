package io.tandem.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Refuses a request whose input is wrong, listing every error found, with nothing written. */
public class InvalidInputException extends RuntimeException {

    private final HttpStatus status;
    private final List<InputError> errors;

    public InvalidInputException(HttpStatus status, String message, List<InputError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException unprocessable(String message, List<InputError> errors) {
        return new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT, message, errors);
    }

    public static InvalidInputException badRequest(String message, List<InputError> errors) {
        return new InvalidInputException(HttpStatus.BAD_REQUEST, message, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<InputError> errors() {
        return errors;
    }

    /**
     * What a page shows next to its fields: field name to message (a code or a text), the first
     * error of each field.
     */
    public Map<String, String> byField() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (InputError error : errors) {
            if (error.field() != null) {
                fields.putIfAbsent(error.field(), error.message());
            }
        }
        return fields;
    }
}
