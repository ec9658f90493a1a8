/**
 * Matching: turns a program's rules and enrolments into the engine's scores, runs bulk matching
 * with review and publishing, and self-match requests.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "people", "programs", "shared", "web"})
package io.tandem.matching;
