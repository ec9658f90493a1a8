package io.tandem.identity.web;

import io.tandem.identity.AccountLinkPurpose;
import io.tandem.identity.IdentityManagement;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Getting in without an admin: set a first password from an activation mail, ask for a reset link,
 * and set a new password from it. Open to everyone; the links are the credentials.
 */
@Controller
@RequestMapping("/account")
class AccountPageController {

    record PasswordForm(
            @Size(max = 200) String token,
            @Size(max = 1000) String password,
            @Size(max = 1000) String confirm) {}

    private final IdentityManagement identity;
    private final PageForms forms;

    AccountPageController(IdentityManagement identity, PageForms forms) {
        this.identity = identity;
        this.forms = forms;
    }

    @GetMapping("/{step:activate|reset}")
    String choose(
            @PathVariable String step,
            @RequestParam(required = false) String token,
            Model model,
            HttpServletResponse response) {
        AccountLinkPurpose purpose = purpose(step);
        model.addAttribute("purpose", purpose);
        if (identity.checkLink(token).filter(p -> p == purpose).isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "identity/link-invalid";
        }
        model.addAttribute("form", new PasswordForm(token, "", ""));
        model.addAttribute("minLength", identity.passwordMinLength());
        return "identity/set-password";
    }

    @PostMapping("/{step:activate|reset}")
    String set(
            @PathVariable String step,
            @Valid PasswordForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        PasswordForm form = FormInput.asEntered(entered, binding, PasswordForm.class);
        AccountLinkPurpose purpose = purpose(step);
        model.addAttribute("purpose", purpose);
        model.addAttribute("minLength", identity.passwordMinLength());
        if (identity.checkLink(form.token()).filter(p -> p == purpose).isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "identity/link-invalid";
        }
        Map<String, String> mismatch =
                Objects.equals(form.password(), form.confirm())
                        ? Map.of()
                        : Map.of("confirm", "account.confirm.mismatch");
        var set =
                forms.attempt(
                        binding,
                        mismatch,
                        () -> identity.setPassword(form.token(), form.password()));
        if (set.refused()) {
            model.addAttribute("errors", set.errors());
            // Passwords are never sent back to the browser.
            model.addAttribute("form", new PasswordForm(form.token(), "", ""));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "identity/set-password";
        }
        if (!set.value()) {
            response.setStatus(HttpStatus.GONE.value());
            return "identity/link-invalid";
        }
        return "redirect:/login?"
                + (purpose == AccountLinkPurpose.ACTIVATION ? "activated" : "reset");
    }

    @GetMapping("/forgot")
    String forgot() {
        return "identity/forgot";
    }

    /** The same answer, at once, whether or not the e-mail has an account. */
    @PostMapping("/forgot")
    String requestReset(@RequestParam(required = false) String email) {
        identity.requestPasswordReset(email);
        return "redirect:/account/forgot?sent";
    }

    private static AccountLinkPurpose purpose(String step) {
        return "activate".equals(step) ? AccountLinkPurpose.ACTIVATION : AccountLinkPurpose.RESET;
    }
}
