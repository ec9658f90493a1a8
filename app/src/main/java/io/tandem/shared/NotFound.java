package io.tandem.shared;

/** Something that does not exist in the caller's organisation, whoever else may own it. */
public class NotFound extends Refusal {

    public NotFound(String code, Object... arguments) {
        super(code, arguments);
    }
}
