package io.tandem.people;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.KeptByRevision;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * People that pages look up one at a time — the viewer by e-mail, for every page's layout, and the
 * few people a page shows — and the reporting lines profiles show, kept on this instance until the
 * organisation's people revision moves (issue 17: on PostgreSQL each of those reads was a round
 * trip on every page, and a reporting line one per manager up to the top). Every write to a person
 * (their manager included) moves that revision in its own transaction, on any instance, and what is
 * kept is read after the revision it is kept under, so a page never shows a person or a line older
 * than the revision it read. Only GET requests use it: they write no person, so nothing is kept
 * under the revision of a write that is later rolled back.
 */
@Component
class KeptPeople {

    /** People held at most; emptied rather than grown past this. */
    static final int MAX_KEPT = 4_096;

    /** Reporting lines held at most: each holds a chain and a list of reports. */
    static final int MAX_LINES = 1_024;

    /** {@code key} is a {@link PersonId} or an e-mail address as asked. */
    private final KeptByRevision<Optional<PersonSummary>> people = new KeptByRevision<>(MAX_KEPT);

    private final KeptByRevision<ReportingLine> lines = new KeptByRevision<>(MAX_LINES);

    /** The person kept under {@code key} at {@code revision}, or what {@code read} finds. */
    Optional<PersonSummary> find(
            OrganisationId organisation,
            Object key,
            long revision,
            Supplier<Optional<PersonSummary>> read) {
        return people.find(organisation, key, revision, read);
    }

    /** What is kept under {@code key} at {@code revision}: a person, none, or not known. */
    Optional<Optional<PersonSummary>> recall(
            OrganisationId organisation, Object key, long revision) {
        return people.recall(organisation, key, revision);
    }

    void keep(
            OrganisationId organisation,
            Object key,
            long revision,
            Optional<PersonSummary> person) {
        people.keep(organisation, key, revision, person);
    }

    /** The reporting line of {@code id} kept at {@code revision}, or what {@code read} finds. */
    ReportingLine line(
            OrganisationId organisation, PersonId id, long revision, Supplier<ReportingLine> read) {
        return lines.find(organisation, id, revision, read);
    }
}
