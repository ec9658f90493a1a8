package io.tandem.meetings;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.tandem.meetings.MeetingReminders.Reminder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeetingsProperties.class)
class MeetingsConfiguration {

    /** The reminder task, run by the application's database scheduler. */
    @Bean
    Task<Reminder> meetingReminderTask(MeetingReminders reminders) {
        return reminderTask(reminders);
    }

    static Task<Reminder> reminderTask(MeetingReminders reminders) {
        return Tasks.oneTime(MeetingReminders.TASK, Reminder.class)
                .execute(
                        (instance, context) ->
                                reminders.send(
                                        instance.getData(), context.getExecution().pickedBy));
    }
}
