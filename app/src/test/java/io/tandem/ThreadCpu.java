package io.tandem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process, the JVM's own included (the collector, the compilers,
 * the VM thread), as Linux counts it in {@code /proc/self/task/<tid>/schedstat} (nanoseconds on a
 * core). {@code ThreadMXBean} sees only Java threads, so it cannot say what the collector or the
 * compiler cost; the process's total cannot say who spent it. A bench takes a snapshot before and
 * after a phase and prints {@link #breakdown} of the difference. Where {@code /proc} is missing
 * (not Linux) the snapshot is empty and the breakdown says so.
 */
public final class ThreadCpu {

    static final String CLIENT = "bench client";

    static final String COMPILERS = "JIT compilers";

    /**
     * Thread groups in the order they are printed, by the start of the thread's name as Linux keeps
     * it (15 characters); a thread's group is the first that matches, "other" if none. The JVM's
     * main thread keeps the launcher's name, {@code java}, in Linux's list (Java's {@code main} is
     * not passed on): the bench's own loop runs there.
     */
    static final List<Map.Entry<String, List<String>>> GROUPS =
            List.of(
                    Map.entry("request threads", List.of("http-nio-")),
                    Map.entry(CLIENT, List.of("HttpClient-", "main", "java", "pool-")),
                    Map.entry("garbage collector", List.of("GC Thread", "G1 ", "VM Thread")),
                    Map.entry(COMPILERS, List.of("C1 CompilerThre", "C2 CompilerThre")),
                    Map.entry(
                            "H2 background writer",
                            List.of("MVStore", "H2-serializatio", "H2-save")));

    private final Map<String, Long> nanosByThread;

    private ThreadCpu(Map<String, Long> nanosByThread) {
        this.nanosByThread = nanosByThread;
    }

    /** The CPU time of each live thread now, by thread id and name. */
    public static ThreadCpu now() {
        Path tasks = Path.of("/proc/self/task");
        Map<String, Long> nanos = new LinkedHashMap<>();
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(nanos);
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    String run = Files.readString(thread.resolve("schedstat")).split(" ", 2)[0];
                    nanos.put(thread.getFileName() + "/" + name, Long.parseLong(run));
                } catch (IOException | RuntimeException ended) {
                    // The thread ended between listing and reading: its time is lost to both.
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(nanos);
    }

    /**
     * The CPU time spent since {@code before}, in milliseconds per {@code units} (pages): all
     * threads, the server's side (everything but the bench's own client) and each group, e.g.
     * {@code all threads 39.9 = server side 33.1 (server request threads 15.2, garbage collector
     * 2.1, …) + bench client 6.8}. Threads that started after {@code before} count from zero;
     * threads that ended are missed.
     */
    public String breakdown(ThreadCpu before, int units) {
        if (nanosByThread.isEmpty()) {
            return "per-thread CPU not available (no /proc/self/task)";
        }
        Map<String, Long> byGroup = spentByGroup(before);
        long all = byGroup.values().stream().mapToLong(Long::longValue).sum();
        long client = byGroup.remove(CLIENT);
        return String.format(
                Locale.ROOT,
                "all threads %.1f = server side %.1f (%s) + bench client %.1f",
                all / 1e6 / units,
                (all - client) / 1e6 / units,
                byGroup.entrySet().stream()
                        .map(
                                e ->
                                        String.format(
                                                Locale.ROOT,
                                                "%s %.1f",
                                                e.getKey(),
                                                e.getValue() / 1e6 / units))
                        .collect(Collectors.joining(", ")),
                client / 1e6 / units);
    }

    /** The CPU time the server's request threads spent since {@code before}, in nanoseconds. */
    public long requestThreadsNanos(ThreadCpu before) {
        return spentByGroup(before).get(GROUPS.get(0).getKey());
    }

    /** The CPU time the bench's own client threads spent since {@code before}, in milliseconds. */
    public long clientMillis(ThreadCpu before) {
        return spentByGroup(before).get(CLIENT) / 1_000_000;
    }

    /** The share of the CPU time spent since {@code before} that the JIT compilers spent. */
    public double compilerShare(ThreadCpu before) {
        Map<String, Long> byGroup = spentByGroup(before);
        long all = byGroup.values().stream().mapToLong(Long::longValue).sum();
        return all == 0 ? 0 : (double) byGroup.get(COMPILERS) / all;
    }

    private Map<String, Long> spentByGroup(ThreadCpu before) {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        GROUPS.forEach(g -> byGroup.put(g.getKey(), 0L));
        byGroup.put("other", 0L);
        for (Map.Entry<String, Long> thread : nanosByThread.entrySet()) {
            long spent = thread.getValue() - before.nanosByThread.getOrDefault(thread.getKey(), 0L);
            byGroup.merge(group(thread.getKey().split("/", 2)[1]), spent, Long::sum);
        }
        return byGroup;
    }

    /**
     * The CPU time the threads alive now spent since {@code before}, in milliseconds; the process's
     * total minus this is what threads that ended meanwhile spent.
     */
    public long liveMillis(ThreadCpu before) {
        return spentByGroup(before).values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
    }

    /** The other threads that spent the most since {@code before}, for finding a new group. */
    public String busiestOthers(ThreadCpu before, int units, int limit) {
        return nanosByThread.entrySet().stream()
                .filter(e -> group(e.getKey().split("/", 2)[1]).equals("other"))
                .map(
                        e ->
                                Map.entry(
                                        e.getKey().split("/", 2)[1],
                                        e.getValue()
                                                - before.nanosByThread.getOrDefault(
                                                        e.getKey(), 0L)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum))
                .entrySet()
                .stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(
                        e ->
                                String.format(
                                        Locale.ROOT,
                                        "%s %.2f",
                                        e.getKey(),
                                        e.getValue() / 1e6 / units))
                .collect(Collectors.joining(", "));
    }

    private static String group(String name) {
        for (Map.Entry<String, List<String>> g : GROUPS) {
            for (String prefix : g.getValue()) {
                if (name.startsWith(prefix)) {
                    return g.getKey();
                }
            }
        }
        return "other";
    }
}
