package io.tandem.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions in the database that cost a write only when something in them changed: the last-access
 * time is written at most once a minute, attributes are upserted (parallel first requests of one
 * session never collide on a duplicate key), and expired sessions are deleted in batches.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** How stale the stored last-access time may get before a request writes it again. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    static final int CLEANUP_BATCH = 500;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(
            DataSource dataSource) {
        String product = databaseProduct(dataSource);
        KeptSecurityContexts contexts =
                new KeptSecurityContexts(SessionConfiguration.class.getClassLoader());
        return repository -> {
            repository.setConversionService(contexts.conversionService());
            if (product.contains("postgres")) {
                // A streaming request (SSE) may save a new session from two threads at once.
                repository.setCreateSessionQuery(
                        "INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME,"
                                + " LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME,"
                                + " PRINCIPAL_NAME) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (PRIMARY_ID) DO NOTHING");
                repository.setCreateSessionAttributeQuery(
                        "INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME,"
                                + " ATTRIBUTE_BYTES) VALUES (?, ?, ?) ON CONFLICT"
                                + " (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET"
                                + " ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES");
            } else if (product.contains("h2")) {
                repository.setCreateSessionAttributeQuery(
                        "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME,"
                                + " ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)"
                                + " VALUES (?, ?, ?)");
            }
        };
    }

    /**
     * What Spring Session's JDBC repository runs its statements in (it looks for a bean of this
     * name): every request reads its session, and on PostgreSQL a transaction around that one
     * select costs a COMMIT round trip and a transaction on the server each time. Not a default
     * candidate, so nothing else is given it and Spring Boot's own transaction template stays.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(
            PlatformTransactionManager transactions) {
        TransactionTemplate writes = new TransactionTemplate(transactions);
        // As Spring Session's own: a session is saved apart from whatever the request did.
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new ReadsWithoutTransaction(writes);
    }

    /**
     * Runs the repository's reads without a transaction of their own and its writes in one. The
     * repository asks {@code execute} only for single statements (the session by id, a principal's
     * sessions, the delete of expired ones), each atomic alone; saving a session (a row and its
     * attributes) and deleting one go through {@code executeWithoutResult}.
     */
    static final class ReadsWithoutTransaction implements TransactionOperations {

        private final TransactionOperations writes;

        ReadsWithoutTransaction(TransactionOperations writes) {
            this.writes = writes;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(new SimpleTransactionStatus(false));
        }

        @Override
        public void executeWithoutResult(Consumer<TransactionStatus> action) {
            writes.executeWithoutResult(action);
        }
    }

    /**
     * Wraps Spring Session's JDBC repository after it is built (a repository bean of our own would
     * make Spring Boot skip building it).
     */
    @Bean
    static BeanPostProcessor throttleSessionWrites() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new ThrottledSessionRepository(sessions)
                        : bean;
            }
        };
    }

    /** Placed just outside Spring Session's filter, so it spans both of its commits. */
    @Bean
    FilterRegistrationBean<OneReadPerRequest> oneSessionReadPerRequest() {
        var registration = new FilterRegistrationBean<>(new OneReadPerRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    SessionCleanup sessionCleanup(JdbcClient jdbc) {
        return new SessionCleanup(jdbc, Clock.systemUTC());
    }

    /** One instance at a time deletes expired sessions (db-scheduler picks it once across all). */
    @Bean
    RecurringTask<Void> sessionCleanupTask(SessionCleanup cleanup, IdentityProperties properties) {
        return Tasks.recurring(
                        "session-cleanup", FixedDelay.of(properties.session().cleanupEvery()))
                .execute((instance, context) -> cleanup.deleteExpired());
    }

    private static String databaseProduct(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase();
        } catch (SQLException e) {
            return "";
        }
    }

    /** Deletes expired sessions a batch at a time, so no delete holds the table for long. */
    static class SessionCleanup {

        private final JdbcClient jdbc;
        private final Clock clock;

        SessionCleanup(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        /** Returns how many expired sessions were deleted. */
        int deleteExpired() {
            long now = clock.millis();
            int total = 0;
            int deleted;
            do {
                deleted =
                        jdbc.sql(
                                        "delete from spring_session where primary_id in (select"
                                                + " primary_id from spring_session where"
                                                + " expiry_time < :now limit :batch)")
                                .param("now", now)
                                .param("batch", CLEANUP_BATCH)
                                .update();
                total += deleted;
            } while (deleted == CLEANUP_BATCH);
            return total;
        }
    }

    /**
     * Lets one request read its session from the database once. Spring Session commits a session
     * twice per request (when the answer is committed, and again when its filter ends) and, having
     * forgotten the session at the first, reads it again by id at the second only to learn that id:
     * a second statement on every page (issue 17). Within this filter the repository answers a
     * repeated read of an unchanged session with the session already read; the next request reads
     * afresh, so a sign-out or change on another instance still counts from the next request on.
     */
    static final class OneReadPerRequest extends OncePerRequestFilter {

        /** The sessions this thread's request has read, by id; none outside a request. */
        private static final ThreadLocal<Map<String, ThrottledSessionRepository.Touched>> READ =
                new ThreadLocal<>();

        @Override
        protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            READ.set(new HashMap<>(4));
            try {
                chain.doFilter(request, response);
            } finally {
                READ.remove();
            }
        }

        static ThrottledSessionRepository.Touched again(String id) {
            var read = READ.get();
            var session = read == null ? null : read.get(id);
            return session == null || session.changed ? null : session;
        }

        static void remember(ThrottledSessionRepository.Touched session) {
            var read = READ.get();
            if (read != null) {
                read.put(session.getId(), session);
            }
        }

        static void forget(String id) {
            var read = READ.get();
            if (read != null) {
                read.remove(id);
            }
        }
    }

    /**
     * Wraps the JDBC repository so that reading a session only moves its stored last-access time
     * when the stored one is over {@link #TOUCH_INTERVAL} old; any other change is saved at once.
     * Of the requests of one session that read the stale time at once (a page and its parallel
     * requests; under load, every request queued meanwhile), only the first moves it: the others
     * would each write the same row again, a commit per request.
     */
    static class ThrottledSessionRepository
            implements FindByIndexNameSessionRepository<ThrottledSessionRepository.Touched> {

        /** Beyond this many sessions touched, those touched over a minute ago are forgotten. */
        static final int REMEMBERED = 10_000;

        private final FindByIndexNameSessionRepository<Session> delegate;

        /** When this instance last moved each session's stored last-access time. */
        private final Map<String, Instant> touched = new ConcurrentHashMap<>();

        // The JDBC repository's session type is not public; it is used through Session only.
        @SuppressWarnings({"unchecked", "rawtypes"})
        ThrottledSessionRepository(JdbcIndexedSessionRepository delegate) {
            this.delegate = (FindByIndexNameSessionRepository) delegate;
        }

        @Override
        public Touched createSession() {
            return new Touched(delegate.createSession(), this::claim);
        }

        @Override
        public void save(Touched session) {
            delegate.save(session.inner);
        }

        @Override
        public Touched findById(String id) {
            Touched again = OneReadPerRequest.again(id);
            if (again != null) {
                return again;
            }
            Session found = delegate.findById(id);
            if (found == null) {
                return null;
            }
            Touched session = new Touched(found, this::claim);
            OneReadPerRequest.remember(session);
            return session;
        }

        @Override
        public void deleteById(String id) {
            touched.remove(id);
            OneReadPerRequest.forget(id);
            delegate.deleteById(id);
        }

        /**
         * Whether the request that read {@code id} may move its last-access time to {@code now}:
         * only if no other request of this instance did within {@link #TOUCH_INTERVAL}.
         */
        private boolean claim(String id, Instant now) {
            if (touched.size() > REMEMBERED) {
                touched.values().removeIf(at -> at.isBefore(now.minus(TOUCH_INTERVAL)));
            }
            Instant[] mine = new Instant[1];
            touched.compute(
                    id,
                    (key, last) -> {
                        if (last != null
                                && Duration.between(last, now).compareTo(TOUCH_INTERVAL) < 0) {
                            return last;
                        }
                        mine[0] = now;
                        return now;
                    });
            return mine[0] != null;
        }

        @Override
        public Map<String, Touched> findByIndexNameAndIndexValue(
                String indexName, String indexValue) {
            return delegate.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                    .collect(
                            Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> new Touched(e.getValue(), this::claim)));
        }

        static final class Touched implements Session {

            private final Session inner;
            private final BiPredicate<String, Instant> claim;

            /** Whether this request changed anything in it, so that it is not read from memory. */
            private volatile boolean changed;

            Touched(Session inner, BiPredicate<String, Instant> claim) {
                this.inner = inner;
                this.claim = claim;
            }

            @Override
            public void setLastAccessedTime(Instant lastAccessedTime) {
                if (Duration.between(inner.getLastAccessedTime(), lastAccessedTime)
                                        .compareTo(TOUCH_INTERVAL)
                                >= 0
                        && claim.test(inner.getId(), lastAccessedTime)) {
                    changed = true;
                    inner.setLastAccessedTime(lastAccessedTime);
                }
            }

            @Override
            public boolean isExpired() {
                return inner.isExpired();
            }

            @Override
            public String getId() {
                return inner.getId();
            }

            @Override
            public String changeSessionId() {
                changed = true;
                return inner.changeSessionId();
            }

            @Override
            public <T> T getAttribute(String attributeName) {
                return inner.getAttribute(attributeName);
            }

            @Override
            public Set<String> getAttributeNames() {
                return inner.getAttributeNames();
            }

            @Override
            public void setAttribute(String attributeName, Object attributeValue) {
                changed = true;
                inner.setAttribute(attributeName, attributeValue);
            }

            @Override
            public void removeAttribute(String attributeName) {
                changed = true;
                inner.removeAttribute(attributeName);
            }

            @Override
            public Instant getCreationTime() {
                return inner.getCreationTime();
            }

            @Override
            public Instant getLastAccessedTime() {
                return inner.getLastAccessedTime();
            }

            @Override
            public void setMaxInactiveInterval(Duration interval) {
                changed = true;
                inner.setMaxInactiveInterval(interval);
            }

            @Override
            public Duration getMaxInactiveInterval() {
                return inner.getMaxInactiveInterval();
            }
        }
    }
}
