package io.tandem.matching;

import io.tandem.matching.MatchRunView.Contribution;
import java.util.AbstractList;
import java.util.ArrayList;
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
            read = Canonical.parse(json);
            if (read == null) {
                read = List.copyOf(JSON.readValue(json, CONTRIBUTIONS));
            }
            decoded = read;
        }
        return read;
    }

    /**
     * Reads the one form every stored explanation has (what {@link #encode} and {@code V87} write:
     * the four fields in order, no spaces, criteria without escapes) in a few microseconds, where
     * Jackson took most of a review page's handler; anything else is left to Jackson.
     */
    static final class Canonical {

        private static final String CRITERION = "{\"criterion\":\"";
        private static final String WEIGHT = "\",\"weight\":";
        private static final String VALUE = ",\"value\":";
        private static final String CONTRIBUTION = ",\"contribution\":";

        private Canonical() {}

        /** The contributions, or null when the text is not in the canonical form. */
        static List<Contribution> parse(String text) {
            try {
                return contributions(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static List<Contribution> contributions(String s) {
            if (!s.startsWith("[") || !s.endsWith("]")) {
                return null;
            }
            List<Contribution> read = new ArrayList<>();
            int i = 1;
            while (i < s.length() - 1) {
                if (i > 1 && s.charAt(i++) != ',' || !s.startsWith(CRITERION, i)) {
                    return null;
                }
                int quote = s.indexOf('"', i + CRITERION.length());
                if (quote < 0 || !s.startsWith(WEIGHT, quote)) {
                    return null;
                }
                String criterion = s.substring(i + CRITERION.length(), quote);
                if (criterion.indexOf('\\') >= 0) {
                    return null;
                }
                int[] at = {quote + WEIGHT.length()};
                int weight = Integer.parseInt(number(s, at, VALUE));
                double value = Double.parseDouble(number(s, at, CONTRIBUTION));
                int contribution = Integer.parseInt(number(s, at, "}"));
                read.add(new Contribution(criterion, weight, value, contribution));
                i = at[0];
            }
            return i == s.length() - 1 ? List.copyOf(read) : null;
        }

        /** The number at {@code at[0]}, which must be followed by {@code next}; moves past both. */
        private static String number(String s, int[] at, String next) {
            int end = at[0];
            while (end < s.length() && "+-.0123456789eE".indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            if (end == at[0] || !s.startsWith(next, end)) {
                throw new NumberFormatException("not canonical");
            }
            String number = s.substring(at[0], end);
            at[0] = end + next.length();
            return number;
        }
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
