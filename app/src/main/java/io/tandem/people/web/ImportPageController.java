package io.tandem.people.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.tandem.identity.TandemUser;
import io.tandem.people.ImportResult;
import io.tandem.people.PeopleManagement;
import io.tandem.web.PageForms;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/people/import")
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class ImportPageController {

    private final PeopleManagement people;
    private final PageForms forms;
    private final long maxBytes;

    ImportPageController(
            PeopleManagement people, PageForms forms, io.tandem.web.WebProperties web) {
        this.people = people;
        this.forms = forms;
        this.maxBytes = web.imports().maxBytes();
    }

    @GetMapping
    String form() {
        return "people/import";
    }

    @PostMapping
    String upload(
            TandemUser user,
            @RequestParam(value = "file", required = false) MultipartFile file,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        String view =
                htmx.isHtmxRequest()
                        ? "people/fragments/import-outcome :: outcome"
                        : "people/import";
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", "import.no-file");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return view;
        }
        if (file.getSize() > maxBytes) {
            model.addAttribute("failure", "import.too-large");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return view;
        }
        byte[] csv = file.getBytes();
        PageForms.Outcome<ImportResult> outcome =
                forms.attempt(() -> people.importCsv(user.organisationId(), csv));
        model.addAttribute("fileName", file.getOriginalFilename());
        if (outcome.refused(response, model)) {
            // A refused file keeps every row's reason, in the person's language, for its table.
            model.addAttribute("refusal", outcome);
        } else {
            model.addAttribute("result", outcome.value());
        }
        return view;
    }
}
