package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No input reaches a 500: every route Spring MVC knows (so a new one is covered without touching
 * this test) gets a corpus of hostile values in its path, query, form fields, JSON body and raw
 * body, as a signed-in admin and employee and, on {@code /api/**}, with an admin's and an
 * employee's API token; the employee gets the first, sharpest part of each corpus (NUL, lone
 * surrogates, 10,000 characters, wrong numbers), which keeps the run to minutes. Every refusal the
 * API answers is an RFC 9457 problem detail.
 */
@TandemIntegrationTest
class HostileInputIntegrationTests {

    /** Text values for path ids, query parameters and form fields. */
    static final List<String> TEXT =
            List.of(
                    "\u0000",
                    "\uD800",
                    "x\uDC00y",
                    "x".repeat(10_000),
                    "-1",
                    "99999999999999999999999",
                    "NOT_A_KNOWN_VALUE",
                    "' OR '1'='1' --",
                    "<script>alert(1)</script>",
                    "",
                    "not-a-uuid");

    /** JSON values put into every field of a request body at once. */
    static final List<String> JSON_VALUES =
            List.of(
                    "\"\\u0000\"",
                    "\"\\ud800\"",
                    "\"" + "x".repeat(10_000) + "\"",
                    "\"NOT_A_KNOWN_VALUE\"",
                    "\"<script>alert(1)</script>\"",
                    "\"\"",
                    "-1",
                    "99999999999999999999999",
                    "true",
                    "null",
                    "[]",
                    "[null]",
                    "[\"\\u0000\"]",
                    "{}");

    /** Bodies that are not what the route reads, each with the content type it is sent as. */
    static final List<Map.Entry<String, String>> RAW =
            List.of(
                    Map.entry(MediaType.APPLICATION_JSON_VALUE, "{"),
                    Map.entry(MediaType.APPLICATION_JSON_VALUE, "{\"name\": \"a\u0000\"}"),
                    Map.entry(MediaType.APPLICATION_JSON_VALUE, "null"),
                    Map.entry(MediaType.TEXT_PLAIN_VALUE, "hello"),
                    Map.entry(MediaType.APPLICATION_XML_VALUE, "<program><name>x</name></program>"),
                    Map.entry("text/csv", "employee_id,email\n\u0000,a@b.test\n"),
                    Map.entry(
                            "text/csv",
                            "employee_id,email,first_name,last_name\n"
                                    + "x".repeat(150)
                                    + ",long@hostile.test,Lo\uD800ng,Id\n"));

    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    @Autowired MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;

    record Identity(String name, RequestPostProcessor user, String bearer) {}

    record Route(HttpMethod method, String pattern, HandlerMethod handler) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void noHostileValueOnAnyRouteGetsA5xx() throws Exception {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division\n"
                                + "A1,ada@hostile.test,Ada,Admin,People\n"
                                + "M1,mia@hostile.test,Mia,Mentor,Digital\n"
                                + "E1,eva@hostile.test,Eva,Early,Retail\n")
                        .getBytes(StandardCharsets.UTF_8));
        PersonId mentor = people.findByEmail(org.id(), "mia@hostile.test").orElseThrow().id();
        PersonId mentee = people.findByEmail(org.id(), "eva@hostile.test").orElseThrow().id();
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Hostile", "CROSS_DIVISIONAL"));
        MentorshipId mentorship =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        program.id(),
                        mentee,
                        mentor,
                        80);
        UUID enrolment =
                enrolling.enrolmentsOf(org.id(), mentee).stream()
                        .map(EnrolmentView::id)
                        .findFirst()
                        .orElseThrow()
                        .value();
        Map<String, String> real =
                Map.of(
                        "programs", program.id().value().toString(),
                        "mentorships", mentorship.value().toString(),
                        "people", mentee.value().toString(),
                        "enrolments", enrolment.toString());

        List<Identity> identities =
                List.of(
                        new Identity(
                                "admin",
                                TestOrganisations.signedIn(
                                        org.id(), "ada@hostile.test", Role.ADMIN),
                                null),
                        new Identity(
                                "employee",
                                TestOrganisations.signedIn(
                                        org.id(), "eva@hostile.test", Role.EMPLOYEE),
                                null),
                        new Identity("admin token", null, org.bearer()),
                        new Identity(
                                "employee token", null, organisations.token(org, Role.EMPLOYEE)));

        List<Route> routes = routes();
        assertThat(routes).as("routes found").hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            for (Identity identity : identities) {
                if (route.api() != (identity.bearer() != null)) {
                    continue;
                }
                boolean full = identity.name().startsWith("admin");
                for (AbstractMockHttpServletRequestBuilder<?> request :
                        requests(route, real, full)) {
                    sent++;
                    String outcome = send(request, identity);
                    if (outcome != null) {
                        failures.add(route + " as " + identity.name() + ": " + outcome);
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(2_000);
        // One line per route and identity, with the first request that failed there.
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String failure : failures) {
            String where = failure.substring(0, failure.indexOf(": "));
            first.putIfAbsent(where, failure);
            count.merge(where, 1, Integer::sum);
        }
        assertThat(
                        first.entrySet().stream()
                                .map(e -> count.get(e.getKey()) + " × " + e.getValue())
                                .collect(Collectors.joining("\n")))
                .as(
                        failures.size()
                                + " of "
                                + sent
                                + " requests answered 5xx or an API 4xx in another shape")
                .isEmpty();
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (!entry.getValue().getBeanType().getPackageName().startsWith("io.tandem")) {
                continue;
            }
            Set<HttpMethod> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.asHttpMethod()));
            if (methods.isEmpty()) {
                methods.addAll(List.of(HttpMethod.GET, HttpMethod.POST));
            }
            for (String pattern : info.getPatternValues()) {
                for (HttpMethod method : methods) {
                    routes.add(new Route(method, pattern, entry.getValue()));
                }
            }
        }
        return routes;
    }

    /** The route with real ids and a plausible body first, then each hostile value in turn. */
    List<AbstractMockHttpServletRequestBuilder<?>> requests(
            Route route, Map<String, String> real, boolean full) {
        List<AbstractMockHttpServletRequestBuilder<?>> requests = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(route.pattern());
        while (m.find()) {
            variables.add(m.group(1));
        }
        String template = VARIABLE.matcher(route.pattern()).replaceAll("{$1}");
        Object[] realIds = variables.stream().map(v -> realId(route.pattern(), v, real)).toArray();

        // Path ids that are not ids.
        for (String bad :
                full ? List.of("not-a-uuid", "%00", "x".repeat(2_000)) : List.of("not-a-uuid")) {
            Object[] ids = variables.stream().map(v -> (Object) bad).toArray();
            if (ids.length > 0) {
                requests.add(plain(route, template, ids));
            }
        }
        if (variables.size() > 0) {
            Object[] random =
                    variables.stream().map(v -> (Object) UUID.randomUUID().toString()).toArray();
            requests.add(plain(route, template, random));
        }

        List<String> params = new ArrayList<>();
        Class<?> body = null;
        boolean multipart = false;
        for (MethodParameter parameter : route.handler().getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = type;
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                multipart = true;
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                String name =
                        annotation.name().isEmpty()
                                ? parameter.getParameterName()
                                : annotation.name();
                params.add(name);
            } else if (type.isRecord()
                    && type.getPackageName().startsWith("io.tandem")
                    && type != io.tandem.identity.TandemUser.class) {
                for (RecordComponent component : type.getRecordComponents()) {
                    params.add(component.getName());
                }
            }
        }

        for (String value : full ? TEXT : TEXT.subList(0, 5)) {
            MockHttpServletRequestBuilder request = plain(route, template, realIds);
            for (String param : params) {
                request.param(param, value);
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(json(body, "\"x\""));
            }
            requests.add(request);
        }
        if (body != null) {
            for (String value : full ? JSON_VALUES : JSON_VALUES.subList(0, 4)) {
                requests.add(
                        plain(route, template, realIds)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json(body, value)));
            }
        }
        if (route.method() != HttpMethod.GET) {
            for (Map.Entry<String, String> raw : full ? RAW : RAW.subList(0, 2)) {
                requests.add(
                        plain(route, template, realIds)
                                .contentType(raw.getKey())
                                .content(raw.getValue().getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (multipart) {
            for (Map.Entry<String, String> raw : RAW) {
                requests.add(
                        MockMvcRequestBuilders.multipart(template, realIds)
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "people.csv",
                                                raw.getKey(),
                                                raw.getValue().getBytes(StandardCharsets.UTF_8))));
            }
        }
        return requests;
    }

    static MockHttpServletRequestBuilder plain(Route route, String template, Object[] ids) {
        return MockMvcRequestBuilders.request(route.method(), template, ids)
                .accept(route.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
    }

    /** A real id where the path names a kind this test made, a random one otherwise. */
    static String realId(String pattern, String variable, Map<String, String> real) {
        String before = pattern.substring(0, pattern.indexOf("{" + variable));
        String[] segments = before.split("/");
        String kind = segments.length == 0 ? "" : segments[segments.length - 1];
        if ("id".equals(variable) && real.containsKey(kind)) {
            return real.get(kind);
        }
        if ("enrolment".equals(variable)) {
            return real.get("enrolments");
        }
        if ("step".equals(variable)) {
            return "activate";
        }
        return UUID.randomUUID().toString();
    }

    /** A JSON object with every component of the record set to one value. */
    static String json(Class<?> type, String value) {
        if (!type.isRecord()) {
            return value;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(component.getName(), value);
        }
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Null when the answer is below 500, else what went wrong. */
    String send(AbstractMockHttpServletRequestBuilder<?> request, Identity identity) {
        if (identity.user() != null) {
            request.with(identity.user()).with(csrf());
        } else {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.bearer());
        }
        String what = describe(request);
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            int status = response.getStatus();
            if (status >= 500) {
                return status + " for " + what;
            }
            // The API refuses in one shape: RFC 9457 problem details naming the status, also
            // for what is refused before any handler (an encoded NUL in a path segment, a route
            // that answers text/event-stream or text/csv asked for JSON).
            if (identity.bearer() != null
                    && status >= 400
                    && (response.getContentType() == null
                            || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                                    MediaType.parseMediaType(response.getContentType()))
                            || !response.getContentAsString(StandardCharsets.UTF_8)
                                    .contains("\"status\":" + status))) {
                return status
                        + " not a ProblemDetail ("
                        + response.getContentType()
                        + ") for "
                        + what;
            }
            return null;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "exception " + root + " for " + what;
        }
    }

    static String describe(AbstractMockHttpServletRequestBuilder<?> request) {
        var r = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        String params =
                r.getParameterMap().entrySet().stream()
                        .map(e -> e.getKey() + "=" + abbreviate(e.getValue()[0]))
                        .collect(Collectors.joining("&"));
        String content =
                r.getContentAsByteArray() == null
                        ? ""
                        : abbreviate(new String(r.getContentAsByteArray(), StandardCharsets.UTF_8));
        return abbreviate(r.getRequestURI()) + " ?" + params + " body " + content;
    }

    static String abbreviate(String s) {
        String visible = s.replace("\u0000", "\\0").replaceAll("[\uD800-\uDFFF]", "\\\\uSURR");
        return visible.length() > 80 ? visible.substring(0, 80) + "…" : visible;
    }
}
