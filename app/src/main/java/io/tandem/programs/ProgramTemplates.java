package io.tandem.programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The template catalogue, kept as data in {@code programs/templates.json}. */
@Component
class ProgramTemplates {

    private final List<ProgramTemplate> templates;

    ProgramTemplates() {
        try (InputStream in = new ClassPathResource("programs/templates.json").getInputStream()) {
            templates =
                    List.copyOf(
                            JsonMapper.builder()
                                    .build()
                                    .readValue(in, new TypeReference<List<ProgramTemplate>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        templates.forEach(
                t ->
                        t.rules()
                                .forEach(
                                        r -> {
                                            if (r.problem() != null) {
                                                throw new IllegalStateException(
                                                        "Template "
                                                                + t.key()
                                                                + " has an invalid rule "
                                                                + r);
                                            }
                                        }));
    }

    List<ProgramTemplate> all() {
        return templates;
    }

    Optional<ProgramTemplate> find(String key) {
        return key == null
                ? Optional.empty()
                : templates.stream().filter(t -> t.key().equalsIgnoreCase(key.trim())).findFirst();
    }
}
