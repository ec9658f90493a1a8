package io.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What happens after a password was checked. A success clears the throttle and goes back to the
 * page that asked for a sign-in (an invitation link, say) without the {@code continue} marker
 * Spring Security adds to it, or home; a failure counts against the throttle and says only that
 * e-mail and password do not match, whatever was wrong.
 */
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final LoginThrottle throttle;
    private final RequestCache requests;

    SignInHandlers(LoginThrottle throttle, RequestCache requests) {
        this.throttle = throttle;
        this.requests = requests;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        throttle.succeeded(request.getParameter("username"), request.getRemoteAddr());
        String target = request.getContextPath() + "/";
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
            // Only GETs are saved (see SecurityConfiguration); the cookie-backed saved request
            // reports the method of the sign-in itself, so it is not checked here.
            target = local(saved.getRedirectUrl());
        }
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(
                    org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        response.sendRedirect(target);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        throttle.failed(request.getParameter("username"), request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** The saved address as a path on this site, without the {@code continue} marker. */
    static String local(String url) {
        var uri = UriComponentsBuilder.fromUriString(url).replaceQueryParam("continue").build();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return uri.getQuery() == null ? path : path + "?" + uri.getQuery();
    }
}
