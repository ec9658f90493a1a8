package io.tandem.people;

import java.util.Locale;
import java.util.Optional;

/** Where a person works; the field ↔ home-office template pairs opposite modes. */
public enum WorkMode {
    FIELD,
    HOME_OFFICE,
    REMOTE;

    /** Reads any case, with spaces or hyphens for the underscore ("home office"). */
    public static Optional<WorkMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (WorkMode mode : values()) {
            if (mode.name().equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
