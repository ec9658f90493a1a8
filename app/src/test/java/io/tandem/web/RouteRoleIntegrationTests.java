package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.identity.TokenScope;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramAccess;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The route × role table (issue 15, items 5 and 6): every route the application maps, asked by
 * every kind of caller, answers as the table says. A route missing from the table fails the test,
 * so a new route is not reachable by accident. The callers sign in for real (a session cookie) or
 * carry a real token:
 *
 * <pre>
 *   column  caller
 *   0       anonymous
 *   1       employee: the mentee of the pair in program P
 *   2       program manager of another program (Q)
 *   3       program manager of P
 *   4       admin
 *   5       API token (api scope, admin role)
 *   6       API token (api scope, program-manager role: a token is nobody, so it manages no program)
 *   7       SCIM token
 * </pre>
 *
 * Answers: {@code O} let through (2xx, or a redirect elsewhere than sign-in), {@code V} let through
 * to the input's checks, which refuse the empty request sent (400, 409, 422), {@code L} redirect to
 * sign in, {@code 1} 401, {@code 3} 403, {@code 4} 404, {@code 5} a server error.
 *
 * <p>Organisations apart: every route with an id of the first organisation in its path answers 404
 * to a second organisation's admin (page), API token and SCIM token, unless it is listed in {@link
 * #NOT_ORGANISATION_DATA}.
 *
 * <p>The data is built once; callers are refused first (a refusal writes nothing), then the callers
 * let through are sent, reading before writing and erasing last.
 */
@TandemIntegrationTest
class RouteRoleIntegrationTests {

    static final String PASSWORD = "route-role-secret-1";

    // Shorthands for the common rows; any other row is written out.
    static final String PUBLIC = "OOOOOOOO";
    static final String SIGNED_IN = "LOOOOLLL";
    static final String PAIR = "LO444LLL";
    static final String MANAGERS = "L3OOOLLL";
    static final String PROGRAM = "L34OOLLL";
    static final String ADMIN = "L333OLLL";
    static final String API = "11111OO3";
    static final String API_MANAGE = "11111O43";
    static final String API_ADMIN = "11111O33";
    static final String SCIM = "1111133O";

    static final Map<String, String> TABLE = new TreeMap<>();

