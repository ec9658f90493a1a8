package io.tandem.home.web;

import io.tandem.home.HomeManagement;
import io.tandem.identity.TandemUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what needs you now, your mentorships, programs to join. */
@Controller
class HomePageController {

    private final HomeManagement home;

    HomePageController(HomeManagement home) {
        this.home = home;
    }

    @GetMapping("/")
    String home(TandemUser user, Model model) {
        model.addAttribute("home", home.page(user));
        return "home/home";
    }
}
