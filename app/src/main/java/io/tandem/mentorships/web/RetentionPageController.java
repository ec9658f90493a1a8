package io.tandem.mentorships.web;

import io.tandem.identity.TandemUser;
import io.tandem.mentorships.RetentionManagement;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's retention setting for ended mentorships' content (admins). */
@Controller
@RequestMapping("/admin/retention")
@PreAuthorize("hasRole('ADMIN')")
class RetentionPageController {

    private final RetentionManagement retention;
    private final PageForms forms;

    RetentionPageController(RetentionManagement retention, PageForms forms) {
        this.forms = forms;
        this.retention = retention;
    }

    @GetMapping
    String show(TandemUser user, Model model) {
        Integer months = retention.months(user.organisationId()).orElse(null);
        model.addAttribute("months", months);
        model.addAttribute("form", months);
        return "mentorships/retention";
    }

    @PostMapping
    String save(
            TandemUser user,
            @RequestParam(required = false) String months,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String text = months == null ? "" : months.strip();
        Integer value;
        try {
            value = text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        Integer chosen = value;
        var outcome = forms.attempt(() -> retention.setMonths(user.organisationId(), chosen));
        if (outcome.refused(response, model)) {
            model.addAttribute("months", retention.months(user.organisationId()).orElse(null));
            model.addAttribute("form", text);
            model.addAttribute("errors", outcome.errors());
            return "mentorships/retention";
        }
        redirect.addFlashAttribute("notice", "trust.retention.saved");
        return "redirect:/admin/retention";
    }
}
