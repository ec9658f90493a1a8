package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.KeptByRevision;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Revisions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/** Programs and their rules; every statement is scoped by organisation. */
@Repository
class Programs {

    private static final String COLUMNS =
            "id, name, description, template, format, starts_on, ends_on, meeting_cadence,"
                    + " relationship_months, matching_mode, default_capacity, enrolment_opens_on,"
                    + " enrolment_closes_on, approval_required, status, agreement_text, suggested_goals,"
                    + " minimum_score";
    private static final String QUALIFIED =
            Arrays.stream(COLUMNS.split(","))
                    .map(c -> "p." + c.strip())
                    .collect(Collectors.joining(", "));
    private static final String GOAL_SEPARATOR = "\n";

    /** Programs kept at most, each with its rules. */
    static final int MAX_KEPT = 1_024;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Revisions revisions;

    private final KeptByRevision<Optional<Found>> kept = new KeptByRevision<>(MAX_KEPT);

    Programs(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.revisions = new Revisions(jdbc, transactions, "program_revision");
    }

    void insert(OrganisationId organisation, ProgramView p) {
        revisions.move(organisation.value());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(
                        "insert into program ("
                                + COLUMNS
                                + ", organisation_id, created_at, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id().value(),
                        p.name(),
                        p.description(),
                        p.template(),
                        p.format().name(),
                        date(p.startsOn()),
                        date(p.endsOn()),
                        p.meetingCadence().name(),
                        p.relationshipMonths(),
                        p.matchingMode().name(),
                        p.defaultCapacity(),
                        date(p.enrolmentOpensOn()),
                        date(p.enrolmentClosesOn()),
                        p.approvalRequired(),
                        p.status().name(),
                        p.agreementText(),
                        String.join(GOAL_SEPARATOR, p.suggestedGoals()),
                        p.minimumScore(),
                        organisation.value(),
                        now,
                        now)
                .update();
        replaceRules(organisation, p.id(), p.rules());
    }

    void replaceRules(OrganisationId organisation, ProgramId id, List<MatchingRule> rules) {
        revisions.move(organisation.value());
        jdbc.sql("delete from program_rule where program_id = ?").param(id.value()).update();
        for (int i = 0; i < rules.size(); i++) {
            MatchingRule r = rules.get(i);
            jdbc.sql(
                            "insert into program_rule (program_id, position, criterion, kind, hard, weight,"
                                    + " parameter) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id.value(),
                            i,
                            r.criterion().name(),
                            r.kind().name(),
                            r.hard(),
                            r.hard() ? 0 : r.weight(),
                            r.parameter())
                    .update();
        }
        touch(id);
    }

    boolean updateStatus(
            OrganisationId organisation, ProgramId id, ProgramStatus from, ProgramStatus to) {
        revisions.move(organisation.value());
        return jdbc.sql(
                                "update program set status = ?, updated_at = ? where id = ? and organisation_id = ?"
                                        + " and status = ?")
                        .params(
                                to.name(),
                                Timestamp.from(clock.instant()),
                                id.value(),
                                organisation.value(),
                                from.name())
                        .update()
                > 0;
    }

    void updateMinimumScore(OrganisationId organisation, ProgramId id, int minimumScore) {
        revisions.move(organisation.value());
        jdbc.sql(
                        "update program set minimum_score = ?, updated_at = ? where id = ?"
                                + " and organisation_id = ?")
                .params(
                        minimumScore,
                        Timestamp.from(clock.instant()),
                        id.value(),
                        organisation.value())
                .update();
    }

    boolean shareGoals(OrganisationId organisation, ProgramId id, boolean share) {
        revisions.move(organisation.value());
        return jdbc.sql(
                                "update program set shares_goals = ?, updated_at = ? where id = ?"
                                        + " and organisation_id = ?")
                        .params(
                                share,
                                Timestamp.from(clock.instant()),
                                id.value(),
                                organisation.value())
                        .update()
                > 0;
    }

