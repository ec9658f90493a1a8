package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which program a route's id belongs to, for routes whose path names something of a program
 * (a match run, an enrolment, a mentorship) rather than the program itself. A module with such
 * routes declares one bean; {@link ProgramAccess}'s rule is then applied to them without the
 * controllers repeating it.
 */
public interface ProgramOwners {

    /**
     * The program the route's ids belong to in the organisation, or empty when the route is not one
     * this module knows or the id is unknown there (the handler then answers 404 itself).
     *
     * @param pattern the matched route pattern, e.g. {@code /api/v1/match-runs/{id}}
     * @param variables the route's path variables
     */
    Optional<ProgramId> programOf(
            OrganisationId organisation, String pattern, Map<String, String> variables);

    /**
     * The program {@code sql} (parameters: the organisation, then the id) finds for a route's id;
     * empty for an id that is not a UUID or not found in the organisation.
     */
    static Optional<ProgramId> programOf(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            OrganisationId organisation,
            String sql,
            String id) {
        Optional<java.util.UUID> value = uuid(id);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(sql)
                .params(organisation.value(), value.get())
                .query(java.util.UUID.class)
                .optional()
                .map(ProgramId::new);
    }

    /** A route's id as a UUID; anything else is left to the handler's own 400 or 404. */
    static Optional<java.util.UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(java.util.UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
