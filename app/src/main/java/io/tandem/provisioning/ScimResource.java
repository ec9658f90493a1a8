package io.tandem.provisioning;

import tools.jackson.databind.node.ObjectNode;

/** A SCIM resource as answered, with the weak entity tag of its current version. */
public record ScimResource(ObjectNode json, String etag) {}
