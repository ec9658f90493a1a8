package io.tandem.people.web;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.TandemUser;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link CurrentPerson} parameters: the signed-in user's profile, looked up once. */
@Configuration(proxyBeanMethods = false)
class CurrentPersonArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final IdentityManagement identity;
    private final PeopleManagement people;

    CurrentPersonArgumentResolver(IdentityManagement identity, PeopleManagement people) {
        this.identity = identity;
        this.people = people;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        if (!parameter.hasParameterAnnotation(CurrentPerson.class)) {
            return false;
        }
        if (parameter.getParameterType() != Optional.class
                && parameter.getParameterType() != Supplier.class) {
            throw new IllegalStateException(
                    "@CurrentPerson takes an Optional<PersonSummary> or a Supplier of one: "
                            + parameter);
        }
        return true;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Optional<TandemUser> user = identity.currentUser();
        Supplier<Optional<PersonSummary>> person =
                // PeopleManagement remembers the answer for the request: asking twice costs
                // nothing.
                () -> user.flatMap(u -> people.findByEmail(u.organisationId(), u.email()));
        // A Supplier defers the query to whoever needs it, such as a template that shows it.
        return parameter.getParameterType() == Supplier.class ? person : person.get();
    }
}
