package io.tandem.people.web;

import io.tandem.identity.TandemUser;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.people.PersonalDataManagement;
import io.tandem.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data from the profile: a person downloads their own; an admin downloads anyone's and
 * erases a person after confirming.
 */
@Controller
class PersonalDataPageController {

    private final PersonalDataManagement personalData;
    private final PeopleManagement people;
    private final JsonMapper json;

    PersonalDataPageController(
            PersonalDataManagement personalData, PeopleManagement people, JsonMapper json) {
        this.personalData = personalData;
        this.people = people;
        this.json = json;
    }

    @GetMapping("/profile/personal-data")
    ResponseEntity<byte[]> own(TandemUser user, @CurrentPerson Optional<PersonSummary> profile) {
        PersonSummary person = profile.orElseThrow(() -> new NotFound("people.not-found"));
        return download(personalData.export(user.organisationId(), person.id()));
    }

    @GetMapping("/people/{id}/personal-data")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> anyone(TandemUser user, @PathVariable UUID id) {
        return download(personalData.export(user.organisationId(), new PersonId(id)));
    }

    @GetMapping("/people/{id}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    String confirm(TandemUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("person", people.get(user.organisationId(), new PersonId(id)));
        return "people/erase";
    }

    @PostMapping("/people/{id}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    String erase(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PersonSummary person = people.get(user.organisationId(), new PersonId(id));
        if (!confirm) {
            model.addAttribute("person", person);
            model.addAttribute("error", "trust.erase.unconfirmed");
            response.setStatus(422);
            return "people/erase";
        }
        boolean erased = personalData.erase(user.organisationId(), person.id());
        redirect.addFlashAttribute("notice", erased ? "trust.erase.done" : "trust.erase.already");
        return "redirect:/people/" + id;
    }

    private ResponseEntity<byte[]> download(Map<String, Object> document) {
        byte[] body =
                json.rebuild()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsBytes(document);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("tandem-personal-data.json")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
