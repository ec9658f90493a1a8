package io.tandem.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record PersonId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
