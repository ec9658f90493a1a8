package io.tandem.audit;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditEntries {

    private static final String COLUMNS =
            "id, seq, occurred_at, actor_kind, actor_id, actor_label, action, target_type,"
                    + " target_id, detail, address, previous_hash, hash";

    record Head(long seq, String hash) {}

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The end of the organisation's chain, locked until the transaction ends; created (and locked)
     * on the organisation's first entry.
     */
    Head lockHead(OrganisationId organisation) {
        Optional<Head> head = selectHead(organisation);
        if (head.isPresent()) {
            return head.get();
        }
        jdbc.sql(
                        "insert into audit_head (organisation_id, seq, hash) values (?, 0, ?)"
                                + " on conflict do nothing")
                .params(organisation.value(), AuditChain.GENESIS)
                .update();
        return selectHead(organisation).orElseThrow();
    }

    private Optional<Head> selectHead(OrganisationId organisation) {
        return jdbc.sql("select seq, hash from audit_head where organisation_id = ? for update")
                .param(organisation.value())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    Optional<Head> head(OrganisationId organisation) {
        return jdbc.sql("select seq, hash from audit_head where organisation_id = ?")
                .param(organisation.value())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    void append(OrganisationId organisation, String labelDigest, AuditEntry e) {
        insert(organisation, labelDigest, e);
        jdbc.sql("update audit_head set seq = ?, hash = ? where organisation_id = ?")
                .params(e.seq(), e.hash(), organisation.value())
                .update();
    }

    void insert(OrganisationId organisation, String labelDigest, AuditEntry e) {
        jdbc.sql(
                        "insert into audit_entry (organisation_id, actor_label_digest, "
                                + COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        organisation.value(),
                        labelDigest,
                        e.id(),
                        e.seq(),
                        Timestamp.from(e.occurredAt()),
                        e.actorKind(),
                        e.actorId(),
                        e.actorLabel(),
                        e.action(),
                        e.targetType(),
                        e.targetId(),
                        e.detail(),
                        e.address(),
                        e.previousHash(),
                        e.hash())
                .update();
    }

    List<AuditEntry> find(OrganisationId organisation, AuditQuery query, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, query, params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from audit_entry where "
                                + where
                                + " order by seq desc limit ? offset ?")
                .params(params)
                .query(AuditEntries::entry)
                .list();
    }

    long count(OrganisationId organisation, AuditQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, query, params);
        return jdbc.sql("select count(*) from audit_entry where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Every matching entry, oldest first, one at a time (the whole log may be large). */
    void each(OrganisationId organisation, AuditQuery query, Consumer<AuditEntry> action) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, query, params);
        jdbc.sql("select " + COLUMNS + " from audit_entry where " + where + " order by seq")
                .params(params)
                .query(
                        rs -> {
                            action.accept(entry(rs, 0));
                        });
    }

    /** Every entry of the organisation, oldest first, with the digest its label was chained by. */
    void eachWithDigest(OrganisationId organisation, BiConsumer<AuditEntry, String> action) {
        jdbc.sql(
                        "select "
                                + COLUMNS
                                + ", actor_label_digest from audit_entry where organisation_id = ?"
                                + " order by seq")
                .param(organisation.value())
                .query(
                        rs -> {
                            action.accept(entry(rs, 0), rs.getString(14));
                        });
    }

    /**
     * Replaces an erased person's e-mail where it names the actor; entries from before label
     * digests keep it, since changing them would break the chain.
     */
    int replaceLabel(OrganisationId organisation, String label, String replacement) {
        return jdbc.sql(
                        "update audit_entry set actor_label = ? where organisation_id = ?"
                                + " and lower(actor_label) = lower(?) and actor_label_digest is not null")
                .params(replacement, organisation.value(), label)
                .update();
    }

    private static String where(
            OrganisationId organisation, AuditQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder("organisation_id = ?");
        params.add(organisation.value());
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and lower(actor_label) like ? escape '\\'");
            params.add("%" + like(query.actor().strip().toLowerCase()) + "%");
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" and action = ?");
            params.add(query.action().strip());
        }
        return where.toString();
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(
                rs.getObject(1, java.util.UUID.class),
                rs.getLong(2),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4),
                rs.getObject(5, java.util.UUID.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }
}
