package io.tandem.identity;

import java.util.UUID;

/**
 * Who is calling: a signed-in account, or an API token acting for its organisation. Controllers
 * take it as a parameter; every query they make is scoped by its organisation.
 *
 * @param accountId the account, or {@code null} for an API token
 */
public record TandemUser(
        UUID accountId, OrganisationId organisationId, String email, String displayName, Role role)
        implements java.io.Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean managesPrograms() {
        return role == Role.ADMIN || role == Role.PROGRAM_MANAGER;
    }

    /** The caller of the current request, when somebody is signed in or holds a token. */
    public static java.util.Optional<TandemUser> current() {
        try {
            return java.util.Optional.of(
                    TandemUserArgumentResolver.currentUser(
                            org.springframework.security.core.context.SecurityContextHolder
                                    .getContext()
                                    .getAuthentication()));
        } catch (
                org.springframework.security.authentication
                                .AuthenticationCredentialsNotFoundException
                        e) {
            return java.util.Optional.empty();
        }
    }
}
