package io.tandem.engagement;

import java.util.List;

/** Why a pair has its health: a message code and its arguments, resolved at the edge. */
public record Reason(String code, List<Object> args) {

    static Reason of(String code, Object... args) {
        return new Reason(code, List.of(args));
    }

    public Object[] arguments() {
        return args.toArray();
    }
}
