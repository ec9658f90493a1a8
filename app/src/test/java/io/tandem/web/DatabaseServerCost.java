package io.tandem.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the PostgreSQL server spent on this database between two snapshots, for the benches: the CPU
 * of its backends (from {@code /proc/<pid>/stat}, for the processes {@code pg_stat_activity} lists
 * for the current database, so other databases on the same server do not count), the buffers its
 * statements read (hit or not) and the transactions it committed. Needs the server on this machine
 * and a Linux {@code /proc}; on H2 (or without {@code /proc}) it measures nothing.
 */
final class DatabaseServerCost {

    /** One moment's counters. */
    record Snapshot(Map<Integer, Long> ticks, long buffers, long transactions) {}

    /** Per request between two snapshots. */
    record PerRequest(double cpuMillis, double buffers, double transactions) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%.2f ms CPU, %.0f buffers, %.1f transactions",
                    cpuMillis,
                    buffers,
                    transactions);
        }
    }

    /** Linux's USER_HZ; {@code getconf CLK_TCK} is 100 on every kernel we run on. */
    private static final double MILLIS_A_TICK = 10.0;

    private final JdbcTemplate jdbc;
    private final boolean measures;

    DatabaseServerCost(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.measures = postgres && Files.isDirectory(Path.of("/proc/self"));
    }

    Snapshot snapshot() {
        if (!measures) {
            return null;
        }
        // Statistics reach the shared counters when a backend is idle or at most every second.
        jdbc.execute("select pg_stat_force_next_flush()");
        Map<Integer, Long> ticks = new HashMap<>();
        for (Integer pid :
                jdbc.queryForList(
                        "select pid from pg_stat_activity where datname = current_database()",
                        Integer.class)) {
            long cpu = ticks(pid);
            if (cpu >= 0) {
                ticks.put(pid, cpu);
            }
        }
        Map<String, Object> stats =
                jdbc.queryForMap(
                        "select blks_hit + blks_read as buffers, xact_commit + xact_rollback as"
                                + " transactions from pg_stat_database where datname ="
                                + " current_database()");
        return new Snapshot(
                ticks,
                ((Number) stats.get("buffers")).longValue(),
                ((Number) stats.get("transactions")).longValue());
    }

    /** The cost per request from {@code before} to now, or null when nothing is measured. */
    PerRequest since(Snapshot before, long requests) {
        Snapshot after = snapshot();
        if (before == null || after == null || requests == 0) {
            return null;
        }
        long ticks = 0;
        for (var pid : after.ticks().entrySet()) {
            ticks += pid.getValue() - before.ticks().getOrDefault(pid.getKey(), 0L);
        }
        return new PerRequest(
                ticks * MILLIS_A_TICK / requests,
                (double) (after.buffers() - before.buffers()) / requests,
                (double) (after.transactions() - before.transactions()) / requests);
    }

    /** utime + stime of one process, in ticks, or -1 when it is gone or not readable. */
    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
