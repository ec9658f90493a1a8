package io.tandem.meetings.web;

import io.tandem.identity.TandemUser;
import io.tandem.meetings.VideoMode;
import io.tandem.meetings.VideoSetting;
import io.tandem.meetings.VideoSettingManagement;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where meetings' video rooms come from: the organisation's setting for admins ({@code
 * /admin/video}) and a program's for its managers ({@code /programs/{id}/video}).
 */
@Controller
class VideoSettingsPageController {

    private final VideoSettingManagement videos;
    private final ProgramManagement programs;
    private final PageForms forms;

    VideoSettingsPageController(
            VideoSettingManagement videos, ProgramManagement programs, PageForms forms) {
        this.videos = videos;
        this.programs = programs;
        this.forms = forms;
    }

    @GetMapping("/admin/video")
    @PreAuthorize("hasRole('ADMIN')")
    String organisation(TandemUser user, Model model) {
        VideoSetting stored = videos.stored(user.organisationId(), null);
        return page(user, null, stored.mode().name(), stored.baseUrl(), Map.of(), model);
    }

    @PostMapping("/admin/video")
    @PreAuthorize("hasRole('ADMIN')")
    String saveOrganisation(
            TandemUser user,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String baseUrl,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(user, null, mode, baseUrl, model, response, redirect, "/admin/video");
    }

    @GetMapping("/programs/{id}/video")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String program(TandemUser user, @PathVariable UUID id, Model model) {
        ProgramId program = new ProgramId(id);
        VideoSetting stored = videos.stored(user.organisationId(), program);
        return page(user, program, stored.mode().name(), stored.baseUrl(), Map.of(), model);
    }

    @PostMapping("/programs/{id}/video")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    String saveProgram(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String baseUrl,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(
                user,
                new ProgramId(id),
                mode,
                baseUrl,
                model,
                response,
                redirect,
                "/programs/" + id + "/video");
    }

    private String save(
            TandemUser user,
            ProgramId program,
            String mode,
            String baseUrl,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String back) {
        var saved =
                forms.attempt(
                        () -> videos.save(user.organisationId(), program, mode(mode), baseUrl));
        if (saved.refused(response, model)) {
            return page(user, program, mode, baseUrl, saved.errors(), model);
        }
        redirect.addFlashAttribute("notice", "meetings.video.saved");
        return "redirect:" + back;
    }

    private String page(
            TandemUser user,
            ProgramId program,
            String mode,
            String baseUrl,
            Map<String, String> errors,
            Model model) {
        model.addAttribute(
                "program", program == null ? null : programs.get(user.organisationId(), program));
        model.addAttribute("mode", mode);
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("errors", errors);
        model.addAttribute("modes", VideoMode.values());
        model.addAttribute("effective", videos.effective(user.organisationId(), program));
        return "meetings/video-settings";
    }

    private static VideoMode mode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return VideoMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
