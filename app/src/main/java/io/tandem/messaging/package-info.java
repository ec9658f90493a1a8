/**
 * Messaging: one conversation per mentorship (one per circle in GROUP programs), delivered live
 * over Server-Sent Events on every instance through PostgreSQL {@code LISTEN/NOTIFY} (in process on
 * the embedded database), with unread counts, digests and reports to the program manager.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "identity",
            "people",
            "programs",
            "mentorships",
            "notifications",
            "home",
            "shared",
            "web"
        })
package io.tandem.messaging;
