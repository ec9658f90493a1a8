package io.tandem.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's model carries {@code currentUser}, or null when nobody is signed in. */
@ControllerAdvice
class CurrentUserModel {

    @ModelAttribute("currentUser")
    TandemUser currentUser() {
        return current();
    }

    static TandemUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return TandemUserArgumentResolver.currentUser(authentication);
    }
}
