/**
 * Mentoring programs: templates for the seed's relationship types, the program lifecycle, matching
 * rules, and enrolment of mentors and mentees.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "people", "shared", "web"})
package io.tandem.programs;
