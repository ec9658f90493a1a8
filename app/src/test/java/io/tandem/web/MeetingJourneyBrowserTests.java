package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mentee in London and a mentor in Singapore, eight hours apart, in two browsers: the mentor
 * widens her working hours so that the two days meet, the mentee plans a repeating meeting from the
 * proposed slots (each shown in both local times), the mentor accepts, the mentee moves it, the
 * mentor accepts again, and once it has taken place the mentee marks it held and writes a note the
 * mentor reads. axe-core checks every page visited, at desktop and at phone width.
 */
@TandemIntegrationTest
@Tag("browser")
class MeetingJourneyBrowserTests extends BrowserJourney {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired JdbcClient jdbc;

    private int width;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void aLondonMenteeAndASingaporeMentorPlanMoveHoldAndNoteAMeeting(int width) {
        this.width = width;
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId org = identity.ensureOrganisation("meet-" + run, "Meet " + run);
        String lena = "lena-" + run + "@meet.example";
        String wei = "wei-" + run + "@meet.example";
        people.importCsv(
                org,
                ("employee_id,email,first_name,last_name,title,level,division,function,location,"
                                + "time_zone,work_mode,languages,skills\n"
                                + "L1,"
                                + lena
                                + ",Lena,Park,Analyst,3,Retail,Sales,London,Europe/London,"
                                + "HOME_OFFICE,English,Excel\n"
                                + "W1,"
                                + wei
                                + ",Wei,Tan,Director,8,Digital,Engineering,Singapore,"
                                + "Asia/Singapore,HOME_OFFICE,English,Leadership\n")
                        .getBytes(StandardCharsets.UTF_8));
        identity.ensureAccount(org, lena, "Lena Park", PASSWORD, Role.EMPLOYEE);
        identity.ensureAccount(org, wei, "Wei Tan", PASSWORD, Role.EMPLOYEE);
        ProgramView program =
                programs.create(org, ProgramDraft.of("Across time zones", "CROSS_DIVISIONAL"));
        MentorshipId pair =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org,
                        program.id(),
                        id(org, "L1"),
                        id(org, "W1"),
                        60);
        String workspace = "/mentorships/" + pair;

        Page mentor = otherPage();
        mentor.setViewportSize(width, 900);
        page.setViewportSize(width, 900);
        signIn(page, lena);
        signIn(mentor, wei);

