package io.tandem.notifications;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class NotificationConfiguration {

    /** The daily digests, looked for every quarter of an hour, on one instance at a time. */
    @Bean
    Task<Void> notificationDigestTask(
            NotificationDigests digests, NotificationManagement notifications) {
        return Tasks.recurring("notification-daily-digest", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> digests.run(notifications));
    }
}
