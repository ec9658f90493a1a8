package io.tandem.mentorships;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks both people of an active mentorship, {@link #NOTICE} before its planned end, to close it
 * well or agree an extension. A daily task on the shared database scheduler sweeps every
 * organisation; each reminder is claimed by a conditional update in its own transaction, so two
 * instances sweeping at once, or a sweep run twice, still ask once per planned end.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MentorshipsProperties.class)
class PlannedEndReminders {

    static final String TASK = "mentorships-planned-end";

    /** How long before the planned end the pair is asked. */
    static final Period NOTICE = Period.ofDays(14);

    private final Workspaces workspaces;
    private final ProgramManagement programs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    PlannedEndReminders(
            Workspaces workspaces,
            ProgramManagement programs,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.programs = programs;
        this.events = events;
        this.transactions = transactions;
    }

    @Bean
    RecurringTask<Void> plannedEndTask(MentorshipsProperties settings, Clock clock) {
        LocalTime at = settings.mentorships().plannedEndAt();
        return Tasks.recurring(TASK, Schedules.daily(ZoneOffset.UTC, at))
                .execute(
                        (instance, context) ->
                                remind(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    /**
     * Reminds every active mentorship whose planned end is at most {@link #NOTICE} after {@code
     * today} and that has not been reminded of that end; returns how many this call reminded.
     */
    int remind(LocalDate today) {
        Map<ProgramKey, ProgramView> seen = new HashMap<>();
        int reminded = 0;
        for (Workspaces.Due due : workspaces.dueForEndReminder()) {
            ProgramView program =
                    seen.computeIfAbsent(
                            new ProgramKey(due.organisation(), due.row().summary().programId()),
                            key -> programs.get(key.organisation(), key.program()));
            LocalDate plannedEnd = WorkspaceManagement.plannedEnd(due.row(), program);
            if (plannedEnd.minus(NOTICE).isAfter(today) || plannedEnd.equals(due.remindedFor())) {
                continue;
            }
            Boolean claimed =
                    transactions.execute(
                            status -> {
                                if (!workspaces.claimEndReminder(
                                        due.organisation(), due.row().summary().id(), plannedEnd)) {
                                    return false;
                                }
                                MentorshipSummary m = due.row().summary();
                                events.publishEvent(
                                        new PlannedEndApproaching(
                                                due.organisation(),
                                                m.id(),
                                                m.programId(),
                                                m.mentorId(),
                                                m.menteeId(),
                                                plannedEnd));
                                return true;
                            });
            if (Boolean.TRUE.equals(claimed)) {
                reminded++;
            }
        }
        return reminded;
    }

    private record ProgramKey(OrganisationId organisation, ProgramId program) {}
}
