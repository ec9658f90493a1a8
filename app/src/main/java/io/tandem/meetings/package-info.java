/**
 * Meetings across time zones: slots inside both people's working hours, recurring meetings as RFC
 * 5545 rules, iCalendar invitations by e-mail and a private feed per person, video links, whether a
 * meeting took place and its notes, and reminders sent once per cluster.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "identity",
            "people",
            "programs",
            "mentorships",
            "notifications",
            "shared",
            "web"
        })
package io.tandem.meetings;
