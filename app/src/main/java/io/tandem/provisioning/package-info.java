/**
 * SCIM 2.0 provisioning (RFC 7643 / 7644) at {@code /scim/v2}: users and groups kept in step with a
 * company's identity provider. People are read and written through the people module's import cells
 * ({@link io.tandem.people.PersonRecord}), the mapping the CSV import uses too, so the two paths
 * agree on every field and share what happens when someone leaves.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "people", "shared", "web"})
package io.tandem.provisioning;
