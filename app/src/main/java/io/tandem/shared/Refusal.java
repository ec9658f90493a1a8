package io.tandem.shared;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/**
 * A request the application refuses, said as a message code and its arguments. The text is resolved
 * where the answer is written (a page, a problem detail), so a module needs no message source to
 * refuse, and an aggregate can refuse its own moves.
 */
public abstract class Refusal extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;

    protected Refusal(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public String code() {
        return code;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + Arrays.toString(arguments) + "]";
    }
}
