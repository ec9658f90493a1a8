package io.tandem.provisioning.api;

import io.tandem.provisioning.ProvisioningManagement;
import io.tandem.provisioning.ScimException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Every SCIM refusal in the SCIM error format (RFC 7644 section 3.12), never a problem detail. */
@RestControllerAdvice(assignableTypes = {ScimRestController.class, ScimDiscoveryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimExceptionHandler {

    private final ProvisioningManagement provisioning;

    ScimExceptionHandler(ProvisioningManagement provisioning) {
        this.provisioning = provisioning;
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<String> refused(ScimException refusal) {
        return error(refusal.status(), refusal.scimType(), provisioning.detail(refusal));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException e) {
        return refused(
                new ScimException(
                        HttpStatus.BAD_REQUEST, "invalidValue", "scim.parameter", e.getName()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
        return refused(
                new ScimException(
                        HttpStatus.METHOD_NOT_ALLOWED, null, "scim.method", e.getMethod()));
    }

    static ResponseEntity<String> error(HttpStatus status, String scimType, String detail) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        error.put("status", String.valueOf(status.value()));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return ResponseEntity.status(status)
                .contentType(ScimRestController.SCIM_JSON)
                .body(error.toString());
    }
}
