package io.tandem.people;

/**
 * Whether this instance loads the demo organisation and its programs: {@code tandem.demo=true} or
 * {@code false}, or, left blank, only on the embedded database. Decided once, here, for every
 * module that adds demo data.
 */
public record DemoMode(boolean enabled) {

    static DemoMode of(String demo, String databaseUrl) {
        return new DemoMode(
                demo.isBlank()
                        ? databaseUrl != null && databaseUrl.startsWith("jdbc:h2:")
                        : Boolean.parseBoolean(demo.trim()));
    }
}
