package io.tandem.identity;

/** What a one-time link in a mail lets its reader do: set a first password, or a new one. */
public enum AccountLinkPurpose {
    ACTIVATION,
    RESET;

    /** The page the link opens, before {@code ?token=}. */
    public String path() {
        return this == ACTIVATION ? "/account/activate" : "/account/reset";
    }
}
