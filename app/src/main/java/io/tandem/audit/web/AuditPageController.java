package io.tandem.audit.web;

import io.tandem.audit.AuditCsv;
import io.tandem.audit.AuditFilter;
import io.tandem.audit.AuditLog;
import io.tandem.audit.AuditQuery;
import io.tandem.identity.TandemUser;
import io.tandem.shared.PageQuery;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit trail for admins: filter it, check its chain, download it. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    static final List<String> ACTIONS =
            List.of(
                    "SIGN_IN",
                    "SIGN_IN_FAILED",
                    "TOKEN_ISSUED",
                    "TOKEN_REVOKED",
                    "PEOPLE_IMPORTED",
                    "PROGRAM_CREATED",
                    "PROGRAM_STATUS",
                    "PROGRAM_RULES",
                    "PROGRAM_MINIMUM_SCORE",
                    "PROGRAM_MANAGER_ASSIGNED",
                    "PROGRAM_MANAGER_UNASSIGNED",
                    "ROLE_CHANGED",
                    "MATCH_RUN_STARTED",
                    "PAIR_LOCKED",
                    "PAIR_UNLOCKED",
                    "PAIR_REMOVED",
                    "PAIR_ASSIGNED",
                    "MATCH_PUBLISHED",
                    "SSO_CHANGED",
                    "REPORT_EXPORTED",
                    "AUDIT_EXPORTED",
                    "MENTORSHIP_ENDED",
                    "PERSON_LEFT",
                    "PERSONAL_DATA_EXPORTED",
                    "PERSON_ERASED",
                    "CONTENT_RETENTION");
    private static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final AuditCsv csv;
    private final PageForms forms;

    AuditPageController(AuditLog log, AuditCsv csv, PageForms forms) {
        this.forms = forms;
        this.log = log;
        this.csv = csv;
    }

    @GetMapping("/admin/audit")
    String audit(
            TandemUser user,
            AuditFilter filter,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("filter", filter);
        model.addAttribute("actions", ACTIONS);
        var read = forms.attempt(filter::query);
        if (read.refused(response, model)) {
            model.addAttribute("errors", read.errors());
            model.addAttribute("entries", null);
            return "audit/log";
        }
        AuditQuery query = read.value();
        model.addAttribute("errors", Map.of());
        model.addAttribute(
                "entries",
                log.find(user.organisationId(), query, PageQuery.of(Math.max(page, 0), PAGE_SIZE)));
        return "audit/log";
    }

    @PostMapping("/admin/audit/verify")
    String verify(TandemUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", log.verify(user.organisationId()));
        return "redirect:/admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    void download(TandemUser user, AuditFilter filter, HttpServletResponse response)
            throws IOException {
        csv.download(user.organisationId(), filter.query(), response);
    }
}
