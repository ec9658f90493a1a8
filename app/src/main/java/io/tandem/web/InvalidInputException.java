package io.tandem.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

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

    /**
     * Refuses a page form that did not bind (a word where a number or date belongs) or broke a Bean
     * Validation constraint of its record, with status 422 and each field's message as text ({@code
     * Size}, {@code NotBlank}, {@code typeMismatch}… in {@code messages.properties}), so the page
     * shows it inline like the module's own refusals.
     *
     * @throws InvalidInputException when the binding holds any error
     */
    public static void check(BindingResult binding, MessageSource messages) {
        if (!binding.hasErrors()) {
            return;
        }
        List<InputError> found = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            found.add(
                    InputError.field(
                            error.getField(),
                            messages.getMessage(error, LocaleContextHolder.getLocale())));
        }
        binding.getGlobalErrors()
                .forEach(
                        error ->
                                found.add(
                                        new InputError(
                                                null,
                                                null,
                                                null,
                                                messages.getMessage(
                                                        error, LocaleContextHolder.getLocale()))));
        throw unprocessable("request.invalid", found);
    }
}
