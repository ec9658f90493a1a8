/** Mentoring pairs and their lifecycle, started when matches are published. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "people", "programs", "matching", "shared", "web"})
package io.tandem.mentorships;
