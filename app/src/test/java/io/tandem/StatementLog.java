package io.tandem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records the SQL statements the application sends, through a datasource-proxy around the
 * application's {@link DataSource}: those of the calling thread (a MockMvc request runs on the
 * test's thread), or all of them (requests over real HTTP run on server threads). Import it with
 * {@code @Import(StatementLog.Configuration.class)} in a test that has a context of its own.
 */
public final class StatementLog implements BeanPostProcessor, QueryExecutionListener {

    private final ThreadLocal<List<String>> ofThisThread = new ThreadLocal<>();
    private final ThreadLocal<List<Execution>> executionsOfThisThread = new ThreadLocal<>();
    private final ThreadLocal<int[]> commitsOfThisThread = new ThreadLocal<>();
    private volatile Queue<String> ofAll;

    /**
     * Marks a statement sent while a view was being rendered (after every interceptor's
     * postHandle).
     */
    public static final String WHILE_RENDERING = "[while rendering] ";

    private static final ThreadLocal<Boolean> rendering = new ThreadLocal<>();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        /**
         * First in the chain, so its postHandle runs after all the others', just before the view
         * renders; its afterCompletion runs last.
         */
        @Bean
        WebMvcConfigurer markRendering() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(
                                    new HandlerInterceptor() {
                                        @Override
                                        public void postHandle(
                                                HttpServletRequest request,
                                                HttpServletResponse response,
                                                Object handler,
                                                ModelAndView view) {
                                            rendering.set(Boolean.TRUE);
                                        }

                                        @Override
                                        public void afterCompletion(
                                                HttpServletRequest request,
                                                HttpServletResponse response,
                                                Object handler,
                                                Exception failure) {
                                            rendering.remove();
                                        }
                                    })
                            .order(Ordered.HIGHEST_PRECEDENCE);
                }
            };
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
                ? ProxyDataSourceBuilder.create(dataSource)
                        .name(beanName)
                        .listener(this)
                        .methodListener(commits())
                        .build()
                : bean;
    }

    /**
     * How many transactions the action committed from this thread: on PostgreSQL each costs the
     * server a COMMIT round trip beside its statements.
     */
    public int commitsOnThisThread(Runnable action) {
        int[] commits = new int[1];
        commitsOfThisThread.set(commits);
        try {
            action.run();
        } finally {
            commitsOfThisThread.remove();
        }
        return commits[0];
    }

    /**
     * The statements an action sent from this thread, the transactions it committed, and each
     * statement's execution with the parameters it was sent with (to run it again, explained).
     */
    public record Sent(List<String> statements, int commits, List<Execution> executions) {}

    /**
     * One execution of a statement: its SQL and the driver calls that set its parameters (of the
     * first parameter set, for a batch).
     */
    public record Execution(String sql, List<ParameterSetOperation> parameters) {

        /** Sets the same parameters on another statement of the same SQL. */
        public void bind(PreparedStatement statement) throws SQLException {
            for (ParameterSetOperation operation : parameters) {
                try {
                    operation.getMethod().invoke(statement, operation.getArgs());
                } catch (ReflectiveOperationException e) {
                    throw new SQLException("Could not set a parameter of: " + sql, e);
                }
            }
        }
    }

    public Sent sentOnThisThread(Runnable action) {
        int[] commits = new int[1];
        List<Execution> executions = new ArrayList<>();
        executionsOfThisThread.set(executions);
        try {
            List<String> statements = onThisThread(() -> commits[0] = commitsOnThisThread(action));
            return new Sent(statements, commits[0], executions);
        } finally {
            executionsOfThisThread.remove();
        }
    }

    private MethodExecutionListener commits() {
        return new MethodExecutionListener() {
            @Override
            public void beforeMethod(MethodExecutionContext context) {}

            @Override
            public void afterMethod(MethodExecutionContext context) {
                int[] commits = commitsOfThisThread.get();
                if (commits != null
                        && context.getTarget() instanceof java.sql.Connection
                        && "commit".equals(context.getMethod().getName())) {
                    commits[0]++;
                }
            }
        };
    }

    /** The statements the action sent from this thread, one entry per execution. */
    public List<String> onThisThread(Runnable action) {
        List<String> statements = new ArrayList<>();
        ofThisThread.set(statements);
        try {
            action.run();
        } finally {
            ofThisThread.remove();
        }
        return statements;
    }

    /** The statements sent from any thread while the action ran. */
    public synchronized List<String> fromAnyThread(ThrowingRunnable action) throws Exception {
        ofAll = new ConcurrentLinkedQueue<>();
        try {
            action.run();
            return List.copyOf(ofAll);
        } finally {
            ofAll = null;
        }
    }

    /**
     * Statements that write to tables whose names start with the given one (insert, update or
     * merge; deletes are left out, since background clean-ups may run at any time).
     */
    public static Predicate<String> writing(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return sql -> {
            String s = sql.strip().toLowerCase(Locale.ROOT);
            return (s.startsWith("insert") || s.startsWith("update") || s.startsWith("merge"))
                    && s.contains(name);
        };
    }

    /** Selects that read from the table whose name is given (or from tables starting with it). */
    public static Predicate<String> reading(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return sql -> {
            String s = sql.strip().toLowerCase(Locale.ROOT);
            return s.startsWith("select") && s.contains("from " + name);
        };
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        String sql =
                (rendering.get() == null ? "" : WHILE_RENDERING)
                        + String.join(
                                "; ", queryInfoList.stream().map(QueryInfo::getQuery).toList());
        List<String> mine = ofThisThread.get();
        if (mine != null) {
            mine.add(sql);
        }
        List<Execution> executions = executionsOfThisThread.get();
        if (executions != null) {
            for (QueryInfo query : queryInfoList) {
                List<List<ParameterSetOperation>> sets = query.getParametersList();
                executions.add(
                        new Execution(
                                query.getQuery(),
                                sets.isEmpty() ? List.of() : List.copyOf(sets.get(0))));
            }
        }
        Queue<String> all = ofAll;
        if (all != null) {
            all.add(sql);
        }
    }
}
