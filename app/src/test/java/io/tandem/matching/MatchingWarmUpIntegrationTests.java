package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipsStarted;
import io.tandem.programs.ProgramManagement;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.context.event.TestContextEvent;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The warm-up runs and publishes matching through the database on a made-up organisation and leaves
 * nothing behind: no row in any table, no event delivered after commit (so no mail, inbox item or
 * audit row after it either).
 */
@TandemIntegrationTest
@RecordApplicationEvents
class MatchingWarmUpIntegrationTests {

    @Autowired MatchingWarmUp warmUp;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    @Autowired MatchRunner runner;
    @Autowired MatchRuns runs;
    @Autowired MatchingManagement matching;
    @Autowired ProgramManagement programs;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DefaultEventPublicationRegistry registry;

    /**
     * Shutting down stops a warm-up that is still running and waits for its rollback, before the
     * database closes: closed under the warm-up's open transaction, the embedded database once kept
     * three of its made-up people.
     */
    @Test
    void stoppingMidWayWaitsForTheRollbackAndLeavesNoRow() throws Exception {
        warmUp.finished().get(2, TimeUnit.MINUTES);
        MatchingWarmUp another =
                new MatchingWarmUp(
                        runner,
                        runs,
                        matching,
                        programs,
                        jdbc,
                        registry,
                        transactions,
                        new MatchingProperties(
                                true,
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(30),
                                14,
                                2,
                                2000,
                                0,
                                Duration.ofSeconds(20)),
                        Clock.systemUTC());
        another.start();
        Thread.sleep(300);
        another.stop();

        assertThat(another.finished()).isDone();
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from person where email like '%@warm-up.invalid'",
                                Long.class))
                .isZero();
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from organisation where name = 'Warm-up'",
                                Long.class))
                .isZero();
    }

    @Test
    void writesTheRunsPairsThenLeavesNoRowAndPublishesNothing() throws Exception {
        // The context's own warm-up (at start-up, in the background) is over first.
        warmUp.finished().get(2, TimeUnit.MINUTES);
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        List<String> tables =
                jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema ="
                                + " current_schema and table_type = 'BASE TABLE'",
                        String.class);
        List<String> scoped =
                jdbc.queryForList(
                        "select table_name from information_schema.columns where table_schema ="
                                + " current_schema and lower(column_name) = 'organisation_id'",
                        String.class);
        Map<String, Long> unscopedBefore = counts(tables, scoped);

        int pairs = warmUp.rehearse(organisation, 100);

        // Every template's run wrote its pairs (read back inside the transaction)...
        assertThat(pairs).isGreaterThan(100);
        // ...and none of it, nor anything else of the organisation, is left.
        assertThat(scoped).hasSizeGreaterThan(20);
        for (String table : scoped) {
            assertThat(
                            jdbc.queryForObject(
                                    "select count(*) from \""
                                            + table
                                            + "\" where organisation_id = ?",
                                    Long.class,
                                    organisation.value()))
                    .as(table)
                    .isZero();
        }
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from organisation where id = ?",
                                Long.class,
                                organisation.value()))
                .isZero();
        // Tables without an organisation (event publications, run pairs, rules) hold as many rows.
        assertThat(counts(tables, scoped)).isEqualTo(unscopedBefore);
        // Each run was published (its mentorships started) inside the transaction; rolled back,
        // no listener after commit got the events: no publication is left to deliver (counted
        // above with the tables without an organisation), no mail, inbox item or audit row.
        assertThat(events.stream(MatchPublished.class))
                .hasSize(programs.templates().size())
                .allMatch(e -> e.organisationId().equals(organisation));
        assertThat(events.stream(MentorshipsStarted.class))
                .isNotEmpty()
                .allMatch(e -> e.organisationId().equals(organisation));
        assertThat(
                        events.stream()
                                .filter(e -> !(e instanceof TestContextEvent))
                                .filter(
                                        e ->
                                                !(e instanceof PayloadApplicationEvent<?> p
                                                        && (p.getPayload() instanceof MatchPublished
                                                                || p.getPayload()
                                                                        instanceof
                                                                        MentorshipsStarted))))
                .isEmpty();
    }

    /**
     * Spring Modulith holds each stored publication in memory until its listener completes or
     * fails; a rollback does neither, so the warm-up drops its own. Before, the context's warm-up
     * left 21 (7 publishes × 3 listeners after commit) until shutdown, and each rehearsal 21 more.
     */
    @Test
    void leavesNoEventPublicationInProgress() throws Exception {
        warmUp.finished().get(2, TimeUnit.MINUTES);
        // The context's own warm-up: its organisation is random and rolled back, so no event in
        // progress may name an organisation that does not exist.
        assertThat(organisationsInProgress())
                .allMatch(
                        id ->
                                jdbc.queryForObject(
                                                "select count(*) from organisation where id = ?",
                                                Long.class,
                                                id.value())
                                        == 1);

        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        assertThat(warmUp.rehearse(organisation, 100)).isGreaterThan(100);

        assertThat(events.stream(MentorshipsStarted.class))
                .anyMatch(e -> e.organisationId().equals(organisation));
        assertThat(organisationsInProgress()).doesNotContain(organisation);
    }

    /** The organisations of the matching events Modulith holds as in progress. */
    private List<OrganisationId> organisationsInProgress() throws Exception {
        // The registry does not expose its publications in progress; read by reflection.
        Method inProgress =
                DefaultEventPublicationRegistry.class.getDeclaredMethod(
                        "getPublicationsInProgress");
        inProgress.setAccessible(true);
        List<OrganisationId> organisations = new ArrayList<>();
        for (Object publication : (Iterable<?>) inProgress.invoke(registry)) {
            Object event = ((TargetEventPublication) publication).getEvent();
            if (event instanceof MatchPublished published) {
                organisations.add(published.organisationId());
            } else if (event instanceof MentorshipsStarted started) {
                organisations.add(started.organisationId());
            }
        }
        return organisations;
    }

    private Map<String, Long> counts(List<String> tables, List<String> scoped) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            if (!scoped.contains(table)) {
                counts.put(
                        table,
                        jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
            }
        }
        return counts;
    }
}
