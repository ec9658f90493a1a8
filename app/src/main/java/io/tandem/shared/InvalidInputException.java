package io.tandem.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Refuses a request whose input is wrong, listing every error found, with nothing written. */
public class InvalidInputException extends RuntimeException {

    private final boolean malformed;
    private final List<InputError> errors;

    private InvalidInputException(boolean malformed, String message, List<InputError> errors) {
        super(message);
        this.malformed = malformed;
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException unprocessable(String message, List<InputError> errors) {
        return new InvalidInputException(false, message, errors);
    }

    public static InvalidInputException badRequest(String message, List<InputError> errors) {
        return new InvalidInputException(true, message, errors);
    }

    /**
     * Whether the request itself is malformed (a paging parameter out of range, a file that is not
     * CSV) rather than well-formed input the rules refuse; the web edge answers 400 or 422.
     */
    public boolean malformed() {
        return malformed;
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
