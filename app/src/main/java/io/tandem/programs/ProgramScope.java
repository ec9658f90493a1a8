package io.tandem.programs;

import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link ProgramAccess} to every management route (one whose {@code @PreAuthorize} admits
 * program managers) that names a program: by its path ({@code /programs/{id}/…}, {@code
 * /api/v1/programs/{id}/…}) or through a module's {@link ProgramOwners}. A program manager outside
 * the program gets 404 before the handler runs, and an employee 403 (as the route's own
 * {@code @PreAuthorize} would say, but before the request's input is read); admins pass. New
 * management routes under a program's path are covered without a line of their own.
 */
@Configuration(proxyBeanMethods = false)
class ProgramScope implements HandlerInterceptor, WebMvcConfigurer {

    private final ProgramAccess access;
    private final List<ProgramOwners> owners;

    ProgramScope(@Lazy ProgramAccess access, @Lazy List<ProgramOwners> owners) {
        this.access = access;
        this.owners = owners;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !forManagers(method)) {
            return true;
        }
        Optional<TandemUser> caller = TandemUser.current();
        if (caller.isPresent() && caller.get().role() == Role.EMPLOYEE) {
            // Refused before the request is read, so the answer never depends on its input.
            throw new AccessDeniedException("Program managers and admins only");
        }
        if (caller.isEmpty() || caller.get().role() != Role.PROGRAM_MANAGER) {
            return true;
        }
        TandemUser user = caller.get();
        String pattern =
                String.valueOf(
                        request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>)
                        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            variables = Map.of();
        }
        programInPath(pattern, variables)
                .ifPresent(program -> access.requireManagerScope(user, program));
        for (ProgramOwners owner : owners) {
            Optional<ProgramId> program =
                    owner.programOf(user.organisationId(), pattern, variables);
            program.ifPresent(p -> access.requireManagerScope(user, p));
        }
        return true;
    }

    private static Optional<ProgramId> programInPath(
            String pattern, Map<String, String> variables) {
        for (String variable : List.of("id", "programId")) {
            String prefix = "{" + variable + "}";
            if (pattern.startsWith("/programs/" + prefix)
                    || pattern.startsWith("/api/v1/programs/" + prefix)) {
                return ProgramOwners.uuid(variables.get(variable)).map(ProgramId::new);
            }
        }
        return Optional.empty();
    }

    private static boolean forManagers(HandlerMethod method) {
        PreAuthorize rule = method.getMethodAnnotation(PreAuthorize.class);
        if (rule == null) {
            rule =
                    AnnotatedElementUtils.findMergedAnnotation(
                            method.getBeanType(), PreAuthorize.class);
        }
        return rule != null && rule.value().contains(Role.PROGRAM_MANAGER.name());
    }
}
