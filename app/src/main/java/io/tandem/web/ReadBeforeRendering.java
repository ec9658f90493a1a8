package io.tandem.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.context.ILazyContextVariable;

/**
 * Reads the layout's figures (the model's lazy variables: unread messages and notifications) after
 * the handler and before the page is rendered, all on one connection and the {@link LayoutCount}s
 * in one statement, so that nothing reads the database while a page is being written (issue 17: at
 * 200 requests/s a count read mid-page found no free connection and the page broke half written). A
 * read that fails here fails the request before a byte is written, and the page is answered whole
 * as 503. Redirects, fragments ({@code view :: fragment}, no layout) and JSON read nothing; error
 * pages leave the figures out rather than read them. Then each {@link LayoutPart} (the head's
 * links, the header with the figures) is written into the page's model, for a template with the
 * layout as for a page written in Java ({@link WrittenPages}).
 */
@Configuration(proxyBeanMethods = false)
class ReadBeforeRendering implements HandlerInterceptor, WebMvcConfigurer {

    private final TransactionTemplate readOnly;
    private final ObjectProvider<LayoutPart> layoutParts;
    private volatile List<LayoutPart> parts;

    ReadBeforeRendering(
            PlatformTransactionManager transactions, ObjectProvider<LayoutPart> layoutParts) {
        this.layoutParts = layoutParts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // One connection for the figures, each read on its own: counts need no common snapshot,
        // and on PostgreSQL a transaction around them cost a COMMIT round trip on every page.
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            ModelAndView view) {
        if (view == null
                || !view.hasView()
                || !(WrittenPages.isWritten(view.getView()) || rendersLayout(view.getViewName()))) {
            return;
        }
        readFigures(request, view);
        for (LayoutPart part : parts()) {
            part.addTo(view.getModel(), request);
        }
    }

    private void readFigures(HttpServletRequest request, ModelAndView view) {
        List<String> lazy =
                view.getModel().entrySet().stream()
                        .filter(e -> e.getValue() instanceof ILazyContextVariable<?>)
                        .map(java.util.Map.Entry::getKey)
                        .toList();
        if (lazy.isEmpty()) {
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            lazy.forEach(name -> view.getModel().put(name, null));
            return;
        }
        readOnly.executeWithoutResult(
                status -> {
                    // The counts first, all in one statement; then every figure takes its value.
                    LayoutCount.readTogether(
                            lazy.stream()
                                    .map(view.getModel()::get)
                                    .filter(LayoutCount.class::isInstance)
                                    .map(LayoutCount.class::cast)
                                    .toList());
                    lazy.forEach(
                            name ->
                                    view.getModel()
                                            .put(
                                                    name,
                                                    ((ILazyContextVariable<?>)
                                                                    view.getModel().get(name))
                                                            .getValue()));
                });
    }

    /** Found at the first page, not at start-up: a part may need Spring MVC's own beans. */
    private List<LayoutPart> parts() {
        List<LayoutPart> found = parts;
        if (found == null) {
            found = layoutParts.orderedStream().toList();
            parts = found;
        }
        return found;
    }

    /** A whole template (with the layout), not a redirect, a forward or a fragment. */
    private static boolean rendersLayout(String name) {
        return name != null
                && !name.startsWith("redirect:")
                && !name.startsWith("forward:")
                && !name.contains("::");
    }
}
