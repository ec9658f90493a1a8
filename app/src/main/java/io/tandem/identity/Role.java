package io.tandem.identity;

/** What an account or API token may do in its organisation. */
public enum Role {
    ADMIN,
    PROGRAM_MANAGER,
    EMPLOYEE;

    public String authority() {
        return "ROLE_" + name();
    }
}
