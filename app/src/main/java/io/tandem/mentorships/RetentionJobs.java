package io.tandem.mentorships;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.tandem.identity.OrganisationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily retention run on the shared database scheduler: a recurring task schedules one task
 * instance per organisation with a retention setting (named by organisation and day, so it is
 * scheduled once), and the scheduler runs each on one instance of the application.
 */
@Configuration(proxyBeanMethods = false)
class RetentionJobs {

    static final String DAILY = "content-retention-daily";
    static final String ORGANISATION = "content-retention-organisation";

    /** Task data: ids only. */
    record OrganisationWork(UUID organisation) {}

    @Bean
    OneTimeTask<OrganisationWork> retentionOrganisationTask(RetentionManagement retention) {
        return Tasks.oneTime(ORGANISATION, OrganisationWork.class)
                .execute(
                        (instance, context) ->
                                retention.apply(
                                        new OrganisationId(instance.getData().organisation())));
    }

    @Bean
    RecurringTask<Void> retentionDailyTask(
            RetentionManagement retention,
            OneTimeTask<OrganisationWork> retentionOrganisationTask,
            MentorshipsProperties settings) {
        return Tasks.recurring(
                        DAILY, Schedules.daily(ZoneOffset.UTC, settings.retention().dailyAt()))
                .execute(
                        (instance, context) ->
                                fanOut(
                                        retention,
                                        retentionOrganisationTask,
                                        context.getSchedulerClient()));
    }

    /** Schedules today's run for every organisation with a setting; answers how many. */
    static int fanOut(
            RetentionManagement retention,
            OneTimeTask<OrganisationWork> task,
            SchedulerClient client) {
        Instant now = retention.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int scheduled = 0;
        for (OrganisationId organisation : retention.organisationsWithRetention()) {
            if (client.scheduleIfNotExists(
                    task.instance(
                            organisation.value() + ":" + today,
                            new OrganisationWork(organisation.value())),
                    now)) {
                scheduled++;
            }
        }
        return scheduled;
    }
}
