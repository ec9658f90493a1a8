package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long an organisation keeps what its pairs wrote once a mentorship is over, and the removal
 * itself: notes, agendas, messages and survey free text of mentorships that ended more than that
 * many months ago. Each mentorship's content is removed once (it is marked); the daily run is on
 * the shared database scheduler ({@link RetentionJobs}), so it happens on one instance.
 */
@Service
public class RetentionManagement {

    public static final int MAX_MONTHS = 120;

    /** At most this many mentorships per transaction, so no run holds locks for long. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ObjectProvider<EndedMentorshipContent> parts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate batches;

    RetentionManagement(
            JdbcClient jdbc,
            ObjectProvider<EndedMentorshipContent> parts,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.batches = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.parts = parts;
        this.events = events;
        this.clock = clock;
    }

    /** Now, by the application's clock: the daily run names its work by this day. */
    Instant now() {
        return clock.instant();
    }

    /**
     * The months ended mentorships' content is kept, or empty to keep it for ever (the default).
     */
    @Transactional(readOnly = true)
    public Optional<Integer> months(OrganisationId organisation) {
        return jdbc.sql("select months from content_retention where organisation_id = ?")
                .param(organisation.value())
                .query(Integer.class)
                .optional();
    }

    /**
     * Sets the months (1 to {@value #MAX_MONTHS}), or keeps content for ever with {@code null}.
     *
     * @throws InvalidInputException naming {@code months}
     */
    @Transactional
    public void setMonths(OrganisationId organisation, Integer months) {
        if (months == null) {
            jdbc.sql("delete from content_retention where organisation_id = ?")
                    .param(organisation.value())
                    .update();
            return;
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw InvalidInputException.unprocessable(
                    "request.invalid",
                    List.of(InputError.field("months", "trust.retention.months.invalid")));
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql(
                                "update content_retention set months = ?, updated_at = ?"
                                        + " where organisation_id = ?")
                        .params(months, now, organisation.value())
                        .update()
                == 0) {
            jdbc.sql(
                            "insert into content_retention (organisation_id, months, updated_at)"
                                    + " values (?, ?, ?)")
                    .params(organisation.value(), months, now)
                    .update();
        }
    }

    /** Organisations that keep ended mentorships' content for a limited time. */
    @Transactional(readOnly = true)
    public List<OrganisationId> organisationsWithRetention() {
        return jdbc.sql("select organisation_id from content_retention order by organisation_id")
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * Removes the content of the organisation's mentorships that ended more than its months ago and
     * still have it, a batch at a time; answers how many mentorships it cleared.
     */
    public int apply(OrganisationId organisation) {
        int total = 0;
        int done;
        do {
            done = batches.execute(status -> applyBatch(organisation));
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int applyBatch(OrganisationId organisation) {
        Optional<Integer> months = months(organisation);
        if (months.isEmpty()) {
            return 0;
        }
        LocalDate before = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusMonths(months.get());
        // The conditional update claims the batch: a second run at the same time finds none.
        List<MentorshipId> due =
                jdbc.sql(
                                "select id from mentorship where organisation_id = ? and status <> 'ACTIVE'"
                                        + " and ended_on < ? and content_removed_at is null"
                                        + " order by ended_on, id limit ?")
                        .params(organisation.value(), Date.valueOf(before), BATCH)
                        .query((rs, n) -> new MentorshipId(rs.getObject(1, UUID.class)))
                        .list();
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<MentorshipId> claimed =
                due.stream()
                        .filter(
                                id ->
                                        jdbc.sql(
                                                                "update mentorship set content_removed_at = ?"
                                                                        + " where id = ? and content_removed_at is null")
                                                        .params(now, id.value())
                                                        .update()
                                                == 1)
                        .toList();
        if (claimed.isEmpty()) {
            return 0;
        }
        int rows = 0;
        for (EndedMentorshipContent part : parts.orderedStream().toList()) {
            rows += part.removeContent(organisation, claimed);
        }
        events.publishEvent(new MentorshipContentRemoved(organisation, claimed.size(), rows));
        return due.size();
    }
}
