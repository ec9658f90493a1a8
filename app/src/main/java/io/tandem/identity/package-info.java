/**
 * Organisations (tenants), accounts and roles, form login, API tokens and the security rules every
 * request passes through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "web")
package io.tandem.identity;
