package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TandemIntegrationTest
class DirectoryIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,manager_employee_id,languages,skills\n"
                    + "C1,ceo@acme.test,Carla,Chief,CEO,9,Corporate,Operations,London,Europe/London,HOME_OFFICE,,English,Leadership\n"
                    + "D1,dana@acme.test,Dana,Director,Director,7,Retail,Sales,Berlin,Europe/Berlin,HOME_OFFICE,C1,English;German,Negotiation;Leadership\n"
                    + "S1,sven@acme.test,Sven,Seller,Account Executive,3,Retail,Sales,Berlin,Europe/Berlin,FIELD,D1,German,Negotiation;Salesforce\n"
                    + "S2,sara@acme.test,Sara,Seller,Account Executive,3,Retail,Sales,New York,America/New_York,FIELD,D1,English;Spanish,Salesforce\n"
                    + "E1,eli@acme.test,Eli,Engineer,Engineer,4,Digital,Engineering,Singapore,Asia/Singapore,REMOTE,C1,English;Mandarin,Java;Python\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;

    TestOrganisation org;

    @BeforeEach
    void importPeople() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    MvcTestResult search(String... nameValues) {
        var request =
                mvc.get().uri("/api/v1/people").header(HttpHeaders.AUTHORIZATION, org.bearer());
        for (int i = 0; i < nameValues.length; i += 2) {
            request = request.param(nameValues[i], nameValues[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void filtersBySkillLanguageDivisionFunctionLocationAndWorkMode() {
        assertThat(search("skill", "salesforce")).bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(search("skill", "Negotiation", "language", "german"))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(2);
        assertThat(search("division", "retail", "location", "Berlin"))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(2);
        assertThat(search("function", "Engineering"))
                .bodyJson()
                .extractingPath("$.items[0].employeeId")
                .isEqualTo("E1");
        assertThat(search("workMode", "field")).bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(search("q", "seller", "location", "new york"))
                .bodyJson()
                .extractingPath("$.items[0].firstName")
                .isEqualTo("Sara");
    }

    @Test
    void countsAGroupByDivisionAndLocationAsTypedAndFollowsAnImport() {
        PersonId dana = TestPeople.id(people, org.id(), "D1");
        PersonId sven = TestPeople.id(people, org.id(), "S1");
        PersonId eli = TestPeople.id(people, org.id(), "E1");
        PersonId stranger = new PersonId(UUID.randomUUID());

        // Dana twice (enrolled in both roles, say); an id of nobody here is left out.
        PeopleSpread spread = people.spread(org.id(), List.of(dana, dana, sven, eli, stranger));
        assertThat(spread.byDivision()).containsExactly(entry("Digital", 1), entry("Retail", 3));
        assertThat(spread.byLocation()).containsExactly(entry("Berlin", 3), entry("Singapore", 1));
        assertThat(people.names(org.id(), List.of(eli, stranger)))
                .containsOnlyKeys(eli)
                .extractingByKey(eli)
                .extracting(PersonName::name)
                .isEqualTo("Eli Engineer");

        people.importCsv(
                org.id(),
                PEOPLE.replace("Eli,Engineer,Engineer,4,Digital", "Eli,Engineer,Engineer,4,Retail")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(people.spread(org.id(), List.of(sven, eli)).byDivision())
                .containsExactly(entry("Retail", 2));
    }

    @Test
    void pagesThroughResultsInNameOrder() {
        assertThat(search("size", "2", "page", "1"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"page\":1,\"size\":2,\"total\":5,\"items\":[{\"lastName\":\"Engineer\"},{\"lastName\":\"Seller\"}]}");
    }

    @Test
    void findsWordsAnywhereInNameEmailIdOrTitleWhateverTheirLength() throws Exception {
        assertThat(total(search("q", "ell"))).isEqualTo(2); // inside "Seller"
        assertThat(total(search("q", "cme.t"))).isEqualTo(5); // every e-mail
        assertThat(total(search("q", "ar"))).isEqualTo(2); // Carla, Sara: too short for the grams
        assertThat(total(search("q", "SEL ara"))).isEqualTo(1); // every word, any case
        assertThat(total(search("q", "s2"))).isEqualTo(1);
        assertThat(total(search("q", "sales"))).isEqualTo(0); // a function, not searched text
        assertThat(total(search("q", "xyz"))).isEqualTo(0);
        assertThat(search("q", "acme", "size", "2", "page", "1"))
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"total\":5,\"items\":[{\"lastName\":\"Engineer\"},{\"lastName\":\"Seller\"}]}");
    }

    private static Object total(MvcTestResult result) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(
                result.getResponse().getContentAsString(), "$.total");
    }

    @Test
    void refusesBadParametersNamingThem() {
        assertThat(search("size", "-1"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(search("page", "-3"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("page");
        assertThat(search("size", "ten")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(search("workMode", "boat"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("workMode");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/not-a-uuid")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void derivesTheValuesListFromTheData() {
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/values")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"divisions\":[\"Corporate\",\"Digital\",\"Retail\"],"
                                + "\"functions\":[\"Engineering\",\"Operations\",\"Sales\"],"
                                + "\"locations\":[\"Berlin\",\"London\",\"New York\",\"Singapore\"],"
                                + "\"languages\":[\"English\",\"German\",\"Mandarin\",\"Spanish\"]}");
    }

    @Test
    void showsTheReportingChainUpToTheTopAndDirectReports() {
        String sven = idOf("S1");
        String dana = idOf("D1");

        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}/reporting-line", sven)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"managers\":[{\"employeeId\":\"D1\"},{\"employeeId\":\"C1\"}],\"directReports\":[]}");

        assertThat(mvc.get().uri("/people/{id}", dana).with(signedIn()))
                .hasStatusOk()
                .bodyText()
                .contains("Carla Chief", "Sara Seller", "Sven Seller", "Direct reports (2)");
    }

    @Test
    void theDirectoryPageServesTheResultsFragmentToHtmx() {
        MvcTestResult fragment =
                mvc.get()
                        .uri("/people")
                        .param("skill", "Java")
                        .header("HX-Request", "true")
                        .with(signedIn())
                        .exchange();

        assertThat(fragment)
                .hasStatusOk()
                .bodyText()
                .contains("Eli Engineer")
                .doesNotContain("<html", "Sven Seller");

        assertThat(mvc.get().uri("/people").param("skill", "Java").with(signedIn()))
                .hasStatusOk()
                .bodyText()
                .contains("<html", "Eli Engineer", "<main");
    }

    @Test
    void thePagerMovesThroughTheResultsKeepingTheFilters() {
        StringBuilder more = new StringBuilder("employee_id,email,first_name,last_name,division\n");
        for (int i = 10; i < 40; i++) {
            more.append("P" + i + ",p" + i + "@acme.test,Pat" + i + ",Pager,Retail\n");
        }
        people.importCsv(
                org.id(), more.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(mvc.get().uri("/people").param("division", "Retail").with(signedIn()))
                .hasStatusOk()
                .bodyText()
                .contains("Showing 1–25 of 33", "Page 1 of 2")
                .contains(
                        "<a rel=\"next\" href=\"/people?division=Retail&amp;page=1\""
                                + " hx-get=\"/people?division=Retail&amp;page=1\"")
                .doesNotContain("rel=\"prev\"", "Eli Engineer");
        assertThat(
                        mvc.get()
                                .uri("/people")
                                .param("division", "Retail")
                                .param("page", "1")
                                .header("HX-Request", "true")
                                .with(signedIn()))
                .hasStatusOk()
                .bodyText()
                .contains("Showing 26–33 of 33", "Page 2 of 2")
                .contains("<a rel=\"prev\" href=\"/people?division=Retail&amp;page=0\"")
                .doesNotContain("rel=\"next\"", "<html");
    }

    @Test
    void escapesWhatPeopleTypedIntoTheirProfile() {
        String eli = idOf("E1");
        people.updateProfile(
                org.id(),
                new PersonId(UUID.fromString(eli)),
                new ProfileUpdate(
                        "<script>alert(1)</script>",
                        List.of("Java"),
                        List.of(),
                        null,
                        null,
                        List.of("English"),
                        "UTC"));

        assertThat(mvc.get().uri("/people/{id}", eli).with(signedIn()))
                .bodyText()
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void peopleEditTheirOwnProfileAndBadTimeZonesAreNamed() {
        RequestPostProcessor eli = signedInAs("eli@acme.test");

        assertThat(
                        mvc.post()
                                .uri("/profile/edit")
                                .with(eli)
                                .with(csrf())
                                .param("bio", "Building payment systems")
                                .param("skills", "Java; Rust")
                                .param("skillsWanted", "Public speaking")
                                .param("languages", "English; Mandarin")
                                .param("aspiredDivision", "Retail")
                                .param("timeZone", "Asia/Singapore"))
                .hasStatus3xxRedirection();
        assertThat(search("skill", "rust"))
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"total\":1,\"items\":[{\"bio\":\"Building payment systems\",\"skillsWanted\":[\"Public speaking\"],\"aspiredDivision\":\"Retail\"}]}");

        assertThat(
                        mvc.post()
                                .uri("/profile/edit")
                                .with(eli)
                                .with(csrf())
                                .param("timeZone", "Moon/Base"))
                .hasStatus(422)
                .bodyText()
                .contains("Choose a time zone from the list");
    }

    private String idOf(String employeeId) {
        return TestPeople.id(people, org.id(), employeeId).toString();
    }

    private RequestPostProcessor signedIn() {
        return signedInAs("someone@acme.test");
    }

    private RequestPostProcessor signedInAs(String email) {
        return TestOrganisations.signedIn(org.id(), email, Role.EMPLOYEE);
    }
}
