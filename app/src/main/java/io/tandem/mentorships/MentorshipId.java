package io.tandem.mentorships;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record MentorshipId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
