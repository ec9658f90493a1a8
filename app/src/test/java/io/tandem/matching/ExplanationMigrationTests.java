package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.MatchRunView.Contribution;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database written before explanations were JSON keeps every proposal's explanation, readable in
 * the new format, after the upgrade; and the run's score total moves to its honestly named column.
 */
class ExplanationMigrationTests {

    @Test
    void anUpgradeRewritesStoredExplanationsAsJsonAndKeepsTheTotalScore() {
        DriverManagerDataSource db =
                new DriverManagerDataSource(
                        "jdbc:h2:mem:explanations-"
                                + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
        flyway(db, "85").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        UUID run = UUID.randomUUID();
        jdbc.execute("set referential_integrity false");
        jdbc.update(
                "insert into match_run (id, organisation_id, program_id, objective, algorithm,"
                        + " status, progress, total, created_at) values (?, ?, ?, 'TOTAL',"
                        + " 'OPTIMAL', 'DONE', 1, 12345, current_timestamp)",
                run,
                UUID.randomUUID(),
                UUID.randomUUID());
        for (int i = 0; i < 1500; i++) {
            jdbc.update(
                    "insert into match_proposal (run_id, mentee_id, mentor_id, score, explanation,"
                            + " locked, manual) values (?, ?, ?, 60, ?, false, false)",
                    run,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    i == 0 ? "" : "SKILLS:40:0.5000:20|LANGUAGE:10:1.0000:10");
        }
        jdbc.execute("set referential_integrity true");

        flyway(db, "latest").migrate();

        List<String> stored =
                jdbc.queryForList(
                        "select explanation from match_proposal order by explanation",
                        String.class);
        JsonMapper json = JsonMapper.builder().build();
        List<List<Contribution>> read =
                stored.stream()
                        .map(s -> json.readValue(s, new TypeReference<List<Contribution>>() {}))
                        .toList();
        assertThat(read).hasSize(1500);
        assertThat(read.get(0)).isEmpty();
        assertThat(read.subList(1, 1500))
                .allSatisfy(
                        c ->
                                assertThat(c)
                                        .containsExactly(
                                                new Contribution("SKILLS", 40, 0.5, 20),
                                                new Contribution("LANGUAGE", 10, 1.0, 10)));
        assertThat(jdbc.queryForObject("select total_score from match_run", Long.class))
                .isEqualTo(12345L);
    }

    private static Flyway flyway(DriverManagerDataSource db, String target) {
        return Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }
}
