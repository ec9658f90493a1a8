package io.tandem.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    IdentityBootstrap(
            IdentityManagement identity,
            @Value("${tandem.organisation-name:Tandem}") String organisationName,
            @Value("${tandem.bootstrap-token:}") String bootstrapToken,
            @Value("${tandem.admin-email:}") String adminEmail,
            @Value("${tandem.admin-password:}") String adminPassword) {
        this.identity = identity;
        this.organisationName = organisationName;
        this.bootstrapToken = bootstrapToken;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
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
