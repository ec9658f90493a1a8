package io.tandem;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Fresh organisations for tests, each with its own admin token, so tests never see each other. */
@Component
public class TestOrganisations {

    public record TestOrganisation(OrganisationId id, String slug, String adminToken) {

        public String bearer() {
            return "Bearer " + adminToken;
        }
    }

    private final IdentityManagement identity;

    public TestOrganisations(IdentityManagement identity) {
        this.identity = identity;
    }

    public TestOrganisation create() {
        String slug = "test-" + UUID.randomUUID();
        OrganisationId id = identity.ensureOrganisation(slug, "Test organisation " + slug);
        String token = identity.issueToken(id, "test admin", Role.ADMIN, "tests").secret();
        return new TestOrganisation(id, slug, token);
    }

    public String token(TestOrganisation organisation, Role role) {
        return identity.issueToken(organisation.id(), "test " + role, role, "tests").secret();
    }
}
