package io.tandem.engagement;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily engagement work on the shared database scheduler: one recurring task fans out one task
 * instance per program with active pairs (named by program and day, so it is scheduled once), and
 * each instance assesses that program's pairs, nudges, warns or ends quiet pairs and asks for
 * check-ins in its own transaction. The scheduler runs each instance on one instance of the
 * application.
 */
@Configuration(proxyBeanMethods = false)
class EngagementJobs {

    static final String DAILY = "engagement-daily";
    static final String PROGRAM = "engagement-program";

    /** Task data: ids only. */
    record ProgramWork(UUID organisation, UUID program) {}

    @Bean
    OneTimeTask<ProgramWork> engagementProgramTask(EngagementManagement engagement) {
        return Tasks.oneTime(PROGRAM, ProgramWork.class)
                .execute(
                        (instance, context) ->
                                engagement.runDaily(
                                        new OrganisationId(instance.getData().organisation()),
                                        new ProgramId(instance.getData().program())));
    }

    @Bean
    RecurringTask<Void> engagementDailyTask(
            EngagementManagement engagement,
            OneTimeTask<ProgramWork> engagementProgramTask,
            EngagementProperties properties) {
        return Tasks.recurring(DAILY, Schedules.daily(ZoneOffset.UTC, properties.dailyAt()))
                .execute(
                        (instance, context) ->
                                fanOut(
                                        engagement,
                                        engagementProgramTask,
                                        context.getSchedulerClient()));
    }

    /**
     * Schedules today's work for every program with active pairs; returns how many it scheduled.
     */
    static int fanOut(
            EngagementManagement engagement,
            OneTimeTask<ProgramWork> task,
            com.github.kagkarlsson.scheduler.SchedulerClient client) {
        java.time.Instant now = engagement.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int scheduled = 0;
        for (var ref : engagement.programsWithActivePairs()) {
            String id = ref.program().value() + ":" + today;
            if (client.scheduleIfNotExists(
                    task.instance(
                            id, new ProgramWork(ref.organisation().value(), ref.program().value())),
                    now)) {
                scheduled++;
            }
        }
        return scheduled;
    }
}
