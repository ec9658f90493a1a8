package io.tandem;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

    /** A signed-in page user of the organisation, for MockMvc requests. */
    public static RequestPostProcessor signedIn(
            OrganisationId organisation, String email, Role role) {
        TandemUser user = new TandemUser(UUID.randomUUID(), organisation, email, email, role);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    public String token(TestOrganisation organisation, Role role) {
        return identity.issueToken(organisation.id(), "test " + role, role, "tests").secret();
    }
}
