package io.tandem.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: the default organisation exists, and so do the first admin account and the bootstrap
 * API token when the environment asks for them. Secrets are never logged.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityManagement identity;
    private final String organisationName;
    private final String bootstrapToken;
    private final String adminEmail;
    private final String adminPassword;

    IdentityBootstrap(IdentityManagement identity, IdentityProperties properties) {
        this.identity = identity;
        this.organisationName = properties.organisationName();
        this.bootstrapToken = properties.bootstrapToken();
        this.adminEmail = properties.adminEmail();
        this.adminPassword = properties.adminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        OrganisationId organisation =
                identity.ensureOrganisation(
                        IdentityManagement.DEFAULT_ORGANISATION, organisationName);
        if (!bootstrapToken.isBlank()) {
            identity.ensureToken(organisation, bootstrapToken.trim(), "bootstrap", Role.ADMIN);
            log.info("Bootstrap API token is in place for the default organisation");
        }
        if (!adminEmail.isBlank() && !adminPassword.isBlank()) {
            identity.ensureAccount(
                    organisation, adminEmail, "Administrator", adminPassword, Role.ADMIN);
            log.info("Admin account {} is in place", adminEmail);
        }
    }
}
