package io.tandem.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with the input: a field of a JSON body or form, or a row and column of an
 * uploaded file (row numbers as a spreadsheet shows them, header = 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(String field, Integer row, String column, String message) {

    public static InputError field(String field, String message) {
        return new InputError(field, null, null, message);
    }

    public static InputError cell(int row, String column, String message) {
        return new InputError(null, row, column, message);
    }
}