        // Wei's default day (09:00-17:00 in Singapore) ends as Lena's begins; she works until
        // 19:00.
        mentor.navigate(url("/profile/hours"));
        checked(mentor);
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            mentor.locator("#" + day + "-end").fill("19:00");
        }
        button(mentor, "Save working hours").click();
        assertThat(mentor.getByRole(AriaRole.STATUS).first())
                .containsText("Your working hours are saved");

        // Lena plans from the workspace: every proposed slot is in both people's hours and zones.
        page.navigate(url(workspace));
        assertThat(page.locator("#meetings")).containsText("Nothing planned yet");
        checked(page);
        link(page, "Plan a meeting").click();
        assertThat(heading(page, "Plan a meeting with Wei Tan")).isVisible();
        checked(page);
        Locator slots = page.locator(".slot-list label");
        assertThat(slots.first()).containsText("(Europe/London)");
        assertThat(slots.first()).containsText("for Wei:");
        assertThat(slots.first()).containsText("(Asia/Singapore)");
        Locator first = page.locator(".slot-list input[type=radio]").first();
        Instant start = Instant.parse(first.getAttribute("value"));
        assertThat(start).isAfter(Instant.now());
        assertThat(slots.first())
                .containsText(range(start, start.plus(Duration.ofMinutes(30)), LONDON));
        assertThat(slots.first())
                .containsText(range(start, start.plus(Duration.ofMinutes(30)), SINGAPORE));
        ZonedDateTime inSingapore = start.atZone(SINGAPORE);
        assertThat(inSingapore.toLocalTime().getHour()).isBetween(9, 18);
        first.check();
        page.getByLabel("Title").fill("Career conversation");
        page.getByLabel("Agenda").fill("Where Lena wants to be in two years.");
        page.getByLabel("Repeats").selectOption(new SelectOption().setLabel("every two weeks"));
        button(page, "Send the invitation").click();
        assertThat(heading(page, "Career conversation")).isVisible();
        assertThat(page.locator(".facts")).containsText("Wei has not answered yet");
        assertThat(page.locator(".facts")).containsText("every two weeks");
        assertThat(page.locator(".facts")).containsText("(Asia/Singapore)");
        checked(page);

        // Wei finds it in the workspace, sees it in Singapore time and accepts.
        mentor.navigate(url(workspace));
        assertThat(mentor.locator("#meetings")).containsText("Career conversation");
        checked(mentor);
        mentor.locator("#meetings").getByText("Career conversation").click();
        assertThat(mentor.locator(".facts"))
                .containsText(range(start, start.plus(Duration.ofMinutes(30)), SINGAPORE));
        checked(mentor);
        button(mentor, "Accept").click();
        assertThat(mentor.getByRole(AriaRole.STATUS).first()).containsText("Your answer is sent");
        page.reload();
        assertThat(page.locator(".facts")).containsText("Wei accepted");

        // Lena moves it a week later and an hour earlier in her day; Wei is asked again.
        ZonedDateTime moved = start.atZone(LONDON).plusWeeks(1).minusHours(1);
        page.getByLabel("Date").fill(moved.toLocalDate().toString());
        page.getByLabel("Time").fill(moved.toLocalTime().toString());
        button(page, "Move and tell my partner").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The meeting has moved");
        Instant newStart = moved.toInstant();
        assertThat(page.locator(".facts"))
                .containsText(range(newStart, newStart.plus(Duration.ofMinutes(30)), LONDON));
        assertThat(page.locator(".facts")).containsText("Wei has not answered yet");
        checked(page);
        mentor.reload();
        assertThat(mentor.locator(".facts"))
                .containsText(range(newStart, newStart.plus(Duration.ofMinutes(30)), SINGAPORE));
        assertThat(mentor.locator(".facts")).containsText("Waiting for an answer");
        button(mentor, "Accept").click();
        assertThat(mentor.locator(".facts")).containsText("Accepted");

        // The first meeting takes place: the clock cannot be moved in a running server, so the
        // meeting's first occurrence is put an hour in the past, the way time would.
        Instant held =
                Instant.now()
                        .minus(Duration.ofHours(1))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        jdbc.sql("update meeting set starts_at = ?, ends_at = ? where mentorship_id = ?")
                .params(
                        Timestamp.from(held),
                        Timestamp.from(held.plus(Duration.ofMinutes(30))),
                        pair.value())
                .update();
        page.reload();
        assertThat(heading(page, "Did it take place?")).isVisible();
        checked(page);
        button(page, "Yes, we met").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Thank you: noted");
        assertThat(page.locator("body")).containsText("Took place");
        page.getByLabel("Add a note").fill("Wei will introduce me to the platform team.");
        button(page, "Save the note").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your note is saved");
        checked(page);

        // Wei reads the shared note; both see the meeting in the pair's timeline.
        mentor.reload();
        assertThat(mentor.locator("body"))
                .containsText("Wei will introduce me to the platform team.");
        checked(mentor);
        mentor.navigate(url(workspace));
        assertThat(mentor.locator("#timeline"))
                .containsText(Pattern.compile("said “Career conversation” took place"));
        checked(mentor);
        link(mentor, "All meetings (1)").click();
        assertThat(mentor.locator("body")).containsText("Career conversation");
        checked(mentor);
    }

    /** A time range as the meeting pages write it: "09:00–09:30 (Europe/London)". */
    private static String range(Instant start, Instant end, ZoneId zone) {
        java.time.format.DateTimeFormatter time =
                java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        return start.atZone(zone).format(time)
                + "\u2013"
                + end.atZone(zone).format(time)
                + " ("
                + zone.getId()
                + ")";
    }

    private PersonId id(OrganisationId org, String employeeId) {
        return TestPeople.id(people, org, employeeId);
    }

    /** axe-core finds nothing, and nothing scrolls sideways at this width. */
    private void checked(Page on) {
        Browser.assertAccessible(on);
        Object overflow =
                on.evaluate(
                        "() => document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("sideways scroll on %s at %d px", on.url(), width)
                .isLessThanOrEqualTo(0);
    }

    private static Locator heading(Page on, String name) {
        return on.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator link(Page on, String name) {
        return on.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private static Locator button(Page on, String name) {
        return on.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }
}
