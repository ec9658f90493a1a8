package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchPublished;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import io.tandem.web.PageQuery;
import io.tandem.web.Paged;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mentorships module's API: pairs started from published matches. */
@Service
public class MentorshipManagement {

    private final Mentorships mentorships;
    private final ApplicationEventPublisher events;

    MentorshipManagement(Mentorships mentorships, ApplicationEventPublisher events) {
        this.mentorships = mentorships;
        this.events = events;
    }

    /** Starts a mentorship for each published pair; a pair published twice starts once. */
    @ApplicationModuleListener
    void on(MatchPublished published) {
        start(published);
    }

    @Transactional
    public List<MentorshipSummary> start(MatchPublished published) {
        List<MentorshipSummary> started = new ArrayList<>();
        for (MatchPublished.Pair pair : published.pairs()) {
            if (mentorships.exists(published.programId(), pair.mentor(), pair.mentee())) {
                continue;
            }
            MentorshipSummary mentorship =
                    new MentorshipSummary(
                            new MentorshipId(UUID.randomUUID()),
                            published.programId(),
                            pair.mentor(),
                            pair.mentee(),
                            MentorshipStatus.ACTIVE,
                            pair.score(),
                            LocalDate.now(ZoneOffset.UTC));
            mentorships.insert(published.organisationId(), mentorship, published.source());
            events.publishEvent(
                    new MentorshipStarted(
                            published.organisationId(),
                            mentorship.id(),
                            mentorship.programId(),
                            mentorship.mentorId(),
                            mentorship.menteeId()));
            started.add(mentorship);
        }
        return started;
    }

    public Paged<MentorshipSummary> find(
            OrganisationId organisation, ProgramId program, PersonId person, PageQuery page) {
        return Paged.of(
                mentorships.find(organisation, program, person, page),
                page,
                mentorships.count(organisation, program, person));
    }
}
