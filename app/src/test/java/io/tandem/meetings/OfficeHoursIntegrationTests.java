package io.tandem.meetings;

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
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

/** Flash mentoring: a mentor's open slot is booked by exactly one of many at once. */
@TandemIntegrationTest
class OfficeHoursIntegrationTests {

    static final int BOOKERS = 20;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MeetingManagement meetings;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired MessageSource messages;

    @Test
    void twentySimultaneousBookingsOfOneSlotGiveExactlyOneMeeting() throws Exception {
        TestOrganisation org = organisations.create();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name,time_zone\n");
        csv.append("M0,m0-").append(run).append("@flash.test,Mira,Mentor,Asia/Kolkata\n");
        for (int i = 0; i < BOOKERS; i++) {
            csv.append("B")
                    .append(i)
                    .append(",b")
                    .append(i)
                    .append('-')
                    .append(run)
                    .append("@flash.test,Ben")
                    .append(i)
                    .append(",Booker,Europe/London\n");
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, PersonId> ids =
                people
                        .search(
                                org.id(),
                                new DirectoryQuery(null, null, null, null, null, null, null),
                                PageQuery.of(0, 100))
                        .items()
                        .stream()
                        .collect(Collectors.toMap(PersonSummary::employeeId, PersonSummary::id));
        ProgramView flash =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Flash hour",
                                "CROSS_DIVISIONAL",
                                null,
                                ProgramFormat.FLASH,
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
                                null,
                                null));
        ProgramView classic =
                programs.create(org.id(), ProgramDraft.of("Classic", "CROSS_DIVISIONAL"));
        for (ProgramView p : List.of(flash, classic)) {
            programs.moveTo(org.id(), p.id(), ProgramStatus.ENROLLING);
            enrol(org, p, ids.get("M0"), EnrolmentRole.MENTOR);
        }
        for (int i = 0; i < BOOKERS; i++) {
            enrol(org, flash, ids.get("B" + i), EnrolmentRole.MENTEE);
        }
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(Duration.ofMinutes(30));
        assertThatThrownBy(
                        () ->
                                meetings.publishOfficeHour(
                                        org.id(), classic.id(), ids.get("M0"), start, end))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(
                        () ->
                                meetings.publishOfficeHour(
                                        org.id(), flash.id(), ids.get("B0"), start, end))
                .isInstanceOf(Conflict.class);
        OfficeHour slot =
                meetings.publishOfficeHour(org.id(), flash.id(), ids.get("M0"), start, end);
        assertThat(meetings.officeHours(org.id(), flash.id(), ids.get("B3")))
                .singleElement()
                .satisfies(s -> assertThat(s.open()).isTrue());

        CyclicBarrier together = new CyclicBarrier(BOOKERS);
        ExecutorService pool = Executors.newFixedThreadPool(BOOKERS);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < BOOKERS; i++) {
                PersonId booker = ids.get("B" + i);
                results.add(
                        pool.submit(
                                () -> {
                                    together.await();
                                    try {
                                        return meetings.book(org.id(), slot.id(), booker);
                                    } catch (Conflict e) {
                                        return e;
                                    }
                                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get());
            }
            List<MeetingView> booked =
                    outcomes.stream()
                            .filter(MeetingView.class::isInstance)
                            .map(MeetingView.class::cast)
                            .toList();
            assertThat(booked).hasSize(1);
            assertThat(outcomes.stream().filter(Conflict.class::isInstance))
                    .hasSize(BOOKERS - 1)
                    .allSatisfy(
                            e ->
                                    assertThat(((Conflict) e).getMessage())
                                            .isEqualTo("meetings.office-hour.taken"));
            MeetingView meeting = booked.get(0);
            assertThat(meeting.mentorshipId()).isNull();
            assertThat(meeting.organiserId()).isEqualTo(ids.get("M0"));
            assertThat(meeting.start()).isEqualTo(start);
            assertThat(
                            jdbc.sql("select count(*) from meeting where organisation_id = ?")
                                    .param(org.id().value())
                                    .query(Long.class)
                                    .single())
                    .isEqualTo(1);
            OfficeHour after = meetings.officeHours(org.id(), flash.id(), ids.get("B3")).get(0);
            assertThat(after.bookedBy()).isEqualTo(meeting.attendeeId());
            assertThat(after.meetingId()).isEqualTo(meeting.id());
            // Both get the invitation with its calendar part.
            assertThat(
                            jdbc.sql(
                                            "select count(*) from outbox_mail where organisation_id = ?"
                                                    + " and calendar_method = 'REQUEST'")
                                    .param(org.id().value())
                                    .query(Long.class)
                                    .single())
                    .isEqualTo(2);
            // Booking it again, even by the winner, is refused.
            assertThatThrownBy(() -> meetings.book(org.id(), slot.id(), meeting.attendeeId()))
                    .isInstanceOf(Conflict.class);
            // On the page, a latecomer is told so above the hours, answered 409, nothing booked.
            PersonId late =
                    ids.entrySet().stream()
                            .filter(e -> e.getKey().startsWith("B"))
                            .map(Map.Entry::getValue)
                            .filter(p -> !p.equals(meeting.attendeeId()))
                            .findFirst()
                            .orElseThrow();
            var latecomer =
                    TestOrganisations.signedIn(
                            org.id(), people.get(org.id(), late).email(), Role.EMPLOYEE);
            assertThat(
                            mvc.post()
                                    .uri(
                                            "/programs/{id}/office-hours/{slot}/book",
                                            flash.id().value(),
                                            slot.id())
                                    .with(latecomer)
                                    .with(csrf()))
                    .hasStatus(409)
                    .bodyText()
                    .contains(
                            HtmlUtils.htmlEscape(
                                    messages.getMessage(
                                            "meetings.office-hour.taken", null, Locale.ENGLISH)));
            assertThat(
                            jdbc.sql("select count(*) from meeting where attendee_id = ?")
                                    .param(late.value())
                                    .query(Long.class)
                                    .single())
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private void enrol(
            TestOrganisation org, ProgramView program, PersonId person, EnrolmentRole role) {
        Enrol request =
                role == EnrolmentRole.MENTOR
                        ? new Enrol(
                                person, null, role, 5, null, null, null, null, null, null, null,
                                null)
                        : Enrol.of(person, role);
        var enrolment = enrolling.enrol(org.id(), program.id(), request);
        if (enrolment.status() == EnrolmentStatus.PENDING) {
            enrolling.decide(org.id(), enrolment.id(), true, null);
        }
    }
}
