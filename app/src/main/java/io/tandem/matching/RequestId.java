package io.tandem.matching;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A self-match request from a mentee to a mentor. */
public record RequestId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
