package io.tandem.demo;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.meetings.MeetingManagement;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.meetings.MeetingView;
import io.tandem.meetings.Place;
import io.tandem.meetings.Recurrence;
import io.tandem.meetings.Response;
import io.tandem.meetings.Slot;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo pair's meetings, so the meetings section is not empty: a first conversation two weeks
 * ago, held and noted, and a fortnightly check-in Sam has accepted. Written through the meetings
 * module's API in one transaction, once: any meeting of the pair means they are there already.
 */
@Component
class DemoMeetings {

    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);

    private final IdentityManagement identity;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MentorshipManagement mentorships;
    private final MeetingManagement meetings;
    private final TransactionTemplate transaction;

    DemoMeetings(
            IdentityManagement identity,
            PeopleManagement people,
            ProgramManagement programs,
            MentorshipManagement mentorships,
            MeetingManagement meetings,
            PlatformTransactionManager transactions) {
        this.identity = identity;
        this.people = people;
        this.programs = programs;
        this.mentorships = mentorships;
        this.meetings = meetings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Plans the demo pair's meetings unless they have some.
     *
     * @return whether this call wrote them
     */
    boolean fill() {
        OrganisationId org =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElse(null);
        if (org == null) {
            return false;
        }
        PersonSummary sam = people.findByEmail(org, DemoPrograms.MENTEE_EMAIL).orElse(null);
        PersonSummary priya = people.findByEmail(org, DemoPrograms.MENTOR_EMAIL).orElse(null);
        if (sam == null || priya == null) {
            return false;
        }
        MentorshipSummary pair = activePair(org, sam, priya);
        if (pair == null || !meetings.ofMentorship(org, pair.id(), sam.id()).isEmpty()) {
            return false;
        }
        transaction.executeWithoutResult(status -> plan(org, pair, sam, priya));
        log.info("Demo meetings of {} and {} planned", sam.name(), priya.name());
        return true;
    }

    /** Sam and Priya's active mentorship in the demo's active program, if both are there. */
    private MentorshipSummary activePair(
            OrganisationId org, PersonSummary sam, PersonSummary priya) {
        ProgramView program =
                programs.list(org, true, PageQuery.of(0, PageQuery.MAX_SIZE)).items().stream()
                        .filter(p -> p.name().equals(DemoPrograms.ACTIVE))
                        .findFirst()
                        .orElse(null);
        if (program == null) {
            return null;
        }
        return mentorships.find(org, program.id(), sam.id(), PageQuery.of(0, 20)).items().stream()
                .filter(m -> m.mentorId().equals(priya.id()))
                .filter(m -> m.status() == MentorshipStatus.ACTIVE)
                .findFirst()
                .orElse(null);
    }

    /** A first meeting two weeks ago, and the fortnightly one Sam accepted. */
    private void plan(
            OrganisationId org, MentorshipSummary pair, PersonSummary sam, PersonSummary priya) {
        ZoneId singapore = ZoneId.of(priya.timeZone());
        Instant held =
                ZonedDateTime.now(singapore)
                        .minusWeeks(2)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY))
                        .with(LocalTime.of(16, 0))
                        .toInstant();
        meetings.recordPastMeeting(
                org,
                pair.id(),
                priya.id(),
                "Getting to know each other",
                held,
                held.plus(Duration.ofMinutes(45)),
                "Sam wants to see how Digital Services ships a product. Next: the demo outline,"
                        + " and an introduction to the release manager.");
        Instant start = nextStart(org, pair, priya, singapore);
        MeetingView next =
                meetings.plan(
                        org,
                        pair.id(),
                        priya.id(),
                        new PlanMeeting(
                                "Fortnightly check-in",
                                "- What has gone well since we last met?\n"
                                        + "- The demo outline\n"
                                        + "- What will you try before we meet again?",
                                start,
                                start.plus(Duration.ofMinutes(45)),
                                null,
                                Recurrence.FORTNIGHTLY,
                                Place.VIDEO,
                                null,
                                null));
        meetings.respond(org, next.id(), sam.id(), Response.ACCEPTED);
    }

    /**
     * The first time both work, or else next Tuesday late afternoon in Singapore (early morning in
     * London): eight hours apart, their default days barely touch.
     */
    private Instant nextStart(
            OrganisationId org, MentorshipSummary pair, PersonSummary priya, ZoneId zone) {
        List<Slot> slots = meetings.slots(org, pair.id(), priya.id(), Duration.ofMinutes(45));
        if (!slots.isEmpty()) {
            return slots.get(0).start();
        }
        return ZonedDateTime.now(zone)
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .with(LocalTime.of(16, 30))
                .truncatedTo(ChronoUnit.MINUTES)
                .toInstant();
    }
}
