package io.tandem.people;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.KeptByRevision;
import io.tandem.shared.Revisions;
import io.tandem.web.RequestMemo;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Working hours per person; a person without a row works the default hours. Every write moves the
 * organisation's working-hours revision, under which GET requests keep what they read.
 */
@Repository
class WorkingWeeks {

    /** People whose hours are kept at most. */
    static final int MAX_KEPT = 4_096;

    private final JdbcClient jdbc;
    private final Revisions revisions;
    private final KeptByRevision<Optional<WorkingHours>> kept = new KeptByRevision<>(MAX_KEPT);

    WorkingWeeks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.revisions = new Revisions(jdbc, transactions, "working_hours_revision");
    }

    /**
     * The hours of those of these people who set theirs. In a GET request, what this instance kept
     * at the organisation's current working-hours revision (the workspace shows its pair's on every
     * view); only the others are read.
     */
    Map<PersonId, WorkingHours> find(OrganisationId organisation, Collection<PersonId> people) {
        if (!RequestMemo.reading()) {
            return read(organisation, people);
        }
        long revision = RequestMemo.revision(revisions, organisation.value());
        Map<PersonId, WorkingHours> hours = new HashMap<>();
        List<PersonId> unknown = new ArrayList<>();
        for (PersonId id : people) {
            kept.recall(organisation, id, revision)
                    .ifPresentOrElse(
                            h -> h.ifPresent(set -> hours.put(id, set)), () -> unknown.add(id));
        }
        Map<PersonId, WorkingHours> read = read(organisation, unknown);
        for (PersonId id : unknown) {
            kept.keep(organisation, id, revision, Optional.ofNullable(read.get(id)));
        }
        hours.putAll(read);
        return hours;
    }

    private Map<PersonId, WorkingHours> read(
            OrganisationId organisation, Collection<PersonId> people) {
        Map<PersonId, WorkingHours> hours = new HashMap<>();
        if (people.isEmpty()) {
            return hours;
        }
        List<UUID> ids = people.stream().map(PersonId::value).distinct().toList();
        jdbc.sql(
                        "select person_id, spec from working_hours where organisation_id = :org"
                                + " and person_id in (:ids)")
                .param("org", organisation.value())
                .param("ids", ids)
                .query(
                        (rs, n) ->
                                hours.put(
                                        new PersonId(rs.getObject("person_id", UUID.class)),
                                        WorkingHours.parse(rs.getString("spec"))))
                .list();
        return hours;
    }

    void save(OrganisationId organisation, PersonId person, WorkingHours hours, Instant now) {
        revisions.move(organisation.value());
        int updated =
                jdbc.sql(
                                "update working_hours set spec = ?, updated_at = ?"
                                        + " where person_id = ? and organisation_id = ?")
                        .params(
                                hours.spec(),
                                Timestamp.from(now),
                                person.value(),
                                organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into working_hours (person_id, organisation_id, spec,"
                                    + " updated_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(person.value(), organisation.value(), hours.spec(), Timestamp.from(now))
                    .update();
        }
    }

    /** Forgets the person's hours (erasure): they work the default hours from now on. */
    void forget(OrganisationId organisation, PersonId person) {
        revisions.move(organisation.value());
        jdbc.sql("delete from working_hours where organisation_id = ? and person_id = ?")
                .params(organisation.value(), person.value())
                .update();
    }
}
