/**
 * Notifications: e-mail written to a transactional outbox with the business change that causes it,
 * delivered over SMTP by a poller that any number of instances can run, and the development outbox
 * page where mail stays readable when no SMTP server is configured.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "identity",
            "people",
            "programs",
            "matching",
            "mentorships",
            "shared",
            "web"
        })
package io.tandem.notifications;
