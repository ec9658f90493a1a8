package io.tandem.people.web;

import io.tandem.identity.TandemUser;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.people.ProfileUpdate;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Your own profile: what you may change about yourself. */
@Controller
@RequestMapping("/profile")
class ProfilePageController {

    record ProfileForm(
            @Size(max = 4000) String bio,
            @Size(max = 4000) String skills,
            @Size(max = 4000) String skillsWanted,
            @Size(max = 200) String aspiredDivision,
            @Size(max = 200) String aspiredLocation,
            @Size(max = 1000) String languages,
            @Size(max = 64) String timeZone) {

        static ProfileForm of(PersonSummary person) {
            return new ProfileForm(
                    person.bio(),
                    String.join("; ", person.skills()),
                    String.join("; ", person.skillsWanted()),
                    person.aspiredDivision(),
                    person.aspiredLocation(),
                    String.join("; ", person.languages()),
                    person.timeZone());
        }

        ProfileUpdate update() {
            return new ProfileUpdate(
                    bio,
                    split(skills),
                    split(skillsWanted),
                    aspiredDivision,
                    aspiredLocation,
                    split(languages),
                    timeZone);
        }

        private static List<String> split(String text) {
            return text == null ? List.of() : Arrays.asList(text.split("[;,]"));
        }
    }

    private final PeopleManagement people;
    private final PageForms forms;

    ProfilePageController(PeopleManagement people, PageForms forms) {
        this.people = people;
        this.forms = forms;
    }

    @GetMapping
    String mine(TandemUser user, @CurrentPerson Optional<PersonSummary> profile) {
        return profile.map(person -> "redirect:/people/" + person.id()).orElse("people/no-profile");
    }

    @GetMapping("/edit")
    String edit(TandemUser user, @CurrentPerson Optional<PersonSummary> person, Model model) {
        if (person.isEmpty()) {
            return "people/no-profile";
        }
        model.addAttribute("person", person.get());
        model.addAttribute("form", ProfileForm.of(person.get()));
        model.addAttribute("values", people.values(user.organisationId()));
        model.addAttribute("zones", PeopleManagement.TIME_ZONES);
        return "people/edit-profile";
    }

    @PostMapping("/edit")
    String save(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @Valid ProfileForm entered,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        var person = profile;
        if (person.isEmpty()) {
            return "people/no-profile";
        }
        ProfileForm form = FormInput.asEntered(entered, binding, ProfileForm.class);
        var saved =
                forms.attempt(
                        binding,
                        () ->
                                people.updateProfile(
                                        user.organisationId(), person.get().id(), form.update()));
        if (saved.refused(response, model)) {
            model.addAttribute("person", person.get());
            model.addAttribute("form", form);
            model.addAttribute("errors", saved.errors());
            model.addAttribute("values", people.values(user.organisationId()));
            model.addAttribute("zones", PeopleManagement.TIME_ZONES);
            return "people/edit-profile";
        }
        redirect.addFlashAttribute("notice", "profile.saved");
        return "redirect:/people/" + person.get().id();
    }
}
