package io.tandem.provisioning;

/** The schema and message URNs of RFC 7643 / 7644, and Tandem's own user extension. */
final class ScimSchemas {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String TANDEM = "urn:ietf:params:scim:schemas:extension:tandem:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimSchemas() {}
}
