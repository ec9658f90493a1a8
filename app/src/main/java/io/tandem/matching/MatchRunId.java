package io.tandem.matching;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record MatchRunId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
