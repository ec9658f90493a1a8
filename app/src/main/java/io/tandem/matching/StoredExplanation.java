package io.tandem.matching;

import io.tandem.matching.MatchRunView.Contribution;
import java.util.AbstractList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A proposal's explanation as read from the database: the stored JSON array, decoded only when a
 * contribution is read. Written as JSON (the run's REST answer, a copy of a locked pair) it is the
 * stored text itself: a run of thousands of pairs is answered without decoding and encoding each
 * pair's explanation again. The stored text is what {@link #encode} and {@code V87} write, so it
 * reads the same as the contributions it holds.
 */
@JsonSerialize(using = StoredExplanation.Writer.class)
final class StoredExplanation extends AbstractList<Contribution> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Contribution>> CONTRIBUTIONS = new TypeReference<>() {};
    private static final String EMPTY = "[]";

    private final String json;
    private volatile List<Contribution> decoded;

    private StoredExplanation(String json) {
        this.json = json;
    }

    /** The explanation stored as {@code json}; none when the column is empty. */
    static List<Contribution> of(String json) {
        return json == null || json.isEmpty() || EMPTY.equals(json)
                ? List.of()
                : new StoredExplanation(json);
    }

    /** The text an explanation is stored as: a JSON array of its contributions. */
    static String encode(List<Contribution> explanation) {
        return explanation instanceof StoredExplanation stored
                ? stored.json
                : JSON.writeValueAsString(explanation);
    }

    @Override
    public Contribution get(int index) {
        return contributions().get(index);
    }

    @Override
    public int size() {
        return contributions().size();
    }

    private List<Contribution> contributions() {
        List<Contribution> read = decoded;
        if (read == null) {
            read = List.copyOf(JSON.readValue(json, CONTRIBUTIONS));
            decoded = read;
        }
        return read;
    }

    /** Writes the stored text as it is. */
    static final class Writer extends StdSerializer<StoredExplanation> {

        Writer() {
            super(StoredExplanation.class);
        }

        @Override
        public void serialize(
                StoredExplanation value, JsonGenerator gen, SerializationContext context) {
            gen.writeRawValue(value.json);
        }
    }
}
