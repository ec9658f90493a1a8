package io.tandem.people.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.tandem.identity.TandemUser;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.WorkMode;
import io.tandem.shared.PageQuery;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory and profiles: one URL serves the page, and the results fragment to htmx. */
@Controller
class DirectoryPageController {

    private static final int PAGE_SIZE = 25;

    private final PeopleManagement people;

    DirectoryPageController(PeopleManagement people) {
        this.people = people;
    }

    @GetMapping("/people")
    String directory(
            TandemUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String function,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String workMode,
            @RequestParam(defaultValue = "0") int page,
            HtmxRequest htmx,
            Model model) {
        WorkMode mode = WorkMode.parse(workMode).orElse(null);
        DirectoryQuery query =
                new DirectoryQuery(q, division, function, location, skill, language, mode);
        var results =
                people.search(
                        user.organisationId(), query, PageQuery.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        // A history restore that missed htmx's cache needs the whole page, not the fragment.
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            return "people/fragments/results :: results";
        }
        model.addAttribute("values", people.values(user.organisationId()));
        model.addAttribute("workModes", WorkMode.values());
        return "people/directory";
    }

    @GetMapping("/people/{id}")
    String profile(TandemUser user, @PathVariable UUID id, Model model) {
        var person = people.get(user.organisationId(), new PersonId(id));
        model.addAttribute("person", person);
        model.addAttribute("line", people.reportingLine(user.organisationId(), person.id()));
        model.addAttribute(
                "own", user.email() != null && user.email().equalsIgnoreCase(person.email()));
        if (user.managesPrograms()) {
            model.addAttribute("account", people.account(user.organisationId(), person.id()));
            model.addAttribute("canChangeRole", user.isAdmin());
        }
        return "people/profile";
    }
}
