package io.tandem.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPageController {

    private static final java.util.Set<String> SSO_REFUSALS =
            java.util.Set.of(
                    "failed",
                    "email_unverified",
                    "email_missing",
                    "unknown_user",
                    "account_disabled");

    private final io.tandem.identity.SsoManagement sso;

    LoginPageController(io.tandem.identity.SsoManagement sso) {
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String wait,
            @RequestParam(name = "sso", required = false) String refusal,
            Model model) {
        model.addAttribute("ssoOptions", sso.signInOptions());
        if (refusal != null) {
            // Only a known code picks a message; anything else reads as a plain failure.
            model.addAttribute(
                    "ssoRefusal",
                    "login.sso." + (SSO_REFUSALS.contains(refusal) ? refusal : "failed"));
        }
        if (wait != null) {
            // How long the throttle asks to wait, from the address: read it as a number or not at
            // all.
            long seconds = wait.matches("\\d{1,6}") ? Math.max(1, Long.parseLong(wait)) : 60;
            if (seconds > 90) {
                model.addAttribute("waitMessage", "login.wait.minutes");
                model.addAttribute("waitAmount", (seconds + 59) / 60);
            } else {
                model.addAttribute("waitMessage", "login.wait");
                model.addAttribute("waitAmount", seconds);
            }
        }
        return "identity/login";
    }
}
