/**
 * Engagement: what each pair does (one table of pair activity fed by events from mentorships,
 * meetings and messaging), each pair's health against its program's rules, check-ins and surveys,
 * nudges, inactivity auto-close, and the program dashboard with its exports. An activity source
 * plugs in with a listener that calls {@link io.tandem.engagement.EngagementManagement#record}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "identity",
            "people",
            "programs",
            "matching",
            "mentorships",
            "notifications",
            "meetings",
            "messaging",
            "shared",
            "web"
        })
package io.tandem.engagement;
