package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A page form refused for bad input comes back as the same form with status 422, every value as
 * entered, and the message next to the field it is about (aria-invalid, aria-describedby pointing
 * at it), drawn by the one shared field fragment. Each text field is sent one character over its
 * size, and required ones blank.
 */
@TandemIntegrationTest
public class PageFormErrorsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;

    record Form(String path, RequestPostProcessor user, Map<String, String> valid) {}

    record Case(Form form, String field, String value) {}

    @Test
    void everyFieldRefusedIsShownInlineWithWhatWasEntered() throws Exception {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                "employee_id,email,first_name,last_name\nE1,eva@forms.test,Eva,Early\n"
                        .getBytes(StandardCharsets.UTF_8));
        RequestPostProcessor admin =
                TestOrganisations.signedIn(org.id(), "ada@forms.test", Role.ADMIN);
        RequestPostProcessor employee =
                TestOrganisations.signedIn(org.id(), "eva@forms.test", Role.EMPLOYEE);

        Form profile = new Form("/profile/edit", employee, Map.of("timeZone", "UTC"));
        Form builder =
                new Form(
                        "/programs/new",
                        admin,
                        Map.of("name", "Forms", "template", "CROSS_DIVISIONAL"));
        Form tokens = new Form("/admin/tokens", admin, Map.of("name", "forms", "role", "ADMIN"));
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Forms", "ASPIRATION"));
        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        Form enrol =
                new Form(
                        "/programs/" + program.id() + "/enrol",
                        employee,
                        Map.of("role", "MENTEE", "timeZone", "UTC"));

        List<Case> cases =
                List.of(
                        new Case(profile, "bio", "b".repeat(4_001)),
                        new Case(profile, "skills", "s".repeat(4_001)),
                        new Case(profile, "skillsWanted", "w".repeat(4_001)),
                        new Case(profile, "languages", "l".repeat(1_001)),
                        new Case(builder, "name", "n".repeat(201)),
                        new Case(builder, "name", ""),
                        new Case(builder, "description", "d".repeat(4_001)),
                        new Case(tokens, "name", "t".repeat(121)),
                        new Case(tokens, "name", ""),
                        new Case(enrol, "goals", "g".repeat(4_001)),
                        new Case(enrol, "skillsWanted", "w".repeat(4_001)),
                        new Case(enrol, "skillsOffered", "o".repeat(4_001)),
                        new Case(enrol, "preferences", "p".repeat(4_001)),
                        new Case(enrol, "availability", "a".repeat(1_001)));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Map<String, String> values = new LinkedHashMap<>(c.form().valid());
            values.put(c.field(), c.value());
            MockHttpServletRequestBuilder request =
                    post(c.form().path()).with(c.form().user()).with(csrf());
            values.forEach(request::param);
            MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
            String what = c.form().path() + " " + c.field() + " (" + c.value().length() + " chars)";
            if (answer.getStatus() != 422) {
                wrong.add(what + ": status " + answer.getStatus());
                continue;
            }
            String page = answer.getContentAsString(StandardCharsets.UTF_8);
            String problem = shownInline(page, c.field(), null, c.value());
            if (problem != null) {
                wrong.add(what + ": " + problem);
            }
        }
        assertThat(wrong).as("forms that did not show the refusal inline").isEmpty();
    }

    /**
     * How the page fails to show the refusal of the control {@code id} inline, or null when it
     * does: the control marked invalid and described by its message, the message right after it, no
     * raw message key, the message holding {@code message} (when given) and the control the value
     * {@code kept} (when given).
     */
    public static String shownInline(String page, String id, String message, String kept) {
        Matcher control =
                Pattern.compile(
                                "<(input|textarea|select)\\b([^>]*\\bid=\""
                                        + id
                                        + "\"[^>]*)>(?:([^<]*)</textarea>)?")
                        .matcher(page);
        Matcher shown =
                Pattern.compile("<p\\b[^>]*\\bid=\"" + id + "-error\"[^>]*>([^<]*)</p>")
                        .matcher(page);
        if (!control.find() || !shown.find() || shown.group(1).isBlank()) {
            return "no control or no message next to it";
        }
        String attributes = control.group(2);
        String describedBy = attribute(attributes, "aria-describedby");
        if (!"true".equals(attribute(attributes, "aria-invalid"))
                || describedBy == null
                || !List.of(describedBy.split(" ")).contains(id + "-error")) {
            return "the control is not tied to its message";
        }
        String between = page.substring(control.end(), shown.start());
        if (shown.start() < control.end() || between.contains("class=\"field\"")) {
            return "the message is not next to the field";
        }
        if (shown.group(1).startsWith("??")) {
            return "raw message key " + shown.group(1);
        }
        if (message != null && !shown.group(1).contains(message)) {
            return "message " + shown.group(1);
        }
        String value =
                control.group(1).equals("textarea")
                        ? control.group(3)
                        : attribute(attributes, "value");
        if (kept != null && !kept.equals(value == null ? "" : value)) {
            return "the value entered was not kept";
        }
        return null;
    }

    static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }
}
