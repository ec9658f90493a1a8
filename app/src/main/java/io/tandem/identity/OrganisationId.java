package io.tandem.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** The tenant every row of tenant data belongs to. */
public record OrganisationId(@JsonValue UUID value) implements java.io.Serializable {

    public OrganisationId {
        if (value == null) {
            throw new IllegalArgumentException("organisation id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
