package io.tandem.demo;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunStatus;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.Recommendation;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.matching.SelfMatchRecommendations;
import io.tandem.people.DemoMode;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import io.tandem.web.StartupTasks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Three programs of the demo organisation, so a visitor sees every page with content: one enrolling
 * (invitations and approvals waiting), one active with published pairs (the demo mentee has a
 * mentor), one self-match with requests. Runs after the demo people are in; each program is made
 * once, recognised by its name.
 */
@Component
@Order(20)
class DemoPrograms implements ApplicationRunner {

    static final String ENROLLING = "Sales meets Engineering";
    static final String ACTIVE = "Cross-divisional mentoring 2026";
    static final String SELF_MATCH = "Find your mentor: digital skills";
    static final String MENTOR_EMAIL = "priya.raman@northwind.example";
    static final String MENTEE_EMAIL = "sam.taylor@northwind.example";

    private static final Logger log = LoggerFactory.getLogger(DemoPrograms.class);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    private final IdentityManagement identity;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final ProgramInvitations invitations;
    private final MatchingManagement matching;
    private final SelfMatchManagement selfMatch;
    private final SelfMatchRecommendations recommender;
    private final StartupTasks startup;
    private final DemoWorkspace workspace;
    private final DemoMeetings meetings;
    private final DemoMode demo;

    DemoPrograms(
            IdentityManagement identity,
            PeopleManagement people,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            ProgramInvitations invitations,
            MatchingManagement matching,
            SelfMatchManagement selfMatch,
            SelfMatchRecommendations recommender,
            StartupTasks startup,
            DemoWorkspace workspace,
            DemoMeetings meetings,
            DemoMode demo) {
        this.identity = identity;
        this.people = people;
        this.programs = programs;
        this.enrolling = enrolling;
        this.invitations = invitations;
        this.matching = matching;
        this.selfMatch = selfMatch;
        this.recommender = recommender;
        this.startup = startup;
        this.workspace = workspace;
        this.meetings = meetings;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        // Readiness waits for the demo programs as it waits for the demo people.
        try (var loading = startup.begin("demo programs")) {
            demo.loadAlone(this::loadAll);
        }
    }

    private void loadAll() {
        load();
        try {
            workspace.fill();
        } catch (RuntimeException e) {
            // The demo stays usable without it; nothing was half-written.
            log.warn("Demo workspace not filled: {}", e.getMessage());
        }
        try {
            meetings.fill();
        } catch (RuntimeException e) {
            log.warn("Demo meetings not planned: {}", e.getMessage());
        }
    }

    private void load() {
        OrganisationId organisation =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElse(null);
        if (organisation == null) {
            return;
        }
        Set<String> existing =
                programs
                        .list(organisation, true, PageQuery.of(0, PageQuery.MAX_SIZE))
                        .items()
                        .stream()
                        .map(ProgramView::name)
                        .collect(Collectors.toSet());
        List<PersonSummary> everyone = everyone(organisation);
        PersonSummary sam = byEmail(everyone, MENTEE_EMAIL);
        PersonSummary priya = byEmail(everyone, MENTOR_EMAIL);
        if (sam == null || priya == null) {
            return;
        }
        // Seniors mentor, juniors are mentees; the demo pair are placed by hand.
        List<PersonSummary> seniors =
                everyone.stream()
                        .filter(p -> level(p) >= 5 && p.managerId() != null && !p.equals(sam))
                        .filter(p -> !p.id().equals(priya.id()))
                        .toList();
        List<PersonSummary> juniors =
                everyone.stream()
                        .filter(p -> level(p) <= 4 && !p.skillsWanted().isEmpty())
                        .filter(p -> !p.id().equals(sam.id()))
                        .toList();
        if (!existing.contains(ACTIVE)) {
            activeProgram(organisation, sam, priya, every(seniors, 5, 0), every(juniors, 6, 0));
        }
        if (!existing.contains(SELF_MATCH)) {
            selfMatchProgram(organisation, sam, every(seniors, 4, 1), every(juniors, 5, 1));
        }
        if (!existing.contains(ENROLLING)) {
            enrollingProgram(organisation, sam, everyone);
        }
    }

