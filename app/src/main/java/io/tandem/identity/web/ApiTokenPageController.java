package io.tandem.identity.web;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import io.tandem.identity.TokenScope;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create, list and revoke their organisation's API tokens. */
@Controller
@RequestMapping("/admin/tokens")
@PreAuthorize("hasRole('ADMIN')")
class ApiTokenPageController {

    record TokenForm(@Size(max = 120) String name, Role role, TokenScope scope) {}

    private final IdentityManagement identity;
    private final io.tandem.web.PageForms forms;

    ApiTokenPageController(IdentityManagement identity, io.tandem.web.PageForms forms) {
        this.identity = identity;
        this.forms = forms;
    }

    @GetMapping
    String tokens(
            TandemUser user,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        var tokens =
                identity.tokens(user.organisationId(), io.tandem.shared.PageQuery.of(page, null));
        model.addAttribute("tokens", tokens.items());
        model.addAttribute("pager", io.tandem.web.Pager.of(tokens, request, "page", "token-list"));
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", TokenScope.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm("", Role.ADMIN, TokenScope.API));
        }
        return "identity/tokens";
    }

    @PostMapping
    String create(
            TandemUser user,
            @jakarta.validation.Valid TokenForm entered,
            org.springframework.validation.BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        TokenForm form = io.tandem.web.FormInput.asEntered(entered, binding, TokenForm.class);
        // The rules (name, role, the cap) are the identity module's; the page shows its refusal
        // beside the field it is about.
        var issued =
                forms.attemptShowingClash(
                        binding,
                        () ->
                                identity.issueToken(
                                        user.organisationId(),
                                        form.name(),
                                        form.role(),
                                        form.scope() == null ? TokenScope.API : form.scope(),
                                        user.email()));
        if (!issued.refused()) {
            redirect.addFlashAttribute("issued", issued.value());
            return "redirect:/admin/tokens";
        }
        response.setStatus(issued.status());
        model.addAttribute("form", form);
        // The cap on tokens is about the one being named: shown beside the name.
        model.addAttribute(
                "errors",
                issued.problem() == null ? issued.errors() : Map.of("name", issued.problem()));
        return tokens(user, null, request, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(TandemUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (identity.revokeToken(user.organisationId(), id)) {
            redirect.addFlashAttribute("notice", "tokens.revoked");
        } else if (identity.tokens(user.organisationId()).stream()
                .noneMatch(t -> t.id().equals(id))) {
            // Revoking twice is harmless; another organisation's token is not found.
            throw new io.tandem.shared.NotFound("tokens.not-found");
        }
        return "redirect:/admin/tokens";
    }
}
