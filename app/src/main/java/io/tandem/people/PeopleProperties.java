package io.tandem.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people module's settings, {@code tandem.*} (see {@code docs/configuration.md}). The import's
 * size limit is the web module's ({@code tandem.import.max-bytes}), shared with the request filter.
 *
 * @param demo {@code true}/{@code false} loads or skips the demo organisation; blank: only on the
 *     embedded database
 */
@ConfigurationProperties("tandem")
record PeopleProperties(@DefaultValue("") String demo, @DefaultValue Accounts accounts) {

    /** {@code tandem.accounts.activate-on-import}: the import mails activation to new people. */
    record Accounts(@DefaultValue("false") boolean activateOnImport) {}
}
