package io.tandem.people.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.tandem.identity.TandemUser;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.WorkMode;
import io.tandem.shared.PageQuery;
import io.tandem.web.RowHtml;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.web.csrf.CsrfToken;
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
    private final DirectoryRows rows;
    private final ProfileHtml profiles;

    DirectoryPageController(PeopleManagement people, DirectoryRows rows, ProfileHtml profiles) {
        this.people = people;
        this.rows = rows;
        this.profiles = profiles;
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
            HttpServletRequest request,
            Locale locale,
            Model model) {
        WorkMode mode = WorkMode.parse(workMode).orElse(null);
        DirectoryQuery query =
                new DirectoryQuery(q, division, function, location, skill, language, mode);
        var results =
                people.search(
                        user.organisationId(), query, PageQuery.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        model.addAttribute("rows", rows.html(results.items(), request.getContextPath(), locale));
        model.addAttribute("pager", rows.pager(results, query, request.getContextPath(), locale));
        // A history restore that missed htmx's cache needs the whole page, not the fragment.
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            return "people/fragments/results :: results";
        }
        model.addAttribute(
                "choices", rows.choices(people.values(user.organisationId()), query, locale));
        return "people/directory";
    }

    @GetMapping("/people/{id}")
    String profile(
            TandemUser user,
            @PathVariable UUID id,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        var person = people.get(user.organisationId(), new PersonId(id));
        model.addAttribute("person", person);
        var line = people.reportingLine(user.organisationId(), person.id());
        model.addAttribute(
                "sections", profiles.html(person, line, request.getContextPath(), locale));
        model.addAttribute(
                "own", user.email() != null && user.email().equalsIgnoreCase(person.email()));
        if (user.managesPrograms()) {
            var account = people.account(user.organisationId(), person.id());
            model.addAttribute("account", account);
            model.addAttribute(
                    "accountBox",
                    profiles.account(
                            person,
                            new ProfileHtml.AccountBox(
                                    account,
                                    user.isAdmin(),
                                    Boolean.TRUE.equals(model.getAttribute("roleChanged")),
                                    request.getContextPath(),
                                    RowHtml.csrfField(
                                            (CsrfToken)
                                                    request.getAttribute(
                                                            CsrfToken.class.getName()))),
                            locale));
        }
        return "people/profile";
    }
}
