package io.tandem.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.thymeleaf.context.ILazyContextVariable;

/**
 * A number every page's layout shows (unread messages, unread notifications), counted by one select
 * of a single value that the module owning it writes. {@link ReadBeforeRendering} reads all of a
 * page's counts in one statement ({@code select (a), (b)}): each count alone cost a page a
 * statement of its own, on PostgreSQL a round trip (issue 17). Read on its own where nothing read
 * it before.
 */
public final class LayoutCount implements ILazyContextVariable<Long> {

    /**
     * A select of one number and its parameters; the SQL is fixed in the owning module's code, the
     * parameters are bound.
     */
    public record Query(String select, List<Object> params) {}

    private final JdbcClient jdbc;
    private final Supplier<Query> query;
    private Query resolved;
    private boolean asked;
    private boolean loaded;
    private Long value;

    /** {@code query} gives null when there is nothing to count: the figure is then null. */
    public LayoutCount(JdbcClient jdbc, Supplier<Query> query) {
        this.jdbc = jdbc;
        this.query = query;
    }

    @Override
    public Long getValue() {
        if (!loaded) {
            Query q = query();
            set(
                    q == null
                            ? null
                            : jdbc.sql(q.select()).params(q.params()).query(Long.class).single());
        }
        return value;
    }

    /** Reads every count not read yet in one statement. */
    static void readTogether(List<LayoutCount> counts) {
        List<LayoutCount> waiting = new ArrayList<>();
        for (LayoutCount count : counts) {
            if (count.loaded) {
                continue;
            }
            if (count.query() == null) {
                count.set(null);
            } else {
                waiting.add(count);
            }
        }
        if (waiting.size() < 2) {
            waiting.forEach(LayoutCount::getValue);
            return;
        }
        StringBuilder sql = new StringBuilder("select ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            Query q = waiting.get(i).query();
            sql.append(i == 0 ? "(" : ", (").append(q.select()).append(')');
            params.addAll(q.params());
        }
        waiting.get(0)
                .jdbc
                .sql(sql.toString())
                .params(params)
                .query(
                        (rs, row) -> {
                            for (int i = 0; i < waiting.size(); i++) {
                                long n = rs.getLong(i + 1);
                                waiting.get(i).set(rs.wasNull() ? null : n);
                            }
                            return waiting.size();
                        })
                .single();
    }

    private Query query() {
        if (!asked) {
            resolved = query.get();
            asked = true;
        }
        return resolved;
    }

    private void set(Long figure) {
        value = figure;
        loaded = true;
    }
}
