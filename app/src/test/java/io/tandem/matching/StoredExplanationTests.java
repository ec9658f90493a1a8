package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.people.PersonId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An explanation read from the database is written out as the stored text (no decoding and encoding
 * again) and still reads as its contributions where a page shows them.
 */
class StoredExplanationTests {

    static final String STORED =
            "[{\"criterion\":\"SKILLS\",\"weight\":40,\"value\":0.5,\"contribution\":20},"
                    + "{\"criterion\":\"LANGUAGE\",\"weight\":10,\"value\":1.0,\"contribution\":10}]";

    @Test
    void writesTheStoredTextAsItIsAndReadsItsContributions() {
        // Spaces a decode-and-encode would drop show that the text is written as stored.
        String spaced = STORED.replace(",{", ", {");
        List<Contribution> explanation = StoredExplanation.of(spaced);
        Proposal proposal =
                new Proposal(
                        new PersonId(UUID.randomUUID()),
                        new PersonId(UUID.randomUUID()),
                        30,
                        explanation,
                        false,
                        false);

        String written = JsonMapper.builder().build().writeValueAsString(proposal);

        assertThat(written).contains("\"explanation\":" + spaced + ",");
        assertThat(explanation)
                .containsExactly(
                        new Contribution("SKILLS", 40, 0.5, 20),
                        new Contribution("LANGUAGE", 10, 1.0, 10));
        assertThat(StoredExplanation.encode(explanation)).isEqualTo(spaced);
    }

    @Test
    void readsEveryStoredFormAsJacksonDoesWhetherCanonicalOrNot() {
        JsonMapper json = JsonMapper.builder().build();
        List<String> texts =
                List.of(
                        STORED,
                        "[]",
                        // As V87 rewrote the delimited form.
                        "[{\"criterion\":\"LEVEL_GAP\",\"weight\":0,\"value\":0.0,"
                                + "\"contribution\":0}]",
                        json.writeValueAsString(
                                List.of(
                                        new Contribution("TIME_ZONE", 7, 1.0E-4, 0),
                                        new Contribution("SKILLS", 45, 0.333333333333, 15),
                                        new Contribution("NEW_\"ONE", -3, -2.5, -1))),
                        STORED.replace(",{", ", {"),
                        STORED.replace(
                                "\"weight\":40,\"value\":0.5", "\"value\":0.5,\"weight\":40"));

        for (String text : texts) {
            List<Contribution> expected =
                    json.readValue(
                            text,
                            new tools.jackson.core.type.TypeReference<List<Contribution>>() {});
            assertThat(List.copyOf(StoredExplanation.of(text))).as(text).isEqualTo(expected);
        }
        assertThat(StoredExplanation.Canonical.parse(STORED)).hasSize(2);
        assertThat(StoredExplanation.Canonical.parse(STORED.replace(",{", ", {"))).isNull();
    }

    @Test
    void anEmptyExplanationIsAnEmptyListWrittenAsAnEmptyArray() {
        assertThat(StoredExplanation.of("")).isEmpty();
        assertThat(StoredExplanation.of(null)).isEmpty();
        assertThat(StoredExplanation.encode(StoredExplanation.of("[]"))).isEqualTo("[]");
    }
}
