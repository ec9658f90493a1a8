package io.tandem.programs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ProgramId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