    static {
        row("DELETE /api/v1/programs/{id}/managers/{personId}", API_ADMIN);
        row("DELETE /scim/v2/Groups/{id}", "11111334");
        row("DELETE /scim/v2/Users/{id}", SCIM);
        row("GET /", SIGNED_IN);
        row("GET /account/forgot", PUBLIC);
        row("GET /account/{step:activate|reset}", PUBLIC);
        row("GET /admin/audit", ADMIN);
        row("GET /admin/audit.csv", ADMIN);
        row("GET /admin/outbox", ADMIN);
        row("GET /admin/retention", ADMIN);
        row("GET /admin/sso", ADMIN);
        row("GET /admin/tokens", ADMIN);
        row("GET /admin/video", ADMIN);
        row("GET /api/v1/audit", API_ADMIN);
        row("GET /api/v1/audit.csv", API_ADMIN);
        row("GET /api/v1/conversations/{id}/messages", "1O444444");
        row("GET /api/v1/conversations/{id}/stream", "1O444444");
        row("GET /api/v1/match-runs/{id}", API_MANAGE);
        row("GET /api/v1/meetings/{id}", "11111443");
        row("GET /api/v1/mentorships", API);
        row("GET /api/v1/mentorships/{id}", API_MANAGE);
        row("GET /api/v1/mentorships/{id}/meetings", API_MANAGE);
        row("GET /api/v1/mentorships/{id}/slots", API_MANAGE);
        row("GET /api/v1/people", API);
        row("GET /api/v1/people/values", API);
        row("GET /api/v1/people/{id}", API);
        row("GET /api/v1/people/{id}/account", API);
        row("GET /api/v1/people/{id}/export", API_ADMIN);
        row("GET /api/v1/people/{id}/personal-data", API_ADMIN);
        row("GET /api/v1/people/{id}/reporting-line", API);
        row("GET /api/v1/program-templates", API);
        row("GET /api/v1/programs", API);
        row("GET /api/v1/programs/{id}", API);
        row("GET /api/v1/programs/{id}/closure-surveys", API_MANAGE);
        row("GET /api/v1/programs/{id}/enrolments", API_MANAGE);
        row("GET /api/v1/programs/{id}/goal-sharing", API_MANAGE);
        row("GET /api/v1/programs/{id}/managers", API_ADMIN);
        row("GET /api/v1/programs/{id}/match-runs", API_MANAGE);
        row("GET /api/v1/programs/{id}/recommendations", "11111V43");
        row("GET /api/v1/programs/{id}/report", API_MANAGE);
        row("GET /api/v1/programs/{id}/report.csv", API_MANAGE);
        row("GET /api/v1/requests", "11111VV3");
        row("GET /api/v1/requests/{id}", "11111443");
        row("GET /api/v1/tokens", API_ADMIN);
        row("GET /calendar/{secret}.ics", "44444444");
        row("GET /conversations", SIGNED_IN);
        row("GET /conversations/{id}", PAIR);
        row("GET /conversations/{id}/messages/{message}/edit", "L4444LLL");
        row("GET /conversations/{id}/stream", PAIR);
        row("GET /engagement", ADMIN);
        row("GET /error", "44444444");
        row("GET /login", PUBLIC);
        row("GET /match-runs/compare", "L3VVVLLL");
        row("GET /match-runs/{id}", PROGRAM);
        row("GET /match-runs/{id}/publish", PROGRAM);
        row("GET /meetings/{id}", "L4444LLL");
        row("GET /mentorships", SIGNED_IN);
        row("GET /mentorships/{id}", PAIR);
        row("GET /mentorships/{id}/agreement", PAIR);
        row("GET /mentorships/{id}/check-in", PAIR);
        row("GET /mentorships/{id}/conversation", PAIR);
        row("GET /mentorships/{id}/end", PAIR);
        row("GET /mentorships/{id}/goals/{goal}", "L4444LLL");
        row("GET /mentorships/{id}/meetings", PAIR);
        row("GET /mentorships/{id}/meetings/new", PAIR);
        row("GET /mentorships/{id}/survey", PAIR);
        row("GET /messages/unread/stream", SIGNED_IN);
        row("GET /messaging/reports", MANAGERS);
        row("GET /notifications", SIGNED_IN);
        row("GET /notifications/preferences/{token}", "44444444");
        row("GET /people", SIGNED_IN);
        row("GET /people/accounts", MANAGERS);
        row("GET /people/import", MANAGERS);
        row("GET /people/{id}", SIGNED_IN);
        row("GET /people/{id}/erase", ADMIN);
        row("GET /people/{id}/personal-data", ADMIN);
        row("GET /profile", SIGNED_IN);
        row("GET /profile/calendar", SIGNED_IN);
        row("GET /profile/edit", SIGNED_IN);
        row("GET /profile/hours", SIGNED_IN);
        row("GET /profile/personal-data", SIGNED_IN);
        row("GET /programs", SIGNED_IN);
        row("GET /programs/new", MANAGERS);
        row("GET /programs/{id}", SIGNED_IN);
        row("GET /programs/{id}/close", PROGRAM);
        row("GET /programs/{id}/dashboard", PROGRAM);
        row("GET /programs/{id}/dashboard.csv", PROGRAM);
        row("GET /programs/{id}/engagement", PROGRAM);
        row("GET /programs/{id}/enrol", SIGNED_IN);
        row("GET /programs/{id}/enrolments/{enrolment}/withdraw", "LO4OOLLL");
        row("GET /programs/{id}/exports/aggregates.csv", PROGRAM);
        row("GET /programs/{id}/exports/pairs.csv", PROGRAM);
        row("GET /programs/{id}/exports/participants.csv", PROGRAM);
        row("GET /programs/{id}/knowledge-flow", PROGRAM);
        row("GET /programs/{id}/matching", PROGRAM);
        row("GET /programs/{id}/mentors", "LVVVVLLL");
        row("GET /programs/{id}/office-hours", "LVVVVLLL");
        row("GET /programs/{id}/report", PROGRAM);
        row("GET /programs/{id}/rules", PROGRAM);
        row("GET /programs/{id}/video", PROGRAM);
        row("GET /programs/{programId}/mentorships", PROGRAM);
        row("GET /programs/{programId}/mentorships/{id}/end", PROGRAM);
        row("GET /requests", SIGNED_IN);
        row("GET /scim/v2/Groups", SCIM);
        row("GET /scim/v2/Groups/{id}", "11111334");
        row("GET /scim/v2/ResourceTypes", SCIM);
        row("GET /scim/v2/ResourceTypes/{name}", SCIM);
        row("GET /scim/v2/Schemas", SCIM);
        row("GET /scim/v2/Schemas/{id}", SCIM);
        row("GET /scim/v2/ServiceProviderConfig", SCIM);
        row("GET /scim/v2/Users", SCIM);
        row("GET /scim/v2/Users/{id}", SCIM);
        row("GET /settings/notifications", SIGNED_IN);
        row("PATCH /api/v1/programs/{id}", "11111V43");
        row("PATCH /scim/v2/Groups/{id}", "11111334");
        row("PATCH /scim/v2/Users/{id}", "1111133V");
        row("POST /account/forgot", PUBLIC);
        row("POST /account/{step:activate|reset}", PUBLIC);
        row("POST /admin/audit/verify", ADMIN);
        row("POST /admin/retention", ADMIN);
        row("POST /admin/sso", "L333VLLL");
        row("POST /admin/tokens", "L333VLLL");
        row("POST /admin/tokens/{id}/revoke", ADMIN);
        row("POST /admin/video", "L333VLLL");
        row("POST /api/v1/audit/verify", API_ADMIN);
        row("POST /api/v1/conversations/{id}/messages", "1V444444");
        row("POST /api/v1/enrolments/{id}/approve", "11111V43");
        row("POST /api/v1/enrolments/{id}/decline", "11111V43");
        row("POST /api/v1/enrolments/{id}/withdraw", API_MANAGE);
        row("POST /api/v1/match-runs/{id}/assignments", "11111V43");
        row("POST /api/v1/match-runs/{id}/cancel", API_MANAGE);
        row("POST /api/v1/match-runs/{id}/locks", "11111443");
        row("POST /api/v1/match-runs/{id}/publish", API_MANAGE);
        row("POST /api/v1/match-runs/{id}/removals", "11111V43");
        row("POST /api/v1/match-runs/{id}/rerun", API_MANAGE);
        row("POST /api/v1/meetings/{id}/cancel", "11111443");
        row("POST /api/v1/mentorships/{id}/end", "11111V43");
        row("POST /api/v1/mentorships/{id}/meetings", "11111V43");
        row("POST /api/v1/people/activations", API);
        row("POST /api/v1/people/import", "11111VV3");
        row("POST /api/v1/people/{id}/activation", API);
        row("POST /api/v1/people/{id}/erase", API_ADMIN);
        row("POST /api/v1/programs", "11111V33");
        row("POST /api/v1/programs/{id}/enrolments", "11111V43");
        row("POST /api/v1/programs/{id}/invitations", "11111V43");
        row("POST /api/v1/programs/{id}/match-runs", API_MANAGE);
        row("POST /api/v1/programs/{id}/requests", "11111V43");
        row("POST /api/v1/programs/{id}/status", "11111V43");
        row("POST /api/v1/requests/{id}/accept", "11111VV3");
        row("POST /api/v1/requests/{id}/decline", "11111VV3");
        row("POST /api/v1/tokens", "11111V33");
        row("POST /api/v1/tokens/{id}/revoke", API_ADMIN);
        row("POST /conversations/{id}/messages", "LV444LLL");
        row("POST /conversations/{id}/messages/{message}/delete", "L4444LLL");
        row("POST /conversations/{id}/messages/{message}/edit", "L4444LLL");
        row("POST /conversations/{id}/messages/{message}/report", "L4444LLL");
        row("POST /error", "44444444");
        row("POST /match-runs/{id}/assignments", PROGRAM);
        row("POST /match-runs/{id}/cancel", PROGRAM);
        row("POST /match-runs/{id}/locks", "L34VVLLL");
        row("POST /match-runs/{id}/publish", PROGRAM);
        row("POST /match-runs/{id}/removals", "L34VVLLL");
        row("POST /match-runs/{id}/rerun", PROGRAM);
        row("POST /meetings/{id}/cancel", "L4444LLL");
        row("POST /meetings/{id}/notes", "L4444LLL");
        row("POST /meetings/{id}/outcome", "L4444LLL");
        row("POST /meetings/{id}/reschedule", "L4444LLL");
        row("POST /meetings/{id}/respond", "L4444LLL");
        row("POST /mentorships/{id}/actions", "LV444LLL");
        row("POST /mentorships/{id}/actions/{item}/done", "L4444LLL");
        row("POST /mentorships/{id}/agreement", "LV444LLL");
        row("POST /mentorships/{id}/agreement/sign", "LVVVVLLL");
        row("POST /mentorships/{id}/check-in", "LV444LLL");
        row("POST /mentorships/{id}/end", "LV444LLL");
        row("POST /mentorships/{id}/extend", "LV444LLL");
        row("POST /mentorships/{id}/goals", "LV444LLL");
        row("POST /mentorships/{id}/goals/adopt", "LVVVVLLL");
        row("POST /mentorships/{id}/goals/{goal}", "L4444LLL");
        row("POST /mentorships/{id}/goals/{goal}/milestones", "L4444LLL");
        row("POST /mentorships/{id}/goals/{goal}/milestones/{milestone}/met", "L4444LLL");
        row("POST /mentorships/{id}/goals/{goal}/progress", "L4444LLL");
        // the pair plans from the page; the empty form is refused field by field (422)
        row("POST /mentorships/{id}/meetings", "LV444LLL");
        row("POST /mentorships/{id}/milestones/{milestone}/met", "L4444LLL");
        row("POST /mentorships/{id}/notes", "LV444LLL");
        row("POST /mentorships/{id}/survey", "LV444LLL");
        row("POST /messaging/reports/{message}/dismiss", "L3444LLL");
        row("POST /messaging/reports/{message}/hide", "L3444LLL");
        row("POST /notifications/preferences/{token}", "44444444");
        row("POST /notifications/preferences/{token}/unsubscribe", "VVVVVVVV");
        row("POST /notifications/read", SIGNED_IN);
        row("POST /people/accounts/activations", MANAGERS);
        row("POST /people/import", "L3VVVLLL");
        row("POST /people/{id}/activation", MANAGERS);
        row("POST /people/{id}/role", ADMIN);
        row("POST /people/{id}/erase", "L333VLLL");
        row("POST /profile/calendar/reminders", SIGNED_IN);
        row("POST /profile/calendar/reset", SIGNED_IN);
        row("POST /profile/edit", "LVVVVLLL");
        row("POST /profile/hours", SIGNED_IN);
        row("POST /programs/new", "L3VVVLLL");
        row("POST /programs/{id}/engagement/pairs/{mentorship}/nudge", "L34VVLLL");
        row("POST /programs/{id}/engagement/rules", "L34VVLLL");
        row("POST /programs/{id}/enrol", "LVVVVLLL");
        row("POST /programs/{id}/enrolments/decisions", "L34VVLLL");
        row("POST /programs/{id}/enrolments/{enrolment}/decision", "L34VVLLL");
        row("POST /programs/{id}/enrolments/{enrolment}/withdraw", "LO4OOLLL");
        row("POST /programs/{id}/invitations", PROGRAM);
        row("POST /programs/{id}/managers", "L333VLLL");
        row("POST /programs/{id}/managers/{person}/remove", ADMIN);
        row("POST /programs/{id}/match-runs", PROGRAM);
        row("POST /programs/{id}/office-hours", "LVVVVLLL");
        row("POST /programs/{id}/office-hours/{slot}/book", "L4444LLL");
        row("POST /programs/{id}/requests", "LVVVVLLL");
        row("POST /programs/{id}/rules", PROGRAM);
        row("POST /programs/{id}/status", "L34VVLLL");
        row("POST /programs/{id}/video", "L34VVLLL");
        row("POST /programs/{programId}/mentorships/{id}/end", "L34VVLLL");
        row("POST /requests/{id}/accept", "L4444LLL");
        row("POST /requests/{id}/decline", "L4444LLL");
        row("POST /requests/{id}/withdraw", "L4444LLL");
        row("POST /scim/v2/Groups", "1111133V");
        row("POST /scim/v2/Users", "1111133V");
        row("POST /scim/v2/Users/.search", SCIM);
        row("POST /settings/notifications", SIGNED_IN);
        row("PUT /api/v1/programs/{id}/goal-sharing", "11111V43");
        row("PUT /api/v1/people/{id}/role", "11111V33");
        row("PUT /api/v1/programs/{id}/managers/{personId}", API_ADMIN);
        row("PUT /api/v1/programs/{id}/rules", "11111V43");
        row("PUT /scim/v2/Groups/{id}", "11111334");
        row("PUT /scim/v2/Users/{id}", SCIM);
    }

