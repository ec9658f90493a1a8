package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The CSV planner alone, without Spring or a database: what a file adds, changes and leaves alone,
 * and where it points at each mistake (row as a spreadsheet shows it, and column).
 */
class PeopleImportTests {

    static final String HEADER =
            "employee_id,email,first_name,last_name,level,time_zone,manager_employee_id,status\n";

    final MessageSourceAccessor messages = messages();

    static MessageSourceAccessor messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        return new MessageSourceAccessor(source, java.util.Locale.ENGLISH);
    }

    PeopleImport.Plan plan(String csv, List<PersonRow> existing) {
        return PeopleImport.plan(csv.getBytes(StandardCharsets.UTF_8), existing, messages);
    }

    List<InputError> refusal(String csv, List<PersonRow> existing) {
        return catchThrowableOfType(InvalidInputException.class, () -> plan(csv, existing))
                .errors();
    }

    @Test
    void newPeopleGetTheDefaultsAndAManagerNamedOnALaterLine() {
        PeopleImport.Plan plan =
                plan(
                        HEADER
                                + "E1,eve@acme.test,Eve,Ash,3,,M1,\n"
                                + "M1,max@acme.test,Max,Birch,,Europe/Berlin,,\n",
                        List.of());

        assertThat(plan.inserts()).hasSize(2);
        assertThat(plan.updates()).isEmpty();
        PersonRow eve = plan.inserts().get(0);
        PersonRow max = plan.inserts().get(1);
        assertThat(eve.timeZone()).isEqualTo("UTC");
        assertThat(eve.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(eve.level()).isEqualTo(3);
        assertThat(eve.managerId()).isEqualTo(max.id());
        assertThat(max.level()).isNull();
        assertThat(max.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aColumnTheFileLeavesOutKeepsItsValueAndAnEmptyCellClearsIt() {
        PersonRow before =
                plan(HEADER + "E1,eve@acme.test,Eve,Ash,3,Asia/Tokyo,,\n", List.of())
                        .inserts()
                        .get(0);

        PeopleImport.Plan same =
                plan(HEADER + "E1,eve@acme.test,Eve,Ash,3,Asia/Tokyo,,\n", List.of(before));
        assertThat(same.unchanged()).isEqualTo(1);
        assertThat(same.inserts()).isEmpty();
        assertThat(same.updates()).isEmpty();

        PeopleImport.Plan fewer =
                plan(
                        "employee_id,email,first_name,last_name\nE1,eve@acme.test,Eve,Ashe\n",
                        List.of(before));
        assertThat(fewer.updates())
                .singleElement()
                .satisfies(
                        eve -> {
                            assertThat(eve.id()).isEqualTo(before.id());
                            assertThat(eve.lastName()).isEqualTo("Ashe");
                            assertThat(eve.level()).isEqualTo(3);
                            assertThat(eve.timeZone()).isEqualTo("Asia/Tokyo");
                        });

        PeopleImport.Plan cleared =
                plan(HEADER + "E1,eve@acme.test,Eve,Ash,,,,\n", List.of(before));
        assertThat(cleared.updates())
                .singleElement()
                .satisfies(
                        eve -> {
                            assertThat(eve.level()).isNull();
                            assertThat(eve.timeZone()).isEqualTo("UTC");
                        });
    }

    @Test
    void everyMistakeIsNamedByRowAndColumnInFileOrder() {
        List<InputError> errors =
                refusal(
                        HEADER
                                + "E1,eve@acme.test,Eve,Ash,120,Mars/Base,E1,RETIRED\n"
                                + "E2,not-an-address,Ann,Oak,x,,Z9,\n"
                                + "E1,eve2@acme.test,Eve,Ash,,,,\n",
                        List.of());

        assertThat(errors)
                .extracting(InputError::row, InputError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "level"),
                        org.assertj.core.groups.Tuple.tuple(2, "time_zone"),
                        org.assertj.core.groups.Tuple.tuple(2, "manager_employee_id"),
                        org.assertj.core.groups.Tuple.tuple(2, "status"),
                        org.assertj.core.groups.Tuple.tuple(3, "email"),
                        org.assertj.core.groups.Tuple.tuple(3, "level"),
                        org.assertj.core.groups.Tuple.tuple(3, "manager_employee_id"),
                        org.assertj.core.groups.Tuple.tuple(4, "employee_id"));
        assertThat(errors.get(0).message()).contains("120");
        assertThat(errors.get(2).message()).contains("own manager");
        assertThat(errors.get(6).message()).contains("Z9");
        assertThat(errors.get(7).message()).contains("E1").contains("2");
    }
}
