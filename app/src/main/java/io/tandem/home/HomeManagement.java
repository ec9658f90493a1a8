package io.tandem.home;

import io.tandem.identity.OrganisationId;
import io.tandem.identity.TandemUser;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together what each person sees first: what needs them now, then the rest. */
@Service
public class HomeManagement {

    /** Programs a manager sees at a glance, newest first; the program list has them all. */
    static final int PROGRAMS_AT_A_GLANCE = 20;

    /** Requests shown on the home page each way; the requests page pages through the rest. */
    static final int REQUESTS = 5;

    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final ProgramInvitations invitations;
    private final io.tandem.programs.ProgramAccess access;
    private final SelfMatchManagement requests;
    private final MentorshipManagement mentorships;
    private final List<MentorshipHighlights> highlights;

    HomeManagement(
            PeopleManagement people,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            ProgramInvitations invitations,
            SelfMatchManagement requests,
            MentorshipManagement mentorships,
            List<MentorshipHighlights> highlights,
            io.tandem.programs.ProgramAccess access) {
        this.access = access;
        this.people = people;
        this.programs = programs;
        this.enrolling = enrolling;
        this.invitations = invitations;
        this.requests = requests;
        this.mentorships = mentorships;
        this.highlights = highlights;
    }

    @Transactional(readOnly = true)
    public HomePage page(TandemUser user) {
        OrganisationId organisation = user.organisationId();
        LocalDate today = programs.today();
        PersonSummary me =
                user.email() == null
                        ? null
                        : people.findByEmail(organisation, user.email()).orElse(null);
        boolean participant = me != null && me.active();
        List<ProgramView> listed = access.list(user, PageQuery.of(0, PageQuery.MAX_SIZE)).items();
        // The programs of the person's enrolments and cards are mostly among those listed.
        Map<ProgramId, ProgramView> programCache = new HashMap<>();
        listed.forEach(program -> programCache.put(program.id(), program));
        Enrolments enrolments =
                participant
                        ? enrolments(organisation, me.id(), today, programCache)
                        : Enrolments.NONE;
        var open = participant ? requests.open(organisation, me.id(), REQUESTS) : null;
        List<HomePage.MentorshipCard> cards =
                participant ? cards(organisation, me.id(), programCache) : List.of();
        List<ProgramView> joinable =
                participant
                        ? listed.stream()
                                .filter(p -> p.enrolmentOpen(today))
                                .filter(p -> !enrolments.enrolledIn().contains(p.id()))
                                .toList()
                        : List.of();
        List<HomePage.ProgramState> glance = glance(user, listed);
        return new HomePage(
                me,
                enrolments.invitations(),
                open == null ? List.of() : open.received(),
                open == null ? 0 : open.receivedTotal(),
                open == null ? List.of() : open.sent(),
                enrolments.awaitingApproval(),
                cards,
                joinable,
                glance.stream().filter(state -> state.overview().pending() > 0).toList(),
                glance,
                user.managesPrograms());
    }

    /** A participant's enrolments as the home page sorts them. */
    private record Enrolments(
            List<HomePage.Invitation> invitations,
            List<EnrolmentView> awaitingApproval,
            Set<ProgramId> enrolledIn) {

        static final Enrolments NONE = new Enrolments(List.of(), List.of(), Set.of());
    }

    /**
     * Invitations to answer and enrolments awaiting approval in programs that run, and every
     * program the person is enrolled in (so it is not offered to join again).
     */
    private Enrolments enrolments(
            OrganisationId organisation,
            PersonId me,
            LocalDate today,
            Map<ProgramId, ProgramView> programCache) {
        List<HomePage.Invitation> invitations = new ArrayList<>();
        List<EnrolmentView> awaitingApproval = new ArrayList<>();
        Set<ProgramId> enrolledIn = new HashSet<>();
        for (EnrolmentView enrolment : enrolling.enrolmentsOf(organisation, me)) {
            ProgramView program = program(organisation, enrolment.programId(), programCache);
            if (enrolment.status().open()) {
                enrolledIn.add(enrolment.programId());
            }
            if (program.status() == ProgramStatus.CLOSED
                    || program.status() == ProgramStatus.DRAFT) {
                continue;
            }
            if (enrolment.status() == EnrolmentStatus.INVITED) {
                invitations.add(
                        new HomePage.Invitation(enrolment, program, program.enrolmentOpen(today)));
            } else if (enrolment.status() == EnrolmentStatus.PENDING) {
                awaitingApproval.add(enrolment);
            }
        }
        return new Enrolments(invitations, awaitingApproval, enrolledIn);
    }

    /**
     * The programs a manager sees at a glance with their figures — the ones they manage, an admin's
     * every one, closed ones left out — in one statement for every program's enrolment counts and
     * one for its pairs, never a pass per program (nor every enrolment).
     */
    private List<HomePage.ProgramState> glance(TandemUser user, List<ProgramView> listed) {
        if (!user.managesPrograms()) {
            return List.of();
        }
        Set<ProgramId> mine = access.managed(user);
        List<ProgramView> glanced =
                listed.stream()
                        .filter(p -> p.status() != ProgramStatus.CLOSED)
                        .filter(p -> user.isAdmin() || mine.contains(p.id()))
                        .limit(PROGRAMS_AT_A_GLANCE)
                        .toList();
        if (glanced.isEmpty()) {
            return List.of();
        }
        OrganisationId organisation = user.organisationId();
        Map<ProgramId, io.tandem.programs.ProgramOverview> figures =
                programs.figures(organisation, glanced);
        Map<ProgramId, Long> pairs = mentorships.countByProgram(organisation);
        return glanced.stream()
                .filter(program -> figures.containsKey(program.id()))
                .map(
                        program ->
                                new HomePage.ProgramState(
                                        figures.get(program.id()),
                                        pairs.getOrDefault(program.id(), 0L)))
                .toList();
    }

    private List<HomePage.MentorshipCard> cards(
            OrganisationId organisation, PersonId me, Map<ProgramId, ProgramView> programCache) {
        List<MentorshipSummary> mine =
                mentorships
                        .find(organisation, null, me, PageQuery.of(0, PageQuery.MAX_SIZE))
                        .items();
        Set<PersonId> partners = new HashSet<>();
        mine.forEach(m -> partners.add(m.mentorId().equals(me) ? m.menteeId() : m.mentorId()));
        Map<PersonId, PersonSummary> found = people.findAll(organisation, partners);
        List<HomePage.MentorshipCard> cards = new ArrayList<>();
        for (MentorshipSummary m : mine) {
            boolean mentoring = m.mentorId().equals(me);
            List<MentorshipHighlights.Highlight> lines = new ArrayList<>();
            highlights.forEach(h -> lines.addAll(h.highlights(organisation, m, me)));
            cards.add(
                    new HomePage.MentorshipCard(
                            m,
                            found.get(mentoring ? m.menteeId() : m.mentorId()),
                            mentoring,
                            program(organisation, m.programId(), programCache).name(),
                            lines));
        }
        return cards;
    }

    private ProgramView program(
            OrganisationId organisation, ProgramId id, Map<ProgramId, ProgramView> cache) {
        return cache.computeIfAbsent(id, key -> programs.get(organisation, key));
    }
}
