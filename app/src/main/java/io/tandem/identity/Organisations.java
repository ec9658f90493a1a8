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

    OrganisationId insert(String slug, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, slug, name, Timestamp.from(clock.instant()))
                .update();
        return new OrganisationId(id);
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
