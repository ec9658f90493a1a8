/**
 * The living demo: three programs of the demo organisation in different states (enrolling, active
 * with published pairs, self-match with requests), and the demo pair's workspace at work, built
 * through the other modules' APIs only.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "identity",
            "people",
            "programs",
            "matching",
            "mentorships",
            "meetings",
            "messaging",
            "shared",
            "web"
        })
package io.tandem.demo;
