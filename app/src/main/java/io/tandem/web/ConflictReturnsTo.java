package io.tandem.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a page action goes when the module refuses it with a {@link io.tandem.shared.Conflict} (the
 * state changed meanwhile, a move not allowed now): back to this address, its variables filled in
 * from the request's path variables, else its parameters, with the refusal's text at the top of the
 * page. The handler itself catches nothing; {@code PageExceptionHandler} resolves the code once,
 * here at the edge.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConflictReturnsTo {

    /** A URI template such as {@code /programs/{id}#enrolments} or {@code /x/{id}?kind={kind}}. */
    String value();
}
