/**
 * The small shared kernel: refusals that carry a message code and its arguments, never an HTTP
 * status nor user text. Modules throw them; the web module's advices turn them into a problem
 * detail or an error page, resolving the text once, at the edge. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.tandem.shared;
