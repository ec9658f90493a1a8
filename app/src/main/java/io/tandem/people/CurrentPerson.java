package io.tandem.people;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter that takes the signed-in user's own profile in their organisation:
 * an {@code Optional<PersonSummary>}, empty when the account has no profile (or nobody is signed
 * in). A {@code Supplier<Optional<PersonSummary>>} defers the look-up until it is asked for.
 * Replaces the look-up by e-mail each controller used to write.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentPerson {}
