/**
 * People and the organisation's structure: profiles, reporting lines, skills and languages, the HR
 * system import and the directory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "shared", "web"})
package io.tandem.people;
