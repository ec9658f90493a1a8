package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TandemIntegrationTest
class ProgramsIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,level,division,function,location,time_zone,work_mode,manager_employee_id,languages,skills,status\n"
                    + "L1,lea@acme.test,Lea,Leader,8,Retail,Sales,Berlin,Europe/Berlin,HOME_OFFICE,,English,Leadership,ACTIVE\n"
                    + "F1,finn@acme.test,Finn,Field,3,Retail,Sales,Berlin,Europe/Berlin,FIELD,L1,English,Negotiation,ACTIVE\n"
                    + "F2,fay@acme.test,Fay,Field,3,Retail,Sales,London,Europe/London,FIELD,L1,English,Negotiation,ACTIVE\n"
                    + "H1,hal@acme.test,Hal,Office,5,Digital,Engineering,London,Europe/London,HOME_OFFICE,L1,English,Java,ACTIVE\n"
                    + "X1,xena@acme.test,Xena,Former,4,Digital,Engineering,London,Europe/London,HOME_OFFICE,,English,Java,INACTIVE\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired ProgramInvitations invitations;
    @Autowired PeopleManagement people;

    TestOrganisation org;

    @BeforeEach
    void organisationWithPeople() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
    }

    MvcTestResult post(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String create(String template) {
        MvcTestResult created =
                post(
                        "/api/v1/programs",
                        "{\"name\":\"Pilot " + template + "\",\"template\":\"" + template + "\"}");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        try {
            return com.jayway.jsonpath.JsonPath.read(
                    created.getResponse().getContentAsString(), "$.id");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    PersonSummary person(String email) {
        return people.findByEmail(org.id(), email).orElseThrow();
    }

    @Test
    void theServiceRefusesAnEnrolmentAnswerLongerThanItsColumnNamingIt() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Long", "ASPIRATION"));
        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        Enrol tooLong =
                new Enrol(
                        person("fay@acme.test").id(),
                        null,
                        EnrolmentRole.MENTEE,
                        null,
                        "g".repeat(4_001),
                        List.of("s".repeat(4_001)),
                        null,
                        null,
                        "l".repeat(201),
                        "p".repeat(4_001),
                        "a".repeat(1_001),
                        null);

        assertThatThrownBy(() -> enrolling.enrol(org.id(), program.id(), tooLong))
                .isInstanceOfSatisfying(
                        io.tandem.shared.InvalidInputException.class,
                        refused ->
                                assertThat(refused.errors())
                                        .extracting(io.tandem.shared.InputError::field)
                                        .containsExactlyInAnyOrder(
                                                "goals",
                                                "skillsWanted",
                                                "aspiredLocation",
                                                "preferences",
                                                "availability"));
        assertThat(enrolling.enrolmentsOf(org.id(), person("fay@acme.test").id())).isEmpty();

        // At the limit, every answer is stored.
        Enrol atTheLimit =
                new Enrol(
                        person("fay@acme.test").id(),
                        null,
                        EnrolmentRole.MENTEE,
                        null,
                        "g".repeat(4_000),
                        List.of("s".repeat(4_000)),
                        null,
                        null,
                        "l".repeat(200),
                        "p".repeat(4_000),
                        "a".repeat(1_000),
                        null);
        assertThat(enrolling.enrol(org.id(), program.id(), atTheLimit).preferences())
                .hasSize(4_000);
    }

    @Test
    void listsTheSixSeedTemplatesAndACustomOne() {
        assertThat(
                        mvc.get()
                                .uri("/api/v1/program-templates")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].key")
                .asArray()
                .containsExactly(
                        "FIELD_HOME_OFFICE",
                        "BEST_PRACTICE_PEERS",
                        "ASPIRATION",
                        "CROSS_DIVISIONAL",
                        "CROSS_FUNCTIONAL",
                        "LEADERSHIP_READINESS",
                        "CUSTOM");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FIELD_HOME_OFFICE",
                "BEST_PRACTICE_PEERS",
                "ASPIRATION",
                "CROSS_DIVISIONAL",
                "CROSS_FUNCTIONAL",
                "LEADERSHIP_READINESS",
                "CUSTOM"
            })
    void aProgramCopiesItsTemplatesRulesAndStatesThemPlainly(String template) {
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("From " + template, template));
        ProgramTemplate source = programs.template(template).orElseThrow();

        assertThat(program.rules()).isEqualTo(source.rules());
        assertThat(program.status()).isEqualTo(ProgramStatus.DRAFT);
        assertThat(program.rules())
                .as("every template keeps mentors out of the mentee's reporting line")
                .contains(
                        new MatchingRule(
                                Criterion.REPORTING_CHAIN,
                                RuleKind.NOT_IN_REPORTING_CHAIN,
                                true,
                                0,
                                null));
        assertThat(mvc.get().uri("/programs/{id}", program.id()).with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Always: mentors are never in the mentee&#39;s reporting line, up or down.");
    }

    @Test
    void templateRulesSayWhatTheSeedAsksFor() {
        assertThat(programs.template("FIELD_HOME_OFFICE").orElseThrow().rules())
                .contains(
                        new MatchingRule(
                                Criterion.WORK_MODE, RuleKind.OPPOSITE_WORK_MODE, true, 0, null));
        assertThat(programs.template("BEST_PRACTICE_PEERS").orElseThrow().rules())
                .contains(
                        new MatchingRule(Criterion.FUNCTION, RuleKind.DIFFERENT, true, 0, null),
                        new MatchingRule(Criterion.LEVEL, RuleKind.SAME, true, 0, 1));
        assertThat(programs.template("ASPIRATION").orElseThrow().rules())
                .contains(
                        new MatchingRule(Criterion.ASPIRATION, RuleKind.ASPIRATION, true, 0, null));
        assertThat(programs.template("CROSS_DIVISIONAL").orElseThrow().rules())
                .contains(new MatchingRule(Criterion.DIVISION, RuleKind.DIFFERENT, true, 0, null));
        assertThat(programs.template("CROSS_FUNCTIONAL").orElseThrow().rules())
                .contains(new MatchingRule(Criterion.FUNCTION, RuleKind.DIFFERENT, true, 0, null));
        assertThat(programs.template("LEADERSHIP_READINESS").orElseThrow().rules())
                .contains(
                        new MatchingRule(
                                Criterion.LEVEL, RuleKind.MENTOR_LEVEL_AT_LEAST, true, 0, 6));
    }

    @Test
    void refusesBadProgramsNamingTheFields() {
        assertThat(
                        post(
                                "/api/v1/programs",
                                "{\"name\":\"\",\"template\":\"NOPE\",\"defaultCapacity\":0}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"errors\":[{\"field\":\"template\"},{\"field\":\"name\"},{\"field\":\"defaultCapacity\"}]}");
        assertThat(
                        post(
                                "/api/v1/programs",
                                "{\"name\":\"Odd\",\"template\":\"CUSTOM\",\"rules\":[{\"criterion\":\"SKILLS\",\"kind\":\"OPPOSITE_WORK_MODE\",\"hard\":true,\"weight\":0}]}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("rules[0]");
    }

    @Test
    void followsTheLifecycleAndRefusesIllegalMoves() {
        String id = create("CUSTOM");

        assertThat(post("/api/v1/programs/" + id + "/status", "{\"status\":\"ACTIVE\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("DRAFT cannot move to ACTIVE");
        for (String next : List.of("ENROLLING", "MATCHING", "ACTIVE", "CLOSED")) {
            assertThat(post("/api/v1/programs/" + id + "/status", "{\"status\":\"" + next + "\"}"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.status")
                    .isEqualTo(next);
        }
        assertThat(post("/api/v1/programs/" + id + "/status", "{\"status\":\"ENROLLING\"}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void enrolsThroughTheApiAndRefusesWhatItShould() {
        String id = create("FIELD_HOME_OFFICE");
        String enrolments = "/api/v1/programs/" + id + "/enrolments";

        assertThat(
                        post(
                                enrolments,
                                "{\"email\":\"finn@acme.test\",\"role\":\"MENTEE\",\"goals\":\"See how HQ decides\",\"skillsWanted\":[\"Strategy\"]}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"role\":\"MENTEE\",\"status\":\"ACTIVE\",\"name\":\"Finn Field\",\"skillsWanted\":[\"Strategy\"]}");
        assertThat(
                        post(
                                enrolments,
                                "{\"personId\":\""
                                        + person("hal@acme.test").id()
                                        + "\",\"role\":\"mentor\",\"capacity\":3}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .isLenientlyEqualTo("{\"role\":\"MENTOR\",\"capacity\":3}");

        assertThat(post(enrolments, "{\"email\":\"finn@acme.test\",\"role\":\"MENTEE\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(post(enrolments, "{\"email\":\"nobody@acme.test\",\"role\":\"MENTEE\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(
                        post(
                                enrolments,
                                "{\"personId\":\"00000000-0000-0000-0000-000000000001\",\"role\":\"MENTEE\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post(enrolments, "{\"email\":\"xena@acme.test\",\"role\":\"MENTEE\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("inactive");
        assertThat(post(enrolments, "{\"email\":\"fay@acme.test\",\"role\":\"COACH\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("role");
        assertThat(
                        post(
                                enrolments,
                                "{\"email\":\"lea@acme.test\",\"role\":\"MENTOR\",\"capacity\":0}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("capacity");

        assertThat(mvc.get().uri(enrolments).header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .bodyJson()
                .isLenientlyEqualTo("{\"total\":2,\"page\":0,\"size\":50}");
    }

    @Test
    void anotherOrganisationsProgramIsNotFound() {
        String id = create("CUSTOM");
        TestOrganisation other = organisations.create();

        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}", id)
                                .header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs/{id}/enrolments", id)
                                .header(HttpHeaders.AUTHORIZATION, other.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"email\":\"finn@acme.test\",\"role\":\"MENTEE\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void approvalHoldsEnrolmentsUntilAManagerDecides() {
        ProgramView program =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Approved",
                                "CUSTOM",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null,
                                null));
        EnrolmentView pending =
                enrolling.enrol(
                        org.id(),
                        program.id(),
                        Enrol.of(person("finn@acme.test").id(), EnrolmentRole.MENTEE));
        assertThat(pending.status()).isEqualTo(EnrolmentStatus.PENDING);

        assertThat(post("/api/v1/enrolments/" + pending.id() + "/approve", "{}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACTIVE");
        assertThat(post("/api/v1/enrolments/" + pending.id() + "/decline", "{\"note\":\"late\"}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void invitesASegmentOnceSkippingInactiveAndAlreadyInvitedPeople() {
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Segment", "CROSS_DIVISIONAL"));

        int first =
                invitations.inviteSegment(
                        org.id(),
                        program.id(),
                        new DirectoryQuery(null, null, "Engineering", null, null, null, null),
                        EnrolmentRole.MENTOR);
        int again =
                invitations.inviteSegment(
                        org.id(),
                        program.id(),
                        new DirectoryQuery(null, null, "Engineering", null, null, null, null),
                        EnrolmentRole.MENTOR);

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(programs.overview(org.id(), program.id()).invited()).isEqualTo(1);
        assertThat(
                        enrolling
                                .enrolments(
                                        org.id(),
                                        program.id(),
                                        EnrolmentStatus.INVITED,
                                        PageQuery.of(0, 10))
                                .items())
                .extracting(EnrolmentView::email)
                .containsExactly("hal@acme.test");
    }

    @Test
    void invitesByEmailListAllOrNothing() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Emails", "CUSTOM"));

        assertThatThrownBy(
                        () ->
                                invitations.inviteEmails(
                                        org.id(),
                                        program.id(),
                                        List.of("finn@acme.test", "ghost@acme.test"),
                                        EnrolmentRole.MENTEE))
                .isInstanceOf(io.tandem.shared.InvalidInputException.class);
        assertThat(programs.overview(org.id(), program.id()).invited()).isZero();

        assertThat(
                        invitations.inviteEmails(
                                org.id(),
                                program.id(),
                                List.of("email", "finn@acme.test", "FAY@acme.test"),
                                EnrolmentRole.MENTEE))
                .isEqualTo(2);
    }

    @Test
    void invitesTheAddressesOfAnUploadedCsvFileOnThePage() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Upload", "CUSTOM"));
        String csv = "employee_id,email,name\nF1,finn@acme.test,Finn\nF2,\"fay@acme.test\",Fay\n";

        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/invitations", program.id())
                                .multipart()
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "invite.csv",
                                                "text/csv",
                                                csv.getBytes(StandardCharsets.UTF_8)))
                                .param("role", "MENTOR")
                                .with(admin())
                                .with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .containsEntry("invited", 2);

        String unknown = "email\nlea@acme.test\nghost@acme.test\n";
        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/invitations", program.id())
                                .multipart()
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "invite.csv",
                                                "text/csv",
                                                unknown.getBytes(StandardCharsets.UTF_8)))
                                .param("role", "MENTOR")
                                .with(admin())
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("Line 3:", "ghost@acme.test");
        assertThat(programs.overview(org.id(), program.id()).invited()).isEqualTo(2);
    }

    @Test
    void anInvitedPersonAnswersByEnrollingAndMayWithdraw() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Answer", "CUSTOM"));
        PersonId finn = person("finn@acme.test").id();
        invitations.invite(org.id(), program.id(), List.of(finn), EnrolmentRole.MENTEE);

        EnrolmentView enrolled =
                enrolling.enrol(org.id(), program.id(), Enrol.of(finn, EnrolmentRole.MENTEE));
        assertThat(enrolled.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolled.invitedAt()).isNotNull();

        assertThat(enrolling.withdraw(org.id(), enrolled.id()).status())
                .isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThatThrownBy(() -> enrolling.withdraw(org.id(), enrolled.id()))
                .isInstanceOf(io.tandem.shared.Conflict.class);
        assertThat(
                        enrolling
                                .enrol(org.id(), program.id(), Enrol.of(finn, EnrolmentRole.MENTEE))
                                .status())
                .as("a withdrawn person may enrol again")
                .isEqualTo(EnrolmentStatus.ACTIVE);
    }

    @Test
    void theOverviewWarnsWhenMentorsCannotTakeEveryMentee() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Short", "CUSTOM"));
        enrolling.enrol(
                org.id(),
                program.id(),
                new Enrol(
                        person("lea@acme.test").id(),
                        null,
                        EnrolmentRole.MENTOR,
                        1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        enrolling.enrol(
                org.id(),
                program.id(),
                Enrol.of(person("finn@acme.test").id(), EnrolmentRole.MENTEE));
        enrolling.enrol(
                org.id(),
                program.id(),
                Enrol.of(person("fay@acme.test").id(), EnrolmentRole.MENTEE));

        ProgramOverview overview = programs.overview(org.id(), program.id());

        assertThat(overview.capacityShort()).isTrue();
        assertThat(overview.byLocation()).containsEntry("Berlin", 2).containsEntry("London", 1);
        assertThat(mvc.get().uri("/programs/{id}", program.id()).with(admin()))
                .bodyText()
                .contains("The mentors enrolled can take 1 mentees, but 2 mentees are enrolled");
    }

    @Test
    void theFiguresKeptBetweenPagesFollowEveryEnrolmentAndEveryMoveAtOnce() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Kept", "CUSTOM"));
        EnrolmentView finn =
                enrolling.enrol(
                        org.id(),
                        program.id(),
                        Enrol.of(person("finn@acme.test").id(), EnrolmentRole.MENTEE));
        assertThat(programs.overview(org.id(), program.id()).mentees()).isEqualTo(1);
        assertThat(programs.figures(org.id(), List.of(program)).get(program.id()).mentees())
                .isEqualTo(1);

        EnrolmentView fay =
                enrolling.enrol(
                        org.id(),
                        program.id(),
                        Enrol.of(person("fay@acme.test").id(), EnrolmentRole.MENTEE));
        assertThat(programs.overview(org.id(), program.id()).mentees()).isEqualTo(2);
        assertThat(programs.figures(org.id(), List.of(program)).get(program.id()).mentees())
                .isEqualTo(2);
        assertThat(programs.overview(org.id(), program.id()).byLocation())
                .containsEntry("Berlin", 1)
                .containsEntry("London", 1);

        enrolling.withdraw(org.id(), finn.id());
        assertThat(programs.overview(org.id(), program.id()).mentees()).isEqualTo(1);
        assertThat(programs.figures(org.id(), List.of(program)).get(program.id()).mentees())
                .isEqualTo(1);

        // Fay moves to Paris: the spread follows the people, not only the enrolments.
        people.importCsv(
                org.id(),
                (PEOPLE.lines().findFirst().orElseThrow()
                                + "\nF2,fay@acme.test,Fay,Field,3,Retail,Sales,Paris,Europe/Paris,FIELD,L1,English,Negotiation,ACTIVE\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(programs.overview(org.id(), program.id()).byLocation())
                .containsOnlyKeys("Paris")
                .containsEntry("Paris", 1);
        assertThat(fay.status()).isEqualTo(EnrolmentStatus.ACTIVE);
    }

    @Test
    void aPersonEnrolsThemselvesOnThePageOnlyWhileTheWindowIsOpen() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Self", "ASPIRATION"));
        RequestPostProcessor fay =
                TestOrganisations.signedIn(org.id(), "fay@acme.test", Role.EMPLOYEE);

        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/enrol", program.id())
                                .with(fay)
                                .with(csrf())
                                .param("role", "MENTEE"))
                // A draft does not exist for employees, so not even a refusal names it.
                .hasStatus(HttpStatus.NOT_FOUND);

        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        assertThat(mvc.get().uri("/programs/{id}/enrol", program.id()).with(fay))
                .hasStatusOk()
                .bodyText()
                .contains("I want to take part as");
        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/enrol", program.id())
                                .with(fay)
                                .with(csrf())
                                .param("role", "MENTEE")
                                .param("goals", "Move to Digital")
                                .param("aspiredDivision", "Digital")
                                .param("timeZone", "Europe/London"))
                .hasRedirectedUrl("/programs/" + program.id());

        assertThat(
                        enrolling
                                .enrolments(
                                        org.id(),
                                        program.id(),
                                        EnrolmentStatus.ACTIVE,
                                        PageQuery.of(0, 10))
                                .items())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.email()).isEqualTo("fay@acme.test");
                            assertThat(e.aspiredDivision()).isEqualTo("Digital");
                        });
    }

    @Test
    void managersBuildAProgramFromATemplateOnThePage() {
        assertThat(mvc.get().uri("/programs/new").with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Leadership readiness",
                        "Always: the mentor is a leader, at level 6 or above.");

        MvcTestResult created =
                mvc.post()
                        .uri("/programs/new")
                        .with(admin())
                        .with(csrf())
                        .param("name", "Leaders 2027")
                        .param("template", "LEADERSHIP_READINESS")
                        .param("format", "")
                        .param("startsOn", "2027-01-01")
                        .param("endsOn", "2027-12-31")
                        .param("defaultCapacity", "2")
                        .param("relationshipMonths", "12")
                        .param("meetingCadence", "MONTHLY")
                        .param("matchingMode", "HYBRID")
                        .exchange();

        assertThat(created).hasStatus3xxRedirection();
        ProgramView program = programs.list(org.id(), true, PageQuery.of(0, 10)).items().get(0);
        assertThat(program.name()).isEqualTo("Leaders 2027");
        assertThat(program.relationshipMonths()).isEqualTo(12);
        assertThat(program.matchingMode()).isEqualTo(MatchingMode.HYBRID);

        assertThat(
                        mvc.post()
                                .uri("/programs/new")
                                .with(admin())
                                .with(csrf())
                                .param("name", "")
                                .param("template", "CUSTOM"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("Give the program a name");
    }

    @Test
    void managersChangeRulesOnThePage() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Editable", "CUSTOM"));

        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/rules", program.id())
                                .with(admin())
                                .with(csrf())
                                .param("keep", "0", "3")
                                .param(
                                        "criterion",
                                        "REPORTING_CHAIN",
                                        "LANGUAGES",
                                        "SKILLS",
                                        "DIVISION")
                                .param(
                                        "kind",
                                        "NOT_IN_REPORTING_CHAIN",
                                        "OVERLAP",
                                        "OVERLAP",
                                        "DIFFERENT")
                                .param("hard", "0", "3")
                                .param("weight", "0", "0", "100", "10")
                                .param("parameter", "", "", "", ""))
                .hasRedirectedUrl("/programs/" + program.id());

        // Unticking the shared-language safeguard does not remove it: every program keeps it.
        assertThat(programs.get(org.id(), program.id()).rules())
                .containsExactly(
                        new MatchingRule(Criterion.LANGUAGES, RuleKind.OVERLAP, true, 0, null),
                        new MatchingRule(
                                Criterion.REPORTING_CHAIN,
                                RuleKind.NOT_IN_REPORTING_CHAIN,
                                true,
                                0,
                                null),
                        new MatchingRule(Criterion.DIVISION, RuleKind.DIFFERENT, true, 0, null));
    }

    @Test
    void employeesSeeNeitherDraftsNorTheBuilder() {
        ProgramView draft = programs.create(org.id(), ProgramDraft.of("Secret", "CUSTOM"));
        RequestPostProcessor finn =
                TestOrganisations.signedIn(org.id(), "finn@acme.test", Role.EMPLOYEE);

        assertThat(mvc.get().uri("/programs/{id}", draft.id()).with(finn))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/programs/new").with(finn)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/programs").with(finn))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Secret");
    }

    private RequestPostProcessor admin() {
        return TestOrganisations.signedIn(org.id(), "hr@acme.test", Role.ADMIN);
    }
}