    private static void row(String route, String answers) {
        if (TABLE.put(route, answers) != null) {
            throw new IllegalStateException("listed twice: " + route);
        }
    }

    /** Routes whose path ids are not one organisation's data (static SCIM schema, secrets). */
    static final java.util.Set<String> NOT_ORGANISATION_DATA =
            java.util.Set.of(
                    "GET /scim/v2/ResourceTypes/{name}",
                    "GET /scim/v2/Schemas/{id}",
                    "GET /account/{step:activate|reset}",
                    "POST /account/{step:activate|reset}");

    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired ProgramAccess access;
    @Autowired MentorshipManagement mentorships;
    @Autowired MatchingManagement matching;
    @Autowired MessagingManagement messaging;

    record Caller(String name, Cookie session, String bearer) {}

    record Route(HttpMethod method, String pattern) {
        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/scim/");
        }

        boolean writes() {
            return method != HttpMethod.GET;
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division\n"
                                + "A1,ada-"
                                + run
                                + "@roles.test,Ada,Admin,People\n"
                                + "P1,pam-"
                                + run
                                + "@roles.test,Pam,Manager,People\n"
                                + "P2,otto-"
                                + run
                                + "@roles.test,Otto,Other,People\n"
                                + "E1,eva-"
                                + run
                                + "@roles.test,Eva,Early,Retail\n"
                                + "M1,mia-"
                                + run
                                + "@roles.test,Mia,Mentor,Digital\n"
                                + "Z1,zoe-"
                                + run
                                + "@roles.test,Zoe,Zed,Digital\n")
                        .getBytes(StandardCharsets.UTF_8));
        PersonId pam = person(org.id(), "pam-" + run);
        PersonId otto = person(org.id(), "otto-" + run);
        PersonId eva = person(org.id(), "eva-" + run);
        PersonId mia = person(org.id(), "mia-" + run);
        PersonId zoe = person(org.id(), "zoe-" + run);
        ProgramId p = programs.create(org.id(), ProgramDraft.of("P", "CROSS_DIVISIONAL")).id();
        ProgramId q = programs.create(org.id(), ProgramDraft.of("Q", "CROSS_DIVISIONAL")).id();
        access.assign(org.id(), p, pam);
        access.assign(org.id(), q, otto);
        MentorshipId pair =
                TestPairs.start(programs, enrolling, mentorships, org.id(), p, eva, mia, 80);
        UUID enrolment =
                enrolling.enrolmentsOf(org.id(), eva).stream()
                        .filter(e -> e.programId().equals(p))
                        .map(EnrolmentView::id)
                        .findFirst()
                        .orElseThrow()
                        .value();
        UUID matchRun =
                matching.start(org.id(), p, Objective.TOTAL, Algorithm.OPTIMAL).id().value();
        UUID conversation = messaging.conversationOf(org.id(), pair, eva);
        UUID token = identity.issueToken(org.id(), "to revoke", Role.EMPLOYEE, "tests").id();

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("program", p.value().toString());
        ids.put("mentorship", pair.value().toString());
        ids.put("enrolment", enrolment.toString());
        ids.put("run", matchRun.toString());
        ids.put("conversation", conversation.toString());
        ids.put("person", zoe.value().toString());
        ids.put("notManager", otto.value().toString());
        ids.put("token", token.toString());

        List<Caller> callers =
                List.of(
                        new Caller("anonymous", null, null),
                        new Caller("employee", signIn(org.id(), "eva-" + run, Role.EMPLOYEE), null),
                        new Caller(
                                "manager of another program",
                                signIn(org.id(), "otto-" + run, Role.PROGRAM_MANAGER),
                                null),
                        new Caller(
                                "program manager",
                                signIn(org.id(), "pam-" + run, Role.PROGRAM_MANAGER),
                                null),
                        new Caller("admin", signIn(org.id(), "ada-" + run, Role.ADMIN), null),
                        new Caller("api token", null, org.bearer()),
                        new Caller(
                                "program-manager api token",
                                null,
                                "Bearer " + organisations.token(org, Role.PROGRAM_MANAGER)),
                        new Caller(
                                "scim token",
                                null,
                                "Bearer "
                                        + identity.issueToken(
                                                        org.id(),
                                                        "idp",
                                                        Role.EMPLOYEE,
                                                        TokenScope.SCIM,
                                                        "tests")
                                                .secret()));

        TestOrganisation other = organisations.create();
        people.importCsv(
                other.id(),
                ("employee_id,email,first_name,last_name\nB1,bob-"
                                + run
                                + "@roles.test,Bob,Other\n")
                        .getBytes(StandardCharsets.UTF_8));
        List<Caller> strangers =
                List.of(
                        new Caller(
                                "other organisation's admin",
                                signIn(other.id(), "bob-" + run, Role.ADMIN),
                                null),
                        new Caller("other organisation's api token", null, other.bearer()),
                        new Caller(
                                "other organisation's scim token",
                                null,
                                "Bearer "
                                        + identity.issueToken(
                                                        other.id(),
                                                        "idp",
                                                        Role.EMPLOYEE,
                                                        TokenScope.SCIM,
                                                        "tests")
                                                .secret()));

        List<Route> routes = routes();
        assertThat(routes).as("routes found").hasSizeGreaterThan(150);
        List<String> unlisted =
                routes.stream().map(Route::key).filter(k -> !TABLE.containsKey(k)).toList();
        List<String> gone =
                TABLE.keySet().stream()
                        .filter(k -> routes.stream().noneMatch(r -> r.key().equals(k)))
                        .toList();

        Map<String, String> actual = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        // Refusals first: they write nothing, so every caller meets the same data.
        for (boolean letThrough : List.of(false, true)) {
            for (Route route : ordered(routes)) {
                String expected = TABLE.getOrDefault(route.key(), "????????");
                char[] row = actual.getOrDefault(route.key(), "........").toCharArray();
                for (int c = 0; c < callers.size(); c++) {
                    if (through(expected.charAt(c)) != letThrough) {
                        continue;
                    }
                    row[c] = answer(send(route, ids, callers.get(c)));
                    if (row[c] != expected.charAt(c) && expected.charAt(c) != '?') {
                        wrong.add(
                                route.key()
                                        + " as "
                                        + callers.get(c).name()
                                        + ": expected "
                                        + expected.charAt(c)
                                        + ", got "
                                        + row[c]);
                    }
                }
                actual.put(route.key(), new String(row));
            }
        }
        // Organisations apart.
        for (Route route : routes) {
            if (!VARIABLE.matcher(route.pattern()).find()
                    || NOT_ORGANISATION_DATA.contains(route.key())) {
                continue;
            }
            Caller stranger =
                    route.pattern().startsWith("/scim/")
                            ? strangers.get(2)
                            : route.api() ? strangers.get(1) : strangers.get(0);
            if (route.pattern().startsWith("/api/v1/conversations/")) {
                stranger = strangers.get(0);
            }
            char got = answer(send(route, ids, stranger));
            // A refusal of the (empty) input said before any lookup is the answer a made-up id
            // gets too, so it tells nothing about the first organisation.
            char madeUp = got == 'V' ? answer(send(route, madeUp(ids), stranger)) : '4';
            if (got != '4' && !(got == 'V' && madeUp == 'V')) {
                wrong.add(route.key() + " as " + stranger.name() + ": expected 4, got " + got);
            }
        }

        StringBuilder table = new StringBuilder();
        actual.forEach(
                (k, v) -> table.append('"').append(k).append("\", \"").append(v).append("\"\n"));
        SoftAssertions.assertSoftly(
                soft -> {
                    soft.assertThat(unlisted)
                            .as("routes missing from the table; their answers now:\n" + table)
                            .isEmpty();
                    soft.assertThat(gone).as("table rows without a route").isEmpty();
                    soft.assertThat(wrong).as("answers unlike the table").isEmpty();
                });
    }

    /** Answers that may have written something: sent after every refusal. */
    private static boolean through(char answer) {
        return answer == 'O' || answer == 'V';
    }

    private PersonId person(OrganisationId organisation, String local) {
        return people.findByEmail(organisation, local + "@roles.test").orElseThrow().id();
    }

    /** A real sign-in through the form; the session cookie is the caller from then on. */
    private Cookie signIn(OrganisationId organisation, String local, Role role) throws Exception {
        String email = local + "@roles.test";
        identity.ensureAccount(organisation, email, local, PASSWORD, role);
        MockHttpServletResponse response =
                mvc.perform(
                                MockMvcRequestBuilders.post("/login")
                                        .param("username", email)
                                        .param("password", PASSWORD)
                                        .with(csrf()))
                        .andReturn()
                        .getResponse();
        assertThat(response.getStatus()).as("sign-in of " + email).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).doesNotContain("error");
        Cookie session = response.getCookie("SESSION");
        assertThat(session).as("session cookie for " + email).isNotNull();
        return session;
    }

    List<Route> routes() {
        TreeSet<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("io.tandem")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            List<HttpMethod> methods = new ArrayList<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.asHttpMethod()));
            if (methods.isEmpty()) {
                methods.addAll(List.of(HttpMethod.GET, HttpMethod.POST));
            }
            for (String pattern : info.getPatternValues()) {
                for (HttpMethod method : methods) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method, pattern));
                    }
                }
            }
        }
        return routes;
    }

    /** Reads before writes; erasing and deleting last, so they change nothing asked after. */
    private static List<Route> ordered(List<Route> routes) {
        return routes.stream()
                .sorted(
                        java.util.Comparator.comparing(
                                        (Route r) ->
                                                !r.writes()
                                                        ? 0
                                                        : r.pattern().contains("erase")
                                                                        || r.method()
                                                                                == HttpMethod.DELETE
                                                                ? 2
                                                                : 1)
                                .thenComparing(Route::key))
                .toList();
    }

    private MockHttpServletResponse send(Route route, Map<String, String> ids, Caller caller)
            throws Exception {
        List<Object> values = new ArrayList<>();
        Matcher m = VARIABLE.matcher(route.pattern());
        while (m.find()) {
            values.add(value(route.pattern(), m.group(1), ids));
        }
        String template = VARIABLE.matcher(route.pattern()).replaceAll("{$1}");
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(route.method(), template, values.toArray());
        if (route.writes()) {
            if (route.pattern().startsWith("/scim/")) {
                request.contentType("application/scim+json").content("{}");
            } else if (route.pattern().startsWith("/api/")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            request.with(csrf());
        }
        if (caller.session() != null) {
            request.cookie(caller.session());
        }
        if (caller.bearer() != null) {
            request.header(HttpHeaders.AUTHORIZATION, caller.bearer());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static char answer(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        if (status == 302 && location != null && location.contains("/login")) {
            return 'L';
        }
        return switch (status) {
            case 401 -> '1';
            case 403 -> '3';
            case 404 -> '4';
            case 400, 409, 422 -> 'V';
            default -> status >= 500 ? '5' : 'O';
        };
    }

    private static Map<String, String> madeUp(Map<String, String> ids) {
        Map<String, String> made = new LinkedHashMap<>();
        ids.keySet().forEach(k -> made.put(k, UUID.randomUUID().toString()));
        return made;
    }

    /** A real id of organisation one for each path variable, by the route it is in. */
    private static Object value(String pattern, String variable, Map<String, String> ids) {
        String random = UUID.randomUUID().toString();
        return switch (variable) {
            case "programId" -> ids.get("program");
            case "enrolment" -> ids.get("enrolment");
            case "mentorship" -> ids.get("mentorship");
            case "person" -> ids.get("notManager");
            case "personId" -> ids.get("person");
            case "step" -> "activate";
            case "name" -> "User";
            case "id" -> {
                // The segment before {id} names what it is: /programs/{programId}/mentorships/{id}.
                Matcher before = Pattern.compile("([^/]+)/\\{id[}:]").matcher(pattern);
                String kind = before.find() ? before.group(1) : "";
                yield switch (kind) {
                    case "programs" -> ids.get("program");
                    case "mentorships" -> ids.get("mentorship");
                    case "enrolments" -> ids.get("enrolment");
                    case "match-runs" -> ids.get("run");
                    case "conversations" -> ids.get("conversation");
                    case "people", "Users" -> ids.get("person");
                    case "tokens" -> ids.get("token");
                    case "Schemas" -> "urn:ietf:params:scim:schemas:core:2.0:User";
                    default -> random;
                };
            }
            default -> random;
        };
    }
}