    private void touch(ProgramId id) {
        jdbc.sql("update program set updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), id.value())
                .update();
    }

    /** A program with its rules, and whether its pairs share their goals. */
    record Found(ProgramView program, boolean sharesGoals) {}

    /**
     * The program, its rules and its goal sharing in one statement (one row per rule): pages read
     * their program on every request, and on PostgreSQL each statement is a round trip. In a GET
     * request, what this instance kept at the organisation's current program revision (every write
     * above moves it in the write's transaction).
     */
    Optional<Found> find(OrganisationId organisation, ProgramId id) {
        return io.tandem.web.RequestMemo.kept(
                kept, revisions, organisation.value(), id, () -> read(organisation, id));
    }

    private Optional<Found> read(OrganisationId organisation, ProgramId id) {
        List<Found> rows =
                jdbc.sql(
                                "select "
                                        + QUALIFIED
                                        + ", p.shares_goals, r.criterion, r.kind, r.hard, r.weight,"
                                        + " r.parameter from program p left join program_rule r on"
                                        + " r.program_id = p.id where p.organisation_id = ? and"
                                        + " p.id = ? order by r.position")
                        .params(organisation.value(), id.value())
                        .query(
                                (rs, n) ->
                                        new Found(
                                                map(
                                                        rs,
                                                        rs.getString("criterion") == null
                                                                ? List.of()
                                                                : List.of(rule(rs))),
                                                rs.getBoolean("shares_goals")))
                        .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<MatchingRule> rules =
                rows.stream().flatMap(row -> row.program().rules().stream()).toList();
        return Optional.of(
                new Found(withRules(rows.get(0).program(), rules), rows.get(0).sharesGoals()));
    }

    List<ProgramView> list(OrganisationId organisation, boolean includeDrafts, PageQuery page) {
        List<ProgramView> programs =
                jdbc.sql(
                                "select "
                                        + COLUMNS
                                        + " from program where organisation_id = ?"
                                        + (includeDrafts ? "" : " and status <> 'DRAFT'")
                                        + " order by created_at desc, name, id limit ? offset ?")
                        .params(organisation.value(), page.size(), page.offset())
                        .query((rs, n) -> map(rs, List.of()))
                        .list();
        Map<UUID, List<MatchingRule>> rules =
                rules(programs.stream().map(ProgramView::id).toList());
        return programs.stream()
                .map(p -> withRules(p, rules.getOrDefault(p.id().value(), List.of())))
                .toList();
    }

    /** The open programs and the drafts the person manages, newest first. */
    List<ProgramView> listForManager(OrganisationId organisation, UUID person, PageQuery page) {
        List<ProgramView> programs =
                jdbc.sql(
                                "select "
                                        + COLUMNS
                                        + " from program where organisation_id = ?"
                                        + MANAGED_OR_OPEN
                                        + " order by created_at desc, name, id limit ? offset ?")
                        .params(organisation.value(), person, page.size(), page.offset())
                        .query((rs, n) -> map(rs, List.of()))
                        .list();
        Map<UUID, List<MatchingRule>> rules =
                rules(programs.stream().map(ProgramView::id).toList());
        return programs.stream()
                .map(p -> withRules(p, rules.getOrDefault(p.id().value(), List.of())))
                .toList();
    }

    long countForManager(OrganisationId organisation, UUID person) {
        return jdbc.sql("select count(*) from program where organisation_id = ?" + MANAGED_OR_OPEN)
                .params(organisation.value(), person)
                .query(Long.class)
                .single();
    }

    private static final String MANAGED_OR_OPEN =
            " and (status <> 'DRAFT' or id in (select program_id from program_manager"
                    + " where person_id = ?))";

    long count(OrganisationId organisation, boolean includeDrafts) {
        return jdbc.sql(
                        "select count(*) from program where organisation_id = ?"
                                + (includeDrafts ? "" : " and status <> 'DRAFT'"))
                .param(organisation.value())
                .query(Long.class)
                .single();
    }

    private Map<UUID, List<MatchingRule>> rules(List<ProgramId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(", "));
        record Row(UUID program, MatchingRule rule) {}
        return jdbc
                .sql(
                        "select program_id, criterion, kind, hard, weight, parameter from program_rule"
                                + " where program_id in ("
                                + marks
                                + ") order by program_id, position")
                .params(ids.stream().map(ProgramId::value).map(Object.class::cast).toList())
                .query((rs, n) -> new Row(rs.getObject("program_id", UUID.class), rule(rs)))
                .list()
                .stream()
                .collect(
                        Collectors.groupingBy(
                                Row::program, Collectors.mapping(Row::rule, Collectors.toList())));
    }

    private static MatchingRule rule(ResultSet rs) throws SQLException {
        int parameter = rs.getInt("parameter");
        Integer boxed = rs.wasNull() ? null : parameter;
        return new MatchingRule(
                Criterion.valueOf(rs.getString("criterion")),
                RuleKind.valueOf(rs.getString("kind")),
                rs.getBoolean("hard"),
                rs.getInt("weight"),
                boxed);
    }

    private static ProgramView withRules(ProgramView p, List<MatchingRule> rules) {
        return new ProgramView(
                p.id(),
                p.name(),
                p.description(),
                p.template(),
                p.format(),
                p.startsOn(),
                p.endsOn(),
                p.meetingCadence(),
                p.relationshipMonths(),
                p.matchingMode(),
                p.defaultCapacity(),
                p.enrolmentOpensOn(),
                p.enrolmentClosesOn(),
                p.approvalRequired(),
                p.status(),
                p.agreementText(),
                p.suggestedGoals(),
                rules,
                p.minimumScore());
    }

    private static ProgramView map(ResultSet rs, List<MatchingRule> rules) throws SQLException {
        String goals = rs.getString("suggested_goals");
        return new ProgramView(
                new ProgramId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("template"),
                ProgramFormat.valueOf(rs.getString("format")),
                local(rs.getDate("starts_on")),
                local(rs.getDate("ends_on")),
                MeetingCadence.valueOf(rs.getString("meeting_cadence")),
                rs.getInt("relationship_months"),
                MatchingMode.valueOf(rs.getString("matching_mode")),
                rs.getInt("default_capacity"),
                local(rs.getDate("enrolment_opens_on")),
                local(rs.getDate("enrolment_closes_on")),
                rs.getBoolean("approval_required"),
                ProgramStatus.valueOf(rs.getString("status")),
                rs.getString("agreement_text"),
                goals == null || goals.isEmpty() ? List.of() : List.of(goals.split(GOAL_SEPARATOR)),
                rules,
                rs.getInt("minimum_score"));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
