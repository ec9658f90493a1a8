package io.tandem.identity.web;

import io.tandem.identity.SsoForm;
import io.tandem.identity.SsoManagement;
import io.tandem.identity.SsoSettings;
import io.tandem.identity.TandemUser;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admins connect their organisation to its OpenID Connect identity provider. */
@Controller
@RequestMapping("/admin/sso")
@PreAuthorize("hasRole('ADMIN')")
class SsoPageController {

    /** Unticked boxes are simply absent from the submitted form. */
    record SsoPageForm(
            Boolean enabled,
            @Size(max = 500) String issuerUrl,
            @Size(max = 200) String clientId,
            @Size(max = 500) String clientSecret,
            @Size(max = 100) String emailClaim,
            Boolean passwordSignIn,
            Boolean justInTime) {

        SsoForm form() {
            return new SsoForm(
                    Boolean.TRUE.equals(enabled),
                    issuerUrl,
                    clientId,
                    clientSecret,
                    emailClaim,
                    Boolean.TRUE.equals(passwordSignIn),
                    Boolean.TRUE.equals(justInTime));
        }
    }

    private final SsoManagement sso;
    private final io.tandem.identity.IdentityManagement identity;
    private final io.tandem.web.PageForms forms;

    SsoPageController(
            SsoManagement sso,
            io.tandem.identity.IdentityManagement identity,
            io.tandem.web.PageForms forms) {
        this.sso = sso;
        this.identity = identity;
        this.forms = forms;
    }

    @GetMapping
    String settings(TandemUser user, Model model) {
        SsoSettings settings = sso.settings(user.organisationId());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new SsoForm(
                            settings.enabled(),
                            settings.issuerUrl(),
                            settings.clientId(),
                            "",
                            settings.emailClaim(),
                            settings.passwordSignIn(),
                            settings.justInTime()));
        }
        model.addAttribute("settings", settings);
        model.addAttribute("canStoreSecrets", sso.canStoreSecrets());
        model.addAttribute(
                "redirectUri",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/login/oauth2/code/{slug}")
                        .buildAndExpand(identity.organisationSlug(user.organisationId()))
                        .toUriString());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "identity/sso";
    }

    @PostMapping
    String save(
            TandemUser user,
            @jakarta.validation.Valid SsoPageForm submitted,
            org.springframework.validation.BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        SsoForm form =
                io.tandem.web.FormInput.asEntered(submitted, binding, SsoPageForm.class).form();
        var saved = forms.attempt(binding, () -> sso.save(user.organisationId(), form));
        if (saved.refused(response, model)) {
            model.addAttribute(
                    "form",
                    new SsoForm(
                            form.enabled(),
                            form.issuerUrl(),
                            form.clientId(),
                            "",
                            form.emailClaim(),
                            form.passwordSignIn(),
                            form.justInTime()));
            model.addAttribute("errors", saved.errors());
            return settings(user, model);
        }
        redirect.addFlashAttribute("notice", "sso.saved");
        return "redirect:/admin/sso";
    }
}
