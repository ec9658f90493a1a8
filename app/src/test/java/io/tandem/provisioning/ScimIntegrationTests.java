package io.tandem.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.AccountState;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Role;
import io.tandem.identity.TokenScope;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonStatus;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@TandemIntegrationTest
class ScimIntegrationTests {

    static final String SCIM_JSON = "application/scim+json";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String TANDEM = "urn:ietf:params:scim:schemas:extension:tandem:2.0:User";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;

    private final ObjectMapper json = new ObjectMapper();
    private TestOrganisation org;
    private String scim;

    @BeforeEach
    void organisation() {
        org = organisations.create();
        scim =
                "Bearer "
                        + identity.issueToken(org.id(), "idp", Role.EMPLOYEE, TokenScope.SCIM, "t")
                                .secret();
    }

    /** {@code uri} as a client writes it, query percent-encoded. */
    private MvcTestResult get(String uri) {
        String[] parts = uri.split("\\?", 2);
        var request = mvc.get().uri(parts[0]).header(HttpHeaders.AUTHORIZATION, scim);
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request =
                        request.param(
                                kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return request.exchange();
    }

    private MvcTestResult send(String method, String uri, String body, String ifMatch) {
        var request =
                switch (method) {
                    case "POST" -> mvc.post();
                    case "PUT" -> mvc.put();
                    case "PATCH" -> mvc.patch();
                    default -> mvc.delete();
                };
        var spec = request.uri(uri).header(HttpHeaders.AUTHORIZATION, scim);
        if (body != null) {
            spec = spec.contentType(SCIM_JSON).content(body);
        }
        if (ifMatch != null) {
            spec = spec.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return spec.exchange();
    }

    private JsonNode body(MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void importCsv(String csv) {
        people.importCsv(org.id(), csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String user(String userName, String employeeNumber, String extra) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\""
                + userName
                + "\",\"name\":{\"givenName\":\"Grace\",\"familyName\":\"Hopper\"},"
                + "\""
                + ENTERPRISE
                + "\":{\"employeeNumber\":\""
                + employeeNumber
                + "\"}"
                + extra
                + "}";
    }

    private String createdId(String userName, String employeeNumber) throws Exception {
        MvcTestResult created =
                send("POST", "/scim/v2/Users", user(userName, employeeNumber, ""), null);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return body(created).get("id").asText();
    }

    @Test
    void discoveryDocumentsDescribeWhatIsSupported() throws Exception {
        JsonNode config = body(get("/scim/v2/ServiceProviderConfig"));
        assertThat(config.at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.at("/etag/supported").asBoolean()).isTrue();
        assertThat(config.at("/filter/supported").asBoolean()).isTrue();
        assertThat(config.at("/bulk/supported").asBoolean()).isFalse();
        assertThat(
                        body(get("/scim/v2/ResourceTypes"))
                                .at("/Resources/0/schemaExtensions/0/schema")
                                .asText())
                .isEqualTo(ENTERPRISE);
        JsonNode schemas = body(get("/scim/v2/Schemas"));
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(4);
        assertThat(get("/scim/v2/Schemas/" + ENTERPRISE))
                .hasStatusOk()
                .bodyText()
                .contains("employeeNumber");
        assertThat(get("/scim/v2/ServiceProviderConfig")).hasContentType(SCIM_JSON);
    }

    @Test
    void aPersonImportedByCsvReadsBackTheSameThroughScim() throws Exception {
        importCsv(
                "employee_id,email,first_name,last_name,title,level,division,function,location,"
                        + "time_zone,work_mode,manager_employee_id,languages,skills,status\n"
                        + "B1,boss@csv.test,Bo,Boss,Director,7,Operations,Finance,Oslo,Europe/Oslo,"
                        + "HOME_OFFICE,,English,Leadership,ACTIVE\n"
                        + "E1,eve@csv.test,Eve,Lin,Analyst,3,Operations,Finance,Paris,Europe/Paris,"
                        + "FIELD,B1,English;French,SQL;Python,ACTIVE\n");
        PersonId boss = people.findByEmail(org.id(), "boss@csv.test").orElseThrow().id();

        JsonNode list = body(get("/scim/v2/Users?filter=userName%20eq%20%22EVE@csv.test%22"));
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        JsonNode eve = list.at("/Resources/0");
        assertThat(eve.get("userName").asText()).isEqualTo("eve@csv.test");
        assertThat(eve.at("/name/givenName").asText()).isEqualTo("Eve");
        assertThat(eve.at("/name/familyName").asText()).isEqualTo("Lin");
        assertThat(eve.get("title").asText()).isEqualTo("Analyst");
        assertThat(eve.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(eve.get("active").asBoolean()).isTrue();
        assertThat(eve.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("E1");
        assertThat(eve.get(ENTERPRISE).get("division").asText()).isEqualTo("Operations");
        assertThat(eve.get(ENTERPRISE).get("department").asText()).isEqualTo("Finance");
        assertThat(eve.get(ENTERPRISE).at("/manager/value").asText())
                .isEqualTo(boss.value().toString());
        assertThat(eve.get(TANDEM).get("level").asInt()).isEqualTo(3);
        assertThat(eve.get(TANDEM).get("location").asText()).isEqualTo("Paris");
        assertThat(eve.get(TANDEM).get("workMode").asText()).isEqualTo("FIELD");
        assertThat(eve.get(TANDEM).get("languages").toString())
                .isEqualTo("[\"English\",\"French\"]");
        assertThat(eve.get(TANDEM).get("skills").toString()).isEqualTo("[\"SQL\",\"Python\"]");

        // Writing back exactly what SCIM read changes nothing.
        String id = eve.get("id").asText();
        String etag = get("/scim/v2/Users/" + id).getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult replaced = send("PUT", "/scim/v2/Users/" + id, eve.toString(), etag);
        assertThat(replaced).hasStatusOk();
        assertThat(replaced.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
    }

    @Test
    void aPersonCreatedThroughScimMatchesTheSameCsvRow() throws Exception {
        importCsv("employee_id,email,first_name,last_name\nB1,boss@scim.test,Bo,Boss\n");
        String bossId =
                people.findByEmail(org.id(), "boss@scim.test")
                        .orElseThrow()
                        .id()
                        .value()
                        .toString();
        MvcTestResult created =
                send(
                        "POST",
                        "/scim/v2/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                + "\"externalId\":\"00u1\",\"userName\":\"ada@scim.test\","
                                + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},"
                                + "\"title\":\"Engineer\",\"timezone\":\"Europe/London\",\"active\":true,"
                                + "\"emails\":[{\"value\":\"ada@scim.test\",\"type\":\"work\",\"primary\":true}],"
                                + "\""
                                + ENTERPRISE
                                + "\":{\"employeeNumber\":\"A1\",\"division\":\"Research\","
                                + "\"department\":\"Engineering\",\"manager\":{\"value\":\""
                                + bossId
                                + "\"}},\""
                                + TANDEM
                                + "\":{\"level\":4,\"location\":\"London\",\"workMode\":\"REMOTE\","
                                + "\"languages\":[\"English\"],\"skills\":[\"Math\",\"Engines\"]}}",
                        null);
        assertThat(created).hasStatus(HttpStatus.CREATED).hasContentType(SCIM_JSON);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .endsWith("/scim/v2/Users/" + body(created).get("id").asText());
        assertThat(created.getResponse().getHeader(HttpHeaders.ETAG)).startsWith("W/\"");
        assertThat(body(created).get("externalId").asText()).isEqualTo("00u1");

        var result =
                people.importCsv(
                        org.id(),
                        ("employee_id,email,first_name,last_name,title,level,division,function,"
                                        + "location,time_zone,work_mode,manager_employee_id,"
                                        + "languages,skills,status\n"
                                        + "A1,ada@scim.test,Ada,Lovelace,Engineer,4,Research,"
                                        + "Engineering,London,Europe/London,REMOTE,B1,English,"
                                        + "Math;Engines,ACTIVE\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.updated()).isZero();
        assertThat(result.created()).isZero();
    }

    @Test
    void deprovisioningKeepsHistoryAndEndsActiveMentorships() throws Exception {
        // Accounts are unique by e-mail across organisations: a run's own address, so the test
        // also passes on a database an earlier run left behind.
        String miaEmail = "mia-" + UUID.randomUUID() + "@left.test";
        importCsv(
                "employee_id,email,first_name,last_name\n"
                        + ("M1," + miaEmail + ",Mia,Mentor\nE1,eva@left.test,Eva,Mentee\n"));
        PersonId mia = people.findByEmail(org.id(), miaEmail).orElseThrow().id();
        PersonId eva = people.findByEmail(org.id(), "eva@left.test").orElseThrow().id();
        identity.ensureAccount(
                org.id(), miaEmail, "Mia", "a long enough password 1", Role.EMPLOYEE);
        var program = programs.create(org.id(), ProgramDraft.of("Across", "CROSS_DIVISIONAL"));
        MentorshipId pair =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), eva, mia, 80);

        String etag =
                get("/scim/v2/Users/" + mia.value()).getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(send("DELETE", "/scim/v2/Users/" + mia.value(), null, etag))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(get("/scim/v2/Users/" + mia.value())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(people.get(org.id(), mia).status()).isEqualTo(PersonStatus.INACTIVE);
        assertThat(identity.accountState(org.id(), miaEmail).status())
                .isEqualTo(AccountState.Status.DISABLED);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(workspaces.details(org.id(), pair).endReason())
                                        .isEqualTo(EndReason.LEFT_ORGANISATION));
        // The leaver is kept for history, out of SCIM's listing.
        assertThat(body(get("/scim/v2/Users")).get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void patchingActiveFalseIsTheSameLeavingAsTheCsvInactivePath() throws Exception {
        importCsv(
                "employee_id,email,first_name,last_name\n"
                        + "M1,mia@patch.test,Mia,Mentor\nE1,eva@patch.test,Eva,Mentee\n");
        PersonId mia = people.findByEmail(org.id(), "mia@patch.test").orElseThrow().id();
        PersonId eva = people.findByEmail(org.id(), "eva@patch.test").orElseThrow().id();
        var program = programs.create(org.id(), ProgramDraft.of("Across", "CROSS_DIVISIONAL"));
        MentorshipId pair =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), eva, mia, 80);

        MvcTestResult patched =
                send(
                        "PATCH",
                        "/scim/v2/Users/" + mia.value(),
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
                                + "{\"op\":\"replace\",\"path\":\""
                                + ENTERPRISE
                                + ":department\",\"value\":\"Sales\"}]}",
                        null);
        assertThat(patched).hasStatusOk();
        assertThat(body(patched).get("active").asBoolean()).isFalse();
        assertThat(body(patched).get(ENTERPRISE).get("department").asText()).isEqualTo("Sales");
        assertThat(people.get(org.id(), mia).function()).isEqualTo("Sales");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(workspaces.details(org.id(), pair).endReason())
                                        .isEqualTo(EndReason.LEFT_ORGANISATION));
        assertThat(
                        body(get("/scim/v2/Users?filter=active%20eq%20false"))
                                .get("totalResults")
                                .asInt())
                .isEqualTo(1);
    }

    @Test
    void everyRefusalUsesTheScimErrorFormatAndWritesNothing() throws Exception {
        String id = createdId("grace@err.test", "G1");
        String etag = get("/scim/v2/Users/" + id).getResponse().getHeader(HttpHeaders.ETAG);
        String before = get("/scim/v2/Users/" + id).getResponse().getContentAsString();

        assertError(send("POST", "/scim/v2/Users", "{\"userName\": ", null), 400, "invalidSyntax");
        assertError(
                send(
                        "POST",
                        "/scim/v2/Users",
                        user("new@err.test", "N1", ",\"nickName\":\"Gee\""),
                        null),
                400,
                "invalidSyntax");
        assertError(get("/scim/v2/Users?filter=userName%20eq"), 400, "invalidFilter");
        assertError(get("/scim/v2/Users?filter=password%20eq%20%22x%22"), 400, "invalidFilter");
        assertError(get("/scim/v2/Users?filter=userName%20gt%20%22a%22"), 400, "invalidFilter");
        assertError(
                get("/scim/v2/Users?filter=userName%20eq%20%22a%22%20and%20(active%20eq%20true"),
                400,
                "invalidFilter");
        assertError(
                send("POST", "/scim/v2/Users", user("GRACE@err.test", "G2", ""), null),
                409,
                "uniqueness");
        assertError(
                send("POST", "/scim/v2/Users", user("other@err.test", "G1", ""), null),
                409,
                "uniqueness");
        assertError(
                send(
                        "POST",
                        "/scim/v2/Users",
                        user("tz@err.test", "T1", ",\"timezone\":\"Mars/Olympus\""),
                        null),
                400,
                "invalidValue");

        // A change lands, then a client holding the old version is refused.
        String patch =
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Admiral\"}]}";
        assertThat(send("PATCH", "/scim/v2/Users/" + id, patch, etag)).hasStatusOk();
        String changed = get("/scim/v2/Users/" + id).getResponse().getContentAsString();
        MvcTestResult stale =
                send("PATCH", "/scim/v2/Users/" + id, patch.replace("Admiral", "Captain"), etag);
        assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(body(stale).get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(send("DELETE", "/scim/v2/Users/" + id, null, etag))
                .hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertError(
                send(
                        "PATCH",
                        "/scim/v2/Users/" + id,
                        patch.replace("\"title\"", "\"shoeSize\""),
                        null),
                400,
                "invalidPath");

        assertThat(get("/scim/v2/Users/" + id).getResponse().getContentAsString())
                .isEqualTo(changed)
                .isNotEqualTo(before)
                .contains("Admiral");
        assertThat(people.count(org.id())).isEqualTo(1);
    }

    private void assertError(MvcTestResult result, int status, String scimType) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result).hasContentType(SCIM_JSON);
        JsonNode error = body(result);
        assertThat(error.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.get("scimType").asText()).isEqualTo(scimType);
        assertThat(error.get("detail").asText()).isNotBlank();
    }

    @Test
    void filtersAndPagesThroughHundredsOfPeople() throws Exception {
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name,status\n");
        for (int i = 0; i < 250; i++) {
            csv.append(
                    String.format(
                            "P%03d,p%03d@%s.test,First%d,Last%d,%s%n",
                            i,
                            i,
                            i % 2 == 0 ? "even" : "odd",
                            i,
                            i,
                            i % 10 == 0 ? "INACTIVE" : "ACTIVE"));
        }
        importCsv(csv.toString());

        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 250; start += 100) {
            JsonNode page = body(get("/scim/v2/Users?startIndex=" + start + "&count=100"));
            assertThat(page.get("totalResults").asInt()).isEqualTo(250);
            assertThat(page.get("startIndex").asInt()).isEqualTo(start);
            page.get("Resources").forEach(r -> seen.add(r.get("userName").asText()));
        }
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(body(get("/scim/v2/Users?count=0")).get("Resources")).isEmpty();

        assertThat(total("emails%20co%20%22@even.test%22")).isEqualTo(125);
        assertThat(total("userName%20sw%20%22p01%22")).isEqualTo(10);
        assertThat(total("userName%20sw%20%22p01%22%20and%20active%20eq%20false")).isEqualTo(1);
        assertThat(
                        total(
                                "userName%20eq%20%22p001@odd.test%22%20or%20userName%20eq%20%22p002@even.test%22"))
                .isEqualTo(2);
        // "and" binds tighter than "or".
        assertThat(
                        total(
                                "userName%20sw%20%22p00%22%20or%20userName%20sw%20%22p01%22%20and%20active%20eq%20false"))
                .isEqualTo(11);
        assertThat(total("not%20(active%20eq%20true)")).isEqualTo(25);
        assertThat(total("externalId%20pr")).isZero();
        // A filter value is data, never query text.
        assertThat(total("userName%20eq%20%22x%27%20or%20%271%27=%271%22")).isZero();
    }

    private int total(String filter) throws Exception {
        return body(get("/scim/v2/Users?filter=" + filter)).get("totalResults").asInt();
    }

    @Test
    void groupsAreDivisions() throws Exception {
        importCsv(
                "employee_id,email,first_name,last_name,division\n"
                        + "A1,a@g.test,Al,A,Sales\nB1,b@g.test,Bea,B,\n");
        String a = people.findByEmail(org.id(), "a@g.test").orElseThrow().id().value().toString();
        String b = people.findByEmail(org.id(), "b@g.test").orElseThrow().id().value().toString();

        JsonNode groups = body(get("/scim/v2/Groups"));
        assertThat(groups.get("totalResults").asInt()).isEqualTo(1);
        assertThat(groups.at("/Resources/0/displayName").asText()).isEqualTo("Sales");
        assertThat(groups.at("/Resources/0/members/0/value").asText()).isEqualTo(a);

        MvcTestResult created =
                send(
                        "POST",
                        "/scim/v2/Groups",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                                + "\"displayName\":\"Research\",\"members\":[{\"value\":\""
                                + b
                                + "\"}]}",
                        null);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String research = body(created).get("id").asText();
        assertThat(people.findByEmail(org.id(), "b@g.test").orElseThrow().division())
                .isEqualTo("Research");

        assertThat(
                        send(
                                "PATCH",
                                "/scim/v2/Groups/" + research,
                                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                        + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                                        + "\"value\":[{\"value\":\""
                                        + a
                                        + "\"}]},"
                                        + "{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                                        + b
                                        + "\\\"]\"}]}",
                                null))
                .hasStatusOk();
        assertThat(people.findByEmail(org.id(), "a@g.test").orElseThrow().division())
                .isEqualTo("Research");
        assertThat(people.findByEmail(org.id(), "b@g.test").orElseThrow().division()).isNull();
        // Sales lost its last member; Research is found by name.
        assertThat(
                        body(get("/scim/v2/Groups?filter=displayName%20eq%20%22research%22"))
                                .get("totalResults")
                                .asInt())
                .isEqualTo(1);
        assertThat(
                        body(get("/scim/v2/Groups?excludedAttributes=members"))
                                .at("/Resources/0")
                                .has("members"))
                .isFalse();

        assertThat(send("DELETE", "/scim/v2/Groups/" + research, null, null))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(people.findByEmail(org.id(), "a@g.test").orElseThrow().division()).isNull();
        assertThat(get("/scim/v2/Groups/" + research)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherOrganisationsUsersAreNotFound() throws Exception {
        String id = createdId("mine@orgs.test", "O1");
        TestOrganisation other = organisations.create();
        String theirs =
                "Bearer "
                        + identity.issueToken(
                                        other.id(), "idp", Role.EMPLOYEE, TokenScope.SCIM, "t")
                                .secret();
        assertThat(mvc.get().uri("/scim/v2/Users/" + id).header(HttpHeaders.AUTHORIZATION, theirs))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.delete()
                                .uri("/scim/v2/Users/" + id)
                                .header(HttpHeaders.AUTHORIZATION, theirs))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        body(mvc.get()
                                        .uri("/scim/v2/Users")
                                        .header(HttpHeaders.AUTHORIZATION, theirs)
                                        .exchange())
                                .get("totalResults")
                                .asInt())
                .isZero();
        assertThat(get("/scim/v2/Users/" + id)).hasStatusOk();
        assertThat(get("/scim/v2/Users/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
    }
}
