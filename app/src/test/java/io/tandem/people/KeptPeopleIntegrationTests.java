package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Pages find the viewer by e-mail and the people they show from what this instance kept: a rename
 * (on any instance) shows on the next page, never an older name.
 */
@TandemIntegrationTest
class KeptPeopleIntegrationTests {

    static final String HEADER = "employee_id,email,first_name,last_name\n";

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPageShowsAPersonRenamedAfterAnEarlierPageKeptThem() {
        TestOrganisation org = organisations.create();
        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,Before"));
        PersonId kim = onAPage(() -> people.findByEmail(org.id(), "kim@kept.test")).get().id();
        assertThat(onAPage(() -> people.find(org.id(), kim)).get().lastName()).isEqualTo("Before");
        assertThat(onAPage(() -> people.findAll(org.id(), List.of(kim))).get(kim).lastName())
                .isEqualTo("Before");

        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,After"));

        assertThat(onAPage(() -> people.findByEmail(org.id(), "kim@kept.test")).get().lastName())
                .isEqualTo("After");
        assertThat(onAPage(() -> people.find(org.id(), kim)).get().lastName()).isEqualTo("After");
        assertThat(onAPage(() -> people.findAll(org.id(), List.of(kim))).get(kim).lastName())
                .isEqualTo("After");
    }

    @Test
    void someoneWithoutAProfileIsFoundOnceTheyAreImported() {
        TestOrganisation org = organisations.create();
        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,Kept"));
        assertThat(onAPage(() -> people.findByEmail(org.id(), "lee@kept.test"))).isEmpty();

        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,Kept\nK2,lee@kept.test,Lee,Later"));

        assertThat(onAPage(() -> people.findByEmail(org.id(), "lee@kept.test")))
                .hasValueSatisfying(lee -> assertThat(lee.firstName()).isEqualTo("Lee"));
    }

    /** What {@code read} answers in a GET request of its own, as a page asks it. */
    private static <T> T onAPage(Supplier<T> read) {
        RequestContextHolder.setRequestAttributes(
                new ServletRequestAttributes(new MockHttpServletRequest("GET", "/")));
        try {
            return read.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