    /**
     * The demo logins are a pair, so each sees a mentorship; the run decides the rest. When the run
     * paired them otherwise, the demo mentee and the mentee who had the demo mentor's first place
     * swap mentors, so the demo has as many pairs whichever of the tied optimal pairings the run
     * chose (its ties fall by the people's generated ids).
     */
    private void pairDemoLogins(
            OrganisationId organisation, MatchRunView run, PersonSummary sam, PersonSummary priya) {
        Optional<Proposal> samsPair =
                run.proposals().stream().filter(p -> p.menteeId().equals(sam.id())).findFirst();
        if (samsPair.isPresent() && samsPair.get().mentorId().equals(priya.id())) {
            return;
        }
        Optional<Proposal> displaced =
                run.proposals().stream().filter(p -> p.mentorId().equals(priya.id())).findFirst();
        displaced.ifPresent(p -> matching.remove(organisation, run.id(), p.menteeId()));
        try {
            matching.assign(organisation, run.id(), sam.id(), priya.id());
            if (displaced.isPresent() && samsPair.isPresent()) {
                matching.assign(
                        organisation,
                        run.id(),
                        displaced.get().menteeId(),
                        samsPair.get().mentorId());
            }
        } catch (RuntimeException e) {
            log.warn("Demo pair not placed: {}", e.getMessage());
        }
    }

    /** Matched by a run, reviewed and published: the pairs have started. */
    private void activeProgram(
            OrganisationId organisation,
            PersonSummary sam,
            PersonSummary priya,
            List<PersonSummary> mentors,
            List<PersonSummary> mentees) {
        LocalDate today = programs.today();
        ProgramView program =
                programs.create(
                        organisation,
                        ProgramDraft.of(ACTIVE, "CROSS_DIVISIONAL")
                                .withDates(today.minusWeeks(3), today.plusMonths(6))
                                .withMatching(MatchingMode.ADMIN, 2));
        programs.moveTo(organisation, program.id(), ProgramStatus.ENROLLING);
        enrol(organisation, program, priya, EnrolmentRole.MENTOR);
        mentors.forEach(m -> enrol(organisation, program, m, EnrolmentRole.MENTOR));
        enrol(organisation, program, sam, EnrolmentRole.MENTEE);
        mentees.forEach(m -> enrol(organisation, program, m, EnrolmentRole.MENTEE));
        programs.moveTo(organisation, program.id(), ProgramStatus.MATCHING);
        MatchRunView run =
                finished(organisation, matching.start(organisation, program.id(), null, null));
        if (run.status() != MatchRunStatus.DONE) {
            log.warn("Demo match run ended {}; the active demo program has no pairs", run.status());
            return;
        }
        pairDemoLogins(organisation, run, sam, priya);
        matching.publish(organisation, run.id());
        programs.moveTo(organisation, program.id(), ProgramStatus.ACTIVE);
        MatchRunView published = matching.status(organisation, run.id());
        log.info(
                "Demo program '{}' active: {} pairs, mean score {}",
                ACTIVE,
                published.stats().matched(),
                published.stats().meanScore());
    }

    /** Mentees pick their mentor; two have asked already. */
    private void selfMatchProgram(
            OrganisationId organisation,
            PersonSummary sam,
            List<PersonSummary> mentors,
            List<PersonSummary> mentees) {
        ProgramView program =
                programs.create(
                        organisation,
                        ProgramDraft.of(SELF_MATCH, "CROSS_FUNCTIONAL")
                                .withMatching(MatchingMode.SELF, 3));
        programs.moveTo(organisation, program.id(), ProgramStatus.ENROLLING);
        mentors.forEach(m -> enrol(organisation, program, m, EnrolmentRole.MENTOR));
        mentees.forEach(m -> enrol(organisation, program, m, EnrolmentRole.MENTEE));
        // The demo mentee can try "Find a mentor" here.
        enrol(organisation, program, sam, EnrolmentRole.MENTEE);
        int asked = 0;
        for (PersonSummary mentee : mentees) {
            if (asked == 2) {
                break;
            }
            Optional<Recommendation> best =
                    recommender.top(organisation, program.id(), mentee.id(), 1).stream()
                            .findFirst();
            if (best.isPresent()) {
                selfMatch.request(
                        organisation,
                        program.id(),
                        mentee.id(),
                        best.get().mentorId(),
                        "Hello! Your profile fits what I want to learn. Could we meet for half an"
                                + " hour to see if we click?");
                asked++;
            }
        }
    }

