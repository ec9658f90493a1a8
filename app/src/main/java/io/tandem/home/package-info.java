/**
 * The home page: what needs each person now (invitations, requests, approvals), their mentorships
 * and the programs they can join, and for program managers their programs at a glance. It only
 * reads other modules' APIs. Modules that add to a mentorship's card (the next meeting, open action
 * items) implement {@link io.tandem.home.MentorshipHighlights}.
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
package io.tandem.home;
