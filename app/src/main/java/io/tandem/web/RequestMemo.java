package io.tandem.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers a lookup for the rest of one GET request, so that a page whose layout, controller and
 * fragments each ask for the same program or person reads it once. Only reads (GET and HEAD) are
 * remembered: a request that changes data always sees the database; outside a request nothing is.
 */
public final class RequestMemo {

    private static final String ATTRIBUTE = RequestMemo.class.getName();

    private RequestMemo() {}

    @SuppressWarnings("unchecked")
    public static <T> T remember(String kind, Object organisation, Object key, Supplier<T> load) {
        Map<List<Object>, Object> memo = memo(true);
        if (memo == null) {
            return load.get();
        }
        List<Object> id = List.of(kind, organisation, key);
        if (memo.containsKey(id)) {
            return (T) memo.get(id);
        }
        T value = load.get();
        memo.put(id, value);
        return value;
    }

    /**
     * What this GET request already remembered for the key, if anything: for callers that read many
     * keys at once and want to read only the ones not seen yet.
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> recall(String kind, Object organisation, Object key) {
        Map<List<Object>, Object> memo = memo(false);
        List<Object> id = List.of(kind, organisation, key);
        return memo == null || !memo.containsKey(id)
                ? Optional.empty()
                : Optional.of((T) memo.get(id));
    }

    /**
     * The organisation's revision in {@code revisions}. In a GET request every revision table is
     * read at the first ask, in one statement, and remembered for the request.
     */
    public static long revision(io.tandem.shared.Revisions revisions, java.util.UUID organisation) {
        if (!reading()) {
            return revisions.read(organisation);
        }
        java.util.Map<String, Long> all =
                remember(
                        "revisions",
                        organisation,
                        organisation,
                        () -> revisions.readAll(organisation));
        Long revision = all.get(revisions.table());
        return revision != null ? revision : revisions.read(organisation);
    }

    /**
     * In a GET request, the value {@code kept} holds under {@code key} at the organisation's
     * current revision in {@code revisions}, read and kept when it holds none; outside one, what
     * {@code read} finds. Every write to what {@code read} reads must move that revision.
     */
    public static <T> T kept(
            io.tandem.shared.KeptByRevision<T> kept,
            io.tandem.shared.Revisions revisions,
            java.util.UUID organisation,
            Object key,
            Supplier<T> read) {
        return reading()
                ? kept.find(organisation, key, revision(revisions, organisation), read)
                : read.get();
    }

    /** Whether this thread serves a GET (or HEAD) request: one that changes no data. */
    public static boolean reading() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                && isRead(web.getRequest().getMethod());
    }

    /** The request's memo, null outside a GET request (or, unless {@code create}, before use). */
    @SuppressWarnings("unchecked")
    private static Map<List<Object>, Object> memo(boolean create) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)
                || !isRead(web.getRequest().getMethod())) {
            return null;
        }
        Map<List<Object>, Object> memo =
                (Map<List<Object>, Object>)
                        web.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (memo == null && create) {
            memo = new HashMap<>();
            web.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo;
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
