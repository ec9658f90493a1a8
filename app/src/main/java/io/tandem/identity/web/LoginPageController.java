package io.tandem.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String wait, Model model) {
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
