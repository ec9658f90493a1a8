package io.tandem.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Organisations {

    private final JdbcClient jdbc;

    private final Clock clock;

    Organisations(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Optional<OrganisationId> findBySlug(String slug) {
        return jdbc.sql("select id from organisation where slug = ?")
                .param(slug)
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .optional();
    }

    Optional<String> slug(OrganisationId id) {
        return jdbc.sql("select slug from organisation where id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    Optional<String> name(OrganisationId id) {
        return jdbc.sql("select name from organisation where id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    /**
     * The organisation with this slug, created unless it exists: two instances starting at once on
     * one database both ask, and both get the one row.
     */
    OrganisationId ensure(String slug, String name) {
        jdbc.sql(
                        "insert into organisation (id, slug, name, created_at) values (?, ?, ?, ?)"
                                + " on conflict do nothing")
                .params(UUID.randomUUID(), slug, name, Timestamp.from(clock.instant()))
                .update();
        return findBySlug(slug).orElseThrow();
    }

    /**
     * Locks the organisation's row until the transaction ends: serialises per-organisation caps.
     */
    void lock(OrganisationId organisation) {
        jdbc.sql("select id from organisation where id = ? for update")
                .param(organisation.value())
                .query(UUID.class)
                .optional();
    }
}
