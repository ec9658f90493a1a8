package io.tandem.meetings;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PeopleManagement.DayHours;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A mentee in London and a mentor in Singapore plan, move, answer, hold and cancel meetings; every
 * invitation is read back from a real SMTP server and parsed with ical4j. This context delivers
 * mail over SMTP, so it is its own and is closed after the class.
 */
@TandemIntegrationTest
@RecordApplicationEvents
@TestPropertySource(
        properties = {
            "tandem.mail.poll=PT0.2S",
            "tandem.mail.from=tandem@tandem.test",
            "tandem.meetings.video-base-url=https://video.example.test/rooms"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MeetingInvitationsIntegrationTests {

    private static final ServerSetup SMTP = ServerSetupTest.SMTP.port(freePort());

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
        registry.add("tandem.demo", () -> "false");
    }

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired io.tandem.programs.ProgramAccess access;
    @Autowired MentorshipManagement mentorships;
    @Autowired MeetingManagement meetings;
    @Autowired CalendarFeedManagement feeds;
    @Autowired VideoSettingManagement videos;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    TestOrganisation org;
    String run;
    Map<String, PersonId> ids = new HashMap<>();
    MentorshipId pair;
    ProgramView program;

    @BeforeEach
    void aLondonMenteeAndASingaporeMentor() {
        jdbc.sql(
                        "update outbox_mail set status = 'FAILED', last_error = 'another test''s mail'"
                                + " where status = 'PENDING'")
                .update();
        org = organisations.create();
        run = UUID.randomUUID().toString().substring(0, 8);
        String csv =
                "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,languages,skills\n"
                        + "L1,"
                        + email("lena")
                        + ",Lena,London,Analyst,3,Retail,Sales,London,Europe/London,HOME_OFFICE,English,Excel\n"
                        + "S1,"
                        + email("sam")
                        + ",Sam,Singapore,Director,8,Digital,Engineering,Singapore,Asia/Singapore,HOME_OFFICE,English,Leadership\n"
                        + "O1,"
                        + email("olu")
                        + ",Olu,Other,Analyst,3,Finance,Finance,London,Europe/London,HOME_OFFICE,English,Excel\n"
                        + "P1,"
                        + email("pat")
                        + ",Pat,Manager,HR partner,6,Corp,HR,London,Europe/London,HOME_OFFICE,English,Coaching\n";
        people.importCsv(org.id(), csv.getBytes(StandardCharsets.UTF_8));
        for (String code : List.of("L1", "S1", "O1", "P1")) {
            ids.put(code, TestPeople.id(people, org.id(), code));
        }
        // Sam starts early and stays late: 07:00-19:00 Singapore = 23:00-11:00 UTC.
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new DayHours(day, day.getValue() <= 5, "07:00", "19:00"));
        }
        people.saveWorkingHours(org.id(), ids.get("S1"), days);
        program = programs.create(org.id(), ProgramDraft.of("Across", "CROSS_DIVISIONAL"));
        // Pat manages this program (a program manager manages only the programs assigned).
        access.assign(org.id(), program.id(), ids.get("P1"));
        pair =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        program.id(),
                        ids.get("L1"),
                        ids.get("S1"),
                        50);
    }

    String email(String name) {
        return name + "-" + run + "@meet.test";
    }

    RequestPostProcessor as(String name) {
        return signedIn(
                org.id(), email(name), name.equals("pat") ? Role.PROGRAM_MANAGER : Role.EMPLOYEE);
    }

    List<Slot> slots(int minutes) {
        return meetings.slots(org.id(), pair, ids.get("L1"), Duration.ofMinutes(minutes));
    }

    PlanMeeting weekly(Slot slot) {
        return new PlanMeeting(
                "Career conversation",
                "1. Where you want to be in a year",
                slot.start(),
                slot.end(),
                null,
                Recurrence.WEEKLY,
                Place.VIDEO,
                null,
                null);
    }

    @Test
    void slotsFallInsideBothPeoplesOwnHours() {
        List<Slot> slots = slots(60);
        assertThat(slots).isNotEmpty().hasSizeLessThanOrEqualTo(40);
        assertThat(slots)
                .allSatisfy(
                        s -> {
                            LocalTime london = s.start().atZone(LONDON).toLocalTime();
                            LocalTime singapore = s.end().atZone(SINGAPORE).toLocalTime();
                            assertThat(london).isAfterOrEqualTo(LocalTime.of(9, 0));
                            assertThat(singapore).isBeforeOrEqualTo(LocalTime.of(19, 0));
                            assertThat(s.start()).isAfter(Instant.now());
                        });
        // With Sam's default hours there is no overlap with London at all.
        people.saveWorkingHours(
                org.id(),
                ids.get("S1"),
                List.of(new DayHours(DayOfWeek.MONDAY, true, "09:00", "17:00")));
        assertThat(slots(30)).isEmpty();
        // The API answers the same times to a program manager's token, as instants.
        people.saveWorkingHours(
                org.id(),
                ids.get("S1"),
                Arrays.stream(DayOfWeek.values())
                        .map(d -> new DayHours(d, d.getValue() <= 5, "07:00", "19:00"))
                        .toList());
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}/slots?duration=45", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].start")
                .isEqualTo(slots(45).get(0).start().toString());
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}/slots?duration=5", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("duration");
    }

    @Test
    void invitationUpdateAndCancellationArriveAsICalendarWithOneUidAndRisingSequence()
            throws Exception {
        Slot slot = slots(60).get(0);
        MeetingView meeting = meetings.plan(org.id(), pair, ids.get("L1"), weekly(slot));
        assertThat(meeting.location()).startsWith("https://video.example.test/rooms/tandem-");

        VEvent invite = event(calendarFor(email("sam"), 1, "REQUEST"));
        assertThat(value(invite, Property.UID)).isEqualTo(meeting.id() + "@tandem");
        assertThat(value(invite, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(invite, Property.LOCATION)).isEqualTo(meeting.location());
        assertThat(value(invite, Property.URL)).isEqualTo(meeting.location());
        assertThat(value(invite, Property.DESCRIPTION))
                .contains("Where you want to be in a year")
                .contains(meeting.location());
        assertThat(value(invite, Property.RRULE)).isEqualTo("FREQ=WEEKLY");
        assertThat(value(invite, Property.SUMMARY)).isEqualTo("Career conversation");
        assertThat(start(invite)).isEqualTo(slot.start());
        assertThat(invite.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID"))
                .map(Object::toString)
                .hasValueSatisfying(tz -> assertThat(tz).contains("Europe/London"));
        assertThat(value(invite, Property.ORGANIZER)).isEqualTo("mailto:" + email("lena"));
        assertThat(
                        invite.getProperties(Property.ATTENDEE).stream()
                                .map(p -> ((Property) p).getValue())
                                .toList())
                .containsExactlyInAnyOrder("mailto:" + email("lena"), "mailto:" + email("sam"));
        Calendar lenasCopy = calendarFor(email("lena"), 1, "REQUEST");
        assertThat(lenasCopy.getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(value(event(lenasCopy), Property.UID)).isEqualTo(meeting.id() + "@tandem");
        assertThat(events.stream(MeetingScheduled.class))
                .containsExactly(new MeetingScheduled(org.id(), pair, meeting.id(), slot.start()));

        Slot later = slots(60).get(3);
        meetings.reschedule(
                org.id(),
                meeting.id(),
                ids.get("S1"),
                new PlanMeeting(
                        null, null, later.start(), later.end(), null, null, null, null, null));
        VEvent update = event(calendarFor(email("sam"), 2, "REQUEST"));
        assertThat(value(update, Property.UID)).isEqualTo(meeting.id() + "@tandem");
        assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
        assertThat(start(update)).isEqualTo(later.start());

        meetings.cancel(org.id(), meeting.id(), ids.get("L1"));
        Calendar cancel = calendarFor(email("sam"), 3, "CANCEL");
        assertThat(cancel.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        VEvent cancelled = event(cancel);
        assertThat(value(cancelled, Property.UID)).isEqualTo(meeting.id() + "@tandem");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(calendarFor(email("lena"), 3, "CANCEL")).isNotNull();
        assertThatThrownBy(() -> meetings.cancel(org.id(), meeting.id(), ids.get("S1")))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void cancellationsShowInThePairsTimelineWithWhoCancelled() {
        List<Slot> free = slots(30);
        MeetingView first = meetings.plan(org.id(), pair, ids.get("L1"), weekly(free.get(0)));
        MeetingView second =
                meetings.plan(
                        org.id(),
                        pair,
                        ids.get("S1"),
                        new PlanMeeting(
                                "Portfolio review",
                                null,
                                free.get(1).start(),
                                free.get(1).end(),
                                null,
                                Recurrence.NONE,
                                Place.VIDEO,
                                null,
                                null));
        meetings.cancel(org.id(), first.id(), ids.get("L1"));
        meetings.cancelAsManager(org.id(), second.id());

        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("sam")))
                .hasStatusOk()
                .bodyText()
                .contains("Lena: cancelled the meeting “Career conversation”")
                .contains("Tandem: cancelled the meeting “Portfolio review”");
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("You: cancelled the meeting “Career conversation”")
                .contains("You: planned the meeting “Career conversation”");
        // Managers see the pair's metadata only: the cancelled meeting's title is not theirs.
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("pat")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void videoRoomsFollowTheProgramThenTheOrganisationThenTheInstallation() {
        List<Slot> free = slots(30);
        assertThat(meetings.plan(org.id(), pair, ids.get("L1"), once(free.get(0))).location())
                .startsWith("https://video.example.test/rooms/tandem-");

        // The admin sets the organisation's provider on its page; a bad address names the field.
        assertThat(
                        mvc.post()
                                .uri("/admin/video")
                                .param("mode", "PROVIDER")
                                .param("baseUrl", "http://rooms.example.test/")
                                .with(admin())
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("Give the provider’s https address");
        assertThat(videos.stored(org.id(), null).mode()).isEqualTo(VideoMode.INHERIT);
        assertThat(
                        mvc.post()
                                .uri("/admin/video")
                                .param("mode", "PROVIDER")
                                .param("baseUrl", "https://rooms.example.test/org")
                                .with(admin())
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(meetings.plan(org.id(), pair, ids.get("L1"), once(free.get(1))).location())
                .startsWith("https://rooms.example.test/org/tandem-");
        assertThat(mvc.get().uri("/admin/video").with(as("lena"))).hasStatus(HttpStatus.FORBIDDEN);

        // The program's manager switches generated rooms off: the pair pastes its own link.
        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/video", program.id())
                                .param("mode", "NONE")
                                .with(as("pat"))
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/mentorships/{id}/meetings/new", pair).with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("This program makes no video rooms")
                .doesNotContain("A video room made for this meeting");
        assertThatThrownBy(() -> meetings.plan(org.id(), pair, ids.get("L1"), once(free.get(2))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInputException) e).errors())
                                        .extracting(io.tandem.shared.InputError::field)
                                        .containsExactly("place"));
        MeetingView own =
                meetings.plan(
                        org.id(),
                        pair,
                        ids.get("L1"),
                        new PlanMeeting(
                                "Own link",
                                null,
                                free.get(2).start(),
                                free.get(2).end(),
                                null,
                                Recurrence.NONE,
                                Place.LINK,
                                "https://teams.example.test/l/meetup",
                                null));
        assertThat(own.location()).isEqualTo("https://teams.example.test/l/meetup");

        // Back to "as the organisation": the organisation's provider again.
        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/video", program.id())
                                .param("mode", "INHERIT")
                                .with(as("pat"))
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(meetings.plan(org.id(), pair, ids.get("L1"), once(free.get(3))).location())
                .startsWith("https://rooms.example.test/org/tandem-");
    }

    PlanMeeting once(Slot slot) {
        return new PlanMeeting(
                "Catch-up",
                null,
                slot.start(),
                slot.end(),
                null,
                Recurrence.NONE,
                Place.VIDEO,
                null,
                null);
    }

    RequestPostProcessor admin() {
        return signedIn(org.id(), "admin-" + run + "@meet.test", Role.ADMIN);
    }

    @Test
    void thePartnerAnswersAndTheOrganiserSeesIt() {
        MeetingView meeting =
                meetings.plan(org.id(), pair, ids.get("L1"), weekly(slots(30).get(0)));
        assertThatThrownBy(
                        () ->
                                meetings.respond(
                                        org.id(), meeting.id(), ids.get("L1"), Response.ACCEPTED))
                .isInstanceOf(Conflict.class);
        meetings.respond(org.id(), meeting.id(), ids.get("S1"), Response.ACCEPTED);
        assertThat(meetings.get(org.id(), meeting.id(), ids.get("L1")).response())
                .isEqualTo(Response.ACCEPTED);
        assertThat(
                        jdbc.sql(
                                        "select count(*) from inbox_item where recipient_email = ? and text like ?")
                                .params(email("lena"), "%accepted%")
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
        // Moving it asks Sam again.
        Slot later = slots(30).get(2);
        MeetingView moved =
                meetings.reschedule(
                        org.id(),
                        meeting.id(),
                        ids.get("L1"),
                        new PlanMeeting(
                                null,
                                null,
                                later.start(),
                                later.end(),
                                null,
                                null,
                                null,
                                null,
                                null));
        assertThat(moved.response()).isEqualTo(Response.NEEDS_ACTION);
        assertThat(moved.sequence()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Slot slot = slots(30).get(0);
        Instant start = slot.start();
        record Case(String json, String field) {}
        String organiser = ids.get("L1").toString();
        List<Case> cases =
                List.of(
                        new Case(
                                body(
                                        organiser,
                                        start,
                                        start.minusSeconds(60),
                                        "Europe/London",
                                        "VIDEO",
                                        null),
                                "end"),
                        new Case(
                                body(
                                        organiser,
                                        start,
                                        start.plus(Duration.ofMinutes(300)),
                                        "Europe/London",
                                        "VIDEO",
                                        null),
                                "end"),
                        new Case(
                                body(
                                        organiser,
                                        start,
                                        start.plus(Duration.ofMinutes(10)),
                                        "Europe/London",
                                        "VIDEO",
                                        null),
                                "end"),
                        new Case(
                                body(
                                        organiser,
                                        start,
                                        start.plus(Duration.ofMinutes(30)),
                                        "Mars/Olympus",
                                        "VIDEO",
                                        null),
                                "zone"),
                        new Case(
                                body(
                                        organiser,
                                        Instant.now().minus(Duration.ofDays(1)),
                                        Instant.now()
                                                .minus(Duration.ofDays(1))
                                                .plus(Duration.ofMinutes(30)),
                                        "Europe/London",
                                        "VIDEO",
                                        null),
                                "start"),
                        new Case(
                                body(
                                        organiser,
                                        start,
                                        start.plus(Duration.ofMinutes(30)),
                                        "Europe/London",
                                        "LINK",
                                        "http://zoom.example/j/1"),
                                "link"),
                        new Case(
                                body(
                                        organiser,
                                        start,
                                        start.plus(Duration.ofMinutes(30)),
                                        "Europe/London",
                                        "LINK",
                                        "javascript:alert(1)"),
                                "link"),
                        new Case(
                                body(
                                        ids.get("O1").toString(),
                                        start,
                                        start.plus(Duration.ofMinutes(30)),
                                        "Europe/London",
                                        "VIDEO",
                                        null),
                                "organiserId"));
        for (Case c : cases) {
            assertThat(
                            mvc.post()
                                    .uri("/api/v1/mentorships/{id}/meetings", pair)
                                    .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(c.json()))
                    .as(c.json())
                    .hasStatus(422)
                    .bodyJson()
                    .extractingPath("$.errors[*].field")
                    .asArray()
                    .contains(c.field());
        }
        assertThat(meetings.summaries(org.id(), pair)).isEmpty();
        assertThat(
                        jdbc.sql(
                                        "select count(*) from outbox_mail where recipient = ?"
                                                + " and calendar is not null")
                                .param(email("sam"))
                                .query(Long.class)
                                .single())
                .isZero();
        // A pasted https link is kept as it is.
        assertThat(
                        mvc.post()
                                .uri("/api/v1/mentorships/{id}/meetings", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        body(
                                                organiser,
                                                start,
                                                start.plus(Duration.ofMinutes(30)),
                                                "Europe/London",
                                                "LINK",
                                                "https://teams.example.test/l/meetup-join/1")))
                .hasStatus(201);
        assertThat(meetings.ofMentorship(org.id(), pair, ids.get("S1")))
                .singleElement()
                .satisfies(
                        m ->
                                assertThat(m.location())
                                        .isEqualTo("https://teams.example.test/l/meetup-join/1"));
    }

    static String body(
            String organiser, Instant start, Instant end, String zone, String place, String link) {
        return "{\"organiserId\":\""
                + organiser
                + "\",\"title\":\"Kick-off\",\"start\":\""
                + start
                + "\",\"end\":\""
                + end
                + "\",\"zone\":\""
                + zone
                + "\",\"place\":\""
                + place
                + "\""
                + (link == null ? "" : ",\"link\":\"" + link + "\"")
                + "}";
    }

    @Test
    void managersAndTokensSeeThatMeetingsHappenedButNeverWhatTheyAreAbout() {
        MeetingView meeting =
                meetings.plan(org.id(), pair, ids.get("L1"), weekly(slots(30).get(0)));
        meetings.addNote(
                org.id(), meeting.id(), ids.get("L1"), "Sam's advice on the promotion", true);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}/meetings", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains(meeting.id().toString())
                .doesNotContain("Career conversation")
                .doesNotContain("Where you want to be")
                .doesNotContain("video.example.test");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/meetings/{id}", meeting.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains("\"status\":\"SCHEDULED\"")
                .doesNotContain("Career conversation");
        // Another organisation's token gets 404.
        TestOrganisation other = organisations.create();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/meetings/{id}", meeting.id())
                                .header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatus(404);
        // Pages: only the two see the meeting.
        for (String outsider : List.of("pat", "olu")) {
            assertThat(mvc.get().uri("/meetings/{id}", meeting.id()).with(as(outsider)))
                    .hasStatus(404);
            assertThat(mvc.get().uri("/mentorships/{id}/meetings", pair).with(as(outsider)))
                    .hasStatus(404);
            assertThat(mvc.get().uri("/mentorships/{id}/meetings/new", pair).with(as(outsider)))
                    .hasStatus(404);
        }
        assertThatThrownBy(() -> meetings.get(org.id(), meeting.id(), ids.get("P1")))
                .isInstanceOf(NotFound.class);
        assertThat(mvc.get().uri("/meetings/{id}", meeting.id()).with(as("sam")))
                .hasStatusOk()
                .bodyText()
                .contains("Career conversation")
                .contains("Sam&#39;s advice on the promotion");
    }

    @Test
    void theWorkspaceShowsTheNextMeetingInBothLocalTimesWithItsTitleEscaped() {
        Slot slot = slots(30).get(0);
        PlanMeeting plan = weekly(slot);
        MeetingView meeting =
                meetings.plan(
                        org.id(),
                        pair,
                        ids.get("L1"),
                        new PlanMeeting(
                                "<b>Plans</b> & \"hopes\"",
                                plan.agenda(),
                                plan.start(),
                                plan.end(),
                                plan.zone(),
                                plan.recurrence(),
                                plan.place(),
                                plan.link(),
                                plan.address()));
        String london =
                slot.start().atZone(ZoneId.of("Europe/London")).format(MeetingsInWorkspace.WHEN);
        String singapore =
                slot.start().atZone(ZoneId.of("Asia/Singapore")).format(MeetingsInWorkspace.WHEN);

        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("<section id=\"meetings\" class=\"card\"")
                .contains(
                        "<a href=\"/meetings/"
                                + meeting.id()
                                + "\">&lt;b&gt;Plans&lt;/b&gt; &amp; &quot;hopes&quot;</a>")
                .contains(london + " (Europe/London)")
                .contains("for Sam: " + singapore + " (Asia/Singapore)")
                .contains("All meetings (1)")
                .doesNotContain("<b>Plans</b>");
    }

    @Test
    void aMeetingHeldPublishesMeetingHeldOnceWhoeverSaysSo() {
        MeetingView meeting =
                meetings.plan(org.id(), pair, ids.get("L1"), weekly(slots(30).get(0)));
        assertThatThrownBy(
                        () ->
                                meetings.recordOutcome(
                                        org.id(), meeting.id(), ids.get("L1"), null, true))
                .isInstanceOf(InvalidInputException.class);
        // The first occurrence is over: move it into the past as the clock would.
        Instant past =
                Instant.now()
                        .minus(Duration.ofDays(3))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        jdbc.sql("update meeting set starts_at = ?, ends_at = ? where id = ?")
                .params(
                        java.sql.Timestamp.from(past),
                        java.sql.Timestamp.from(past.plus(Duration.ofMinutes(30))),
                        meeting.id())
                .update();
        meetings.recordOutcome(org.id(), meeting.id(), ids.get("L1"), null, true);
        meetings.recordOutcome(org.id(), meeting.id(), ids.get("S1"), null, true);
        meetings.recordOutcome(org.id(), meeting.id(), ids.get("L1"), past, true);
        assertThat(events.stream(MeetingHeld.class))
                .containsExactly(new MeetingHeld(org.id(), pair, meeting.id(), past));
        assertThat(meetings.summary(org.id(), meeting.id()).held()).isEqualTo(1);
        // The workspace shows the meeting in its section and both events in the timeline.
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("sam")))
                .hasStatusOk()
                .bodyText()
                .contains("/mentorships/" + pair + "/meetings/new")
                .contains("Career conversation")
                .contains("Lena: planned the meeting")
                .contains("said “Career conversation” took place");
        // A private note stays with its author.
        meetings.addNote(org.id(), meeting.id(), ids.get("S1"), "Lena seems tired", false);
        assertThat(meetings.notes(org.id(), meeting.id(), ids.get("L1"))).isEmpty();
        assertThat(meetings.notes(org.id(), meeting.id(), ids.get("S1")))
                .extracting(MeetingNote::body)
                .containsExactly("Lena seems tired");
    }

    @Test
    void theFeedListsMyMeetingsAndAResetStopsTheOldAddress() throws Exception {
        MeetingView kept = meetings.plan(org.id(), pair, ids.get("L1"), weekly(slots(30).get(0)));
        MeetingView dropped =
                meetings.plan(
                        org.id(),
                        pair,
                        ids.get("S1"),
                        new PlanMeeting(
                                "Coffee",
                                null,
                                slots(30).get(4).start(),
                                slots(30).get(4).end(),
                                "Asia/Singapore",
                                Recurrence.NONE,
                                Place.IN_PERSON,
                                null,
                                "Marina Bay office, room 4"));
        meetings.cancel(org.id(), dropped.id(), ids.get("S1"));
        // A one-off meeting that ended more than a year ago has left the feed.
        java.time.Instant longAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(400));
        jdbc.sql(
                        "insert into meeting (id, organisation_id, mentorship_id, organiser_id,"
                                + " attendee_id, title, starts_at, ends_at, zone, recurrence, place,"
                                + " location, sequence, status, response, created_at, updated_at)"
                                + " values (?, ?, ?, ?, ?, 'Long ago', ?, ?, 'Europe/London', 'NONE',"
                                + " 'VIDEO', 'https://meet.example/old', 0, 'SCHEDULED', 'ACCEPTED',"
                                + " ?, ?)")
                .params(
                        UUID.randomUUID(),
                        org.id().value(),
                        pair.value(),
                        ids.get("L1").value(),
                        ids.get("S1").value(),
                        java.sql.Timestamp.from(longAgo),
                        java.sql.Timestamp.from(longAgo.plus(java.time.Duration.ofMinutes(30))),
                        java.sql.Timestamp.from(longAgo),
                        java.sql.Timestamp.from(longAgo))
                .update();
        String secret = feeds.feedSecret(org.id(), ids.get("L1"));
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(mvc.get().uri("/profile/calendar").with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("/calendar/" + secret + ".ics");

        var response = mvc.get().uri("/calendar/{secret}.ics", secret).exchange();
        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getContentType()).startsWith("text/calendar");
        Calendar feed =
                new CalendarBuilder()
                        .build(new StringReader(response.getResponse().getContentAsString()));
        assertThat(feed.validate().hasErrors()).isFalse();
        assertThat(feed.getComponents(Component.VTIMEZONE))
                .extracting(
                        c -> ((Component) c).getProperty(Property.TZID).orElseThrow().getValue())
                .containsExactlyInAnyOrder("Europe/London", "Asia/Singapore");
        List<VEvent> events = feed.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        VEvent first =
                events.stream()
                        .filter(e -> value(e, Property.UID).equals(kept.id() + "@tandem"))
                        .findFirst()
                        .orElseThrow();
        assertThat(value(first, Property.LOCATION)).isEqualTo(kept.location());
        assertThat(value(first, Property.URL)).isEqualTo(kept.location());
        assertThat(value(first, Property.RRULE)).isEqualTo("FREQ=WEEKLY");
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(start(first)).isEqualTo(kept.start());
        VEvent second =
                events.stream()
                        .filter(e -> value(e, Property.UID).equals(dropped.id() + "@tandem"))
                        .findFirst()
                        .orElseThrow();
        assertThat(value(second, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(second, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(second, Property.LOCATION)).isEqualTo("Marina Bay office, room 4");
        assertThat(second.getProperty(Property.URL)).isEmpty();
        assertThat(response.getResponse().getContentAsString()).doesNotContain("Long ago");

        // A calendar that polls with the version it holds gets 304 and no body, until a change.
        String etag = response.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isNotBlank();
        var again =
                mvc.get()
                        .uri("/calendar/{secret}.ics", secret)
                        .header(HttpHeaders.IF_NONE_MATCH, etag)
                        .exchange();
        assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED);
        assertThat(again.getResponse().getContentAsString()).isEmpty();
        meetings.cancel(org.id(), kept.id(), ids.get("L1"));
        var changed =
                mvc.get()
                        .uri("/calendar/{secret}.ics", secret)
                        .header(HttpHeaders.IF_NONE_MATCH, etag)
                        .exchange();
        assertThat(changed).hasStatusOk();
        assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);

        // Olu takes part in neither.
        String olus = feeds.feedSecret(org.id(), ids.get("O1"));
        assertThat(
                        mvc.get()
                                .uri("/calendar/{secret}.ics", olus)
                                .exchange()
                                .getResponse()
                                .getContentAsString())
                .doesNotContain("BEGIN:VEVENT");

        assertThat(mvc.post().uri("/profile/calendar/reset").with(as("lena")).with(csrf()))
                .hasStatus3xxRedirection();
        String fresh = feeds.feedSecret(org.id(), ids.get("L1"));
        assertThat(fresh).isNotEqualTo(secret);
        assertThat(mvc.get().uri("/calendar/{secret}.ics", secret)).hasStatus(404);
        assertThat(mvc.get().uri("/calendar/{secret}.ics", fresh)).hasStatusOk();
        assertThat(mvc.get().uri("/calendar/{secret}.ics", "x".repeat(43))).hasStatus(404);
    }

    @Test
    void workingHoursAreEditedOnTheProfileAndChangeTheSharedHours() {
        assertThat(mvc.get().uri("/profile/hours").with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("Europe/London")
                .contains("09:00");
        // The workspace counts Sam's 07:00-19:00 against Lena's 09:00-17:00: 2 h a day.
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("10.0 h a week");
        assertThat(
                        mvc.post()
                                .uri("/profile/hours")
                                .with(as("lena"))
                                .with(csrf())
                                .param("MONDAY.works", "on")
                                .param("MONDAY.start", "12:00")
                                .param("MONDAY.end", "08:00"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("The end must be after the start.");
        assertThat(people.workingHours(org.id(), ids.get("L1")))
                .isEqualTo(io.tandem.people.WorkingHours.DEFAULT);
        // Lena starts at 07:00 on Monday and Tuesday only: 07:00-11:00 UTC overlaps Sam's day.
        assertThat(
                        mvc.post()
                                .uri("/profile/hours")
                                .with(as("lena"))
                                .with(csrf())
                                .param("MONDAY.works", "on")
                                .param("MONDAY.start", "07:00")
                                .param("MONDAY.end", "15:00")
                                .param("TUESDAY.works", "on")
                                .param("TUESDAY.start", "07:00")
                                .param("TUESDAY.end", "15:00")
                                .param("WEDNESDAY.start", "09:00")
                                .param("WEDNESDAY.end", "17:00"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("lena")))
                .hasStatusOk()
                .bodyText()
                .contains("8.0 h a week");
        assertThat(slots(60))
                .allSatisfy(
                        s ->
                                assertThat(s.start().atZone(LONDON).getDayOfWeek())
                                        .isIn(DayOfWeek.MONDAY, DayOfWeek.TUESDAY));
    }

    Calendar calendarFor(String to, int count, String method) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(to).size() >= count);
        MimeMessage mail = receivedBy(to).get(count - 1);
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("text/calendar")) {
                assertThat(part.getContentType()).contains("method=" + method);
                String text =
                        part.getContent() instanceof String s
                                ? s
                                : new String(
                                        part.getInputStream().readAllBytes(),
                                        StandardCharsets.UTF_8);
                Calendar calendar = new CalendarBuilder().build(new StringReader(text));
                assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                        .isEqualTo(method);
                assertThat(calendar.validate().hasErrors())
                        .as(calendar.validate().toString())
                        .isFalse();
                return calendar;
            }
        }
        throw new AssertionError("no text/calendar part in " + mail.getSubject());
    }

    static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    static Instant start(VEvent event) {
        DtStart<?> start = event.getDateTimeStart();
        return Instant.from(start.getDate());
    }

    /** The meeting mails (those with a calendar part) sent to {@code to}, oldest first. */
    List<MimeMessage> receivedBy(String to) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getContentType().startsWith("multipart/")
                    && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                mine.add(m);
            }
        }
        return mine;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
