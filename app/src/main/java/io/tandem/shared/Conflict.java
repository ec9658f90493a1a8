package io.tandem.shared;

/** A request that clashes with the current state: a duplicate, or a move not allowed now. */
public class Conflict extends Refusal {

    public Conflict(String code, Object... arguments) {
        super(code, arguments);
    }
}
