package io.tandem.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)
                || !isRead(web.getRequest().getMethod())) {
            return load.get();
        }
        Map<List<Object>, Object> memo =
                (Map<List<Object>, Object>)
                        web.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            web.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        List<Object> id = List.of(kind, organisation, key);
        if (memo.containsKey(id)) {
            return (T) memo.get(id);
        }
        T value = load.get();
        memo.put(id, value);
        return value;
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