    /** Open for enrolment, with approval: invitations out, a few waiting for a decision. */
    private void enrollingProgram(
            OrganisationId organisation, PersonSummary sam, List<PersonSummary> everyone) {
        LocalDate today = programs.today();
        ProgramView program =
                programs.create(
                        organisation,
                        ProgramDraft.of(ENROLLING, "CROSS_FUNCTIONAL")
                                .withDates(today.plusWeeks(4), today.plusWeeks(4).plusMonths(6))
                                .withMatching(MatchingMode.ADMIN, 2)
                                .withEnrolment(today.minusDays(3), today.plusWeeks(3), true));
        programs.moveTo(organisation, program.id(), ProgramStatus.ENROLLING);
        List<PersonSummary> sales =
                everyone.stream()
                        .filter(p -> "Sales".equals(p.function()) && level(p) <= 4)
                        .filter(p -> !p.id().equals(sam.id()))
                        .toList();
        List<PersonSummary> engineers =
                everyone.stream()
                        .filter(p -> "Engineering".equals(p.function()) && level(p) >= 4)
                        .toList();
        invitations.invite(organisation, program.id(), List.of(sam.id()), EnrolmentRole.MENTEE);
        invitations.invite(
                organisation,
                program.id(),
                sales.stream().limit(20).map(PersonSummary::id).toList(),
                EnrolmentRole.MENTEE);
        invitations.invite(
                organisation,
                program.id(),
                engineers.stream().limit(12).map(PersonSummary::id).toList(),
                EnrolmentRole.MENTOR);
        answerSome(organisation, program, sales, engineers);
    }

    /** Some answered: a few wait for approval, a few are in. */
    private void answerSome(
            OrganisationId organisation,
            ProgramView program,
            List<PersonSummary> sales,
            List<PersonSummary> engineers) {
        List<EnrolmentView> answered = new ArrayList<>();
        sales.stream()
                .limit(8)
                .forEach(p -> answered.add(enrol(organisation, program, p, EnrolmentRole.MENTEE)));
        engineers.stream()
                .limit(5)
                .forEach(p -> answered.add(enrol(organisation, program, p, EnrolmentRole.MENTOR)));
        for (int i = 0; i < answered.size(); i += 2) {
            EnrolmentView e = answered.get(i);
            if (e != null && e.status() == EnrolmentStatus.PENDING) {
                enrolling.decide(organisation, e.id(), true, null);
            }
        }
    }

    private EnrolmentView enrol(
            OrganisationId organisation,
            ProgramView program,
            PersonSummary person,
            EnrolmentRole role) {
        return enrolling.enrol(organisation, program.id(), Enrol.of(person.id(), role));
    }

    private MatchRunView finished(OrganisationId organisation, MatchRunView run) {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        MatchRunView now = run;
        while (!now.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = matching.status(organisation, run.id());
        }
        return matching.run(organisation, run.id());
    }

    private List<PersonSummary> everyone(OrganisationId organisation) {
        List<PersonSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch =
                    people.search(
                            organisation,
                            DirectoryQuery.all(),
                            PageQuery.of(page, PageQuery.MAX_SIZE));
            all.addAll(batch.items());
            if (!batch.hasNext()) {
                break;
            }
        }
        all.sort(Comparator.comparing(PersonSummary::email));
        return all.stream().filter(PersonSummary::active).toList();
    }

    private static PersonSummary byEmail(List<PersonSummary> everyone, String email) {
        return everyone.stream()
                .filter(p -> p.email().equalsIgnoreCase(email))
                .findFirst()
                .orElse(null);
    }

    private static int level(PersonSummary person) {
        return person.level() == null ? 0 : person.level();
    }

    /** Every n-th person from the offset: a spread over divisions and locations, not a block. */
    private static List<PersonSummary> every(List<PersonSummary> people, int n, int offset) {
        List<PersonSummary> picked = new ArrayList<>();
        for (int i = offset; i < people.size(); i += n) {
            picked.add(people.get(i));
        }
        return picked;
    }
}
