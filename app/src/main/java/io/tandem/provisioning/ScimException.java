package io.tandem.provisioning;

import org.springframework.http.HttpStatus;

/**
 * A refusal in the SCIM error format (RFC 7644 section 3.12): a status, a {@code scimType} where
 * the RFC defines one, and a detail message code with its arguments, resolved at the edge.
 */
public class ScimException extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;
    private final transient Object[] arguments;

    public ScimException(HttpStatus status, String scimType, String code, Object... arguments) {
        super(code);
        this.status = status;
        this.scimType = scimType;
        this.arguments = arguments;
    }

    static ScimException badRequest(String scimType, String code, Object... arguments) {
        return new ScimException(HttpStatus.BAD_REQUEST, scimType, code, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    /** {@code null} where the RFC names no type (404, 412). */
    public String scimType() {
        return scimType;
    }

    public String code() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments;
    }
}
