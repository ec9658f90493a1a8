/**
 * Organisations (tenants), accounts and roles, form login with a throttle counted in the database,
 * activation and reset links (mailed by notifications from {@link
 * io.tandem.identity.AccountLinkRequested}), API tokens and the security rules every request passes
 * through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared", "web"})
package io.tandem.identity;
