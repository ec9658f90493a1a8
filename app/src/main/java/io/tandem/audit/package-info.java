/**
 * The audit trail: who did what, when and from where, for admins and auditors. It listens to the
 * other modules' events and to Spring Security's sign-in events and never holds what a pair wrote.
 * Entries form one hash chain per organisation, so {@link io.tandem.audit.AuditLog#verify} finds an
 * entry that was edited or removed after it was written.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "identity",
            "people",
            "programs",
            "matching",
            "mentorships",
            "engagement",
            "shared",
            "web"
        })
package io.tandem.audit;
