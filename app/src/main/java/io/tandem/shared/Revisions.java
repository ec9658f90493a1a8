package io.tandem.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A per-organisation revision row ({@code organisation_id uuid primary key, revision bigint}) that
 * a module moves in the transaction of every write to what it counts, so that every instance can
 * keep a view built from those rows until the number moves. No row reads as revision 0.
 */
public final class Revisions {

    /** Every revision table the application keeps, for {@link #readAll}. */
    private static final Set<String> TABLES = new ConcurrentSkipListSet<>();

    private final JdbcClient jdbc;
    private final String table;
    private final TransactionTemplate savepoint;
    private final String move;
    private final String create;
    private final String read;

    /** {@code table} is a fixed name from the module's code, never input. */
    public Revisions(JdbcClient jdbc, PlatformTransactionManager transactions, String table) {
        this.jdbc = jdbc;
        this.table = table;
        TABLES.add(table);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.move = "update " + table + " set revision = revision + 1 where organisation_id = ?";
        this.create = "insert into " + table + " (organisation_id, revision) values (?, 0)";
        this.read = "select revision from " + table + " where organisation_id = ?";
    }

    /** Moves the organisation's revision in the caller's transaction. */
    public void move(UUID organisation) {
        if (jdbc.sql(move).param(organisation).update() == 0) {
            // The first write of an organisation: create its row under a savepoint, so that of
            // two first writes racing, the second rolls back only its insert and moves the row
            // the first created. Not in a transaction of its own: that would want a second
            // connection while this one is held, and when every pooled connection is held by a
            // writer queued behind this one, none would come.
            savepoint.executeWithoutResult(
                    status -> {
                        try {
                            jdbc.sql(create).param(organisation).update();
                        } catch (DuplicateKeyException e) {
                            status.setRollbackOnly();
                        }
                    });
            jdbc.sql(move).param(organisation).update();
        }
    }

    public long read(UUID organisation) {
        return jdbc.sql(read).param(organisation).query(Long.class).optional().orElse(0L);
    }

    public String table() {
        return table;
    }

    /**
     * The organisation's revision in every revision table, by table, in one statement: a page that
     * keeps views of several modules' rows (a program's enrolment counts and its people) asks the
     * database once, not once per table.
     */
    public Map<String, Long> readAll(UUID organisation) {
        List<String> tables = List.copyOf(TABLES);
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(select revision from ")
                    .append(tables.get(i))
                    .append(" where organisation_id = ?)");
        }
        return jdbc.sql(sql.toString())
                .params(tables.stream().map(t -> (Object) organisation).toList())
                .query(
                        (rs, row) -> {
                            Map<String, Long> revisions = new HashMap<>();
                            for (int i = 0; i < tables.size(); i++) {
                                // No row reads as revision 0.
                                revisions.put(tables.get(i), rs.getLong(i + 1));
                            }
                            return revisions;
                        })
                .single();
    }
}
