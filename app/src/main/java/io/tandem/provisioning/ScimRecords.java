package io.tandem.provisioning;

import io.tandem.identity.OrganisationId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SCIM's own bookkeeping: external ids, deleted users, and groups created empty. */
@Repository
class ScimRecords {

    record UserState(String externalId, boolean deleted) {}

    private final JdbcClient jdbc;

    private final Clock clock;

    ScimRecords(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Map<UUID, UserState> users(OrganisationId organisation) {
        Map<UUID, UserState> states = new HashMap<>();
        jdbc.sql(
                        "select person_id, external_id, deleted_at from scim_user"
                                + " where organisation_id = ?")
                .param(organisation.value())
                .query(
                        rs -> {
                            states.put(
                                    rs.getObject("person_id", UUID.class),
                                    new UserState(
                                            rs.getString("external_id"),
                                            rs.getTimestamp("deleted_at") != null));
                        });
        return states;
    }

    void save(OrganisationId organisation, UUID personId, String externalId) {
        int updated =
                jdbc.sql(
                                "update scim_user set external_id = ?, deleted_at = null"
                                        + " where person_id = ? and organisation_id = ?")
                        .params(externalId, personId, organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into scim_user (person_id, organisation_id, external_id)"
                                    + " values (?, ?, ?)")
                    .params(personId, organisation.value(), externalId)
                    .update();
        }
    }

    void markDeleted(OrganisationId organisation, UUID personId, String externalId) {
        save(organisation, personId, externalId);
        jdbc.sql("update scim_user set deleted_at = ? where person_id = ? and organisation_id = ?")
                .params(Timestamp.from(clock.instant()), personId, organisation.value())
                .update();
    }

    /** Group name → external id, for the groups SCIM created. */
    Map<String, String> groups(OrganisationId organisation) {
        Map<String, String> groups = new LinkedHashMap<>();
        jdbc.sql(
                        "select display_name, external_id from scim_group where organisation_id = ?"
                                + " order by display_name")
                .param(organisation.value())
                .query(
                        rs -> {
                            groups.put(rs.getString("display_name"), rs.getString("external_id"));
                        });
        return groups;
    }

    Optional<String> groupExternalId(OrganisationId organisation, String name) {
        return Optional.ofNullable(groups(organisation).get(name));
    }

    void saveGroup(OrganisationId organisation, String name, String externalId) {
        int updated =
                jdbc.sql(
                                "update scim_group set external_id = ?"
                                        + " where organisation_id = ? and display_name = ?")
                        .params(externalId, organisation.value(), name)
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into scim_group (organisation_id, display_name, external_id)"
                                    + " values (?, ?, ?)")
                    .params(organisation.value(), name, externalId)
                    .update();
        }
    }

    void deleteGroup(OrganisationId organisation, String name) {
        jdbc.sql("delete from scim_group where organisation_id = ? and display_name = ?")
                .params(organisation.value(), name)
                .update();
    }
}
