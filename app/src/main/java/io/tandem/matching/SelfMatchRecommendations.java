package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.matching.SelfMatchChecks.Situation;
import io.tandem.matching.engine.Recommender;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;

/**
 * Self-match, the mentee's side: the mentors who suit them best, with the reasons and the places
 * they have left.
 */
@Service
public class SelfMatchRecommendations {

    static final int MAX_RECOMMENDATIONS = 50;

    private final SelfMatchChecks checks;
    private final SelfMatchRequests requests;
    private final ActivePairs active;
    private final MessageSourceAccessor messages;
    private final Clock clock;

    SelfMatchRecommendations(
            SelfMatchChecks checks,
            SelfMatchRequests requests,
            ActivePairs active,
            MessageSource messageSource,
            Clock clock) {
        this.checks = checks;
        this.requests = requests;
        this.active = active;
        this.messages = new MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    /**
     * The {@code k} best mentors for the mentee that still have a place, best first, with the
     * reasons; mentors a hard rule forbids never appear.
     *
     * @throws Conflict when the program is not (or no longer) open to self-match
     * @throws InvalidInputException when the person is not an active mentee of the program
     */
    public List<Recommendation> top(
            OrganisationId organisation, ProgramId programId, PersonId mentee, int k) {
        if (k < 1 || k > MAX_RECOMMENDATIONS) {
            throw InvalidInputException.badRequest(
                    messages.getMessage("self-match.refused"),
                    List.of(
                            InputError.field(
                                    "k",
                                    messages.getMessage(
                                            "self-match.k.invalid",
                                            new Object[] {MAX_RECOMMENDATIONS}))));
        }
        Situation s = checks.situation(organisation, programId, mentee);
        int[] top = Recommender.topK(s.scored().scores(), s.mentee(), s.remaining(), k);
        Map<PersonId, RequestId> open = requests.openFrom(programId, mentee, clock.instant());
        int maxScore = s.scored().maxPoints();
        List<Recommendation> out = new ArrayList<>(top.length);
        for (int j : top) {
            EnrolmentView mentor = s.scored().mentors().get(j);
            PersonSummary person = s.scored().people().get(mentor.personId());
            RequestId request = open.get(mentor.personId());
            out.add(
                    new Recommendation(
                            mentor.personId(),
                            person.name(),
                            person.title(),
                            person.division(),
                            person.location(),
                            s.scored().score(s.mentee(), j),
                            maxScore,
                            s.scored().capacities().of(j),
                            s.remaining()[j],
                            reasons(s.scored(), s.mentee(), j),
                            request != null,
                            request));
        }
        return out;
    }

    /**
     * Whether the mentee has an active mentor in the program, from a published run or a request.
     */
    public boolean hasMentor(OrganisationId organisation, ProgramId program, PersonId mentee) {
        return active.hasMentor(organisation, program, mentee);
    }

    private static List<Contribution> reasons(ScoredProgram scored, int i, int j) {
        // Criteria the program does not weigh add nothing; leaving them out keeps the sum.
        return MatchRunner.contributions(scored.scorer().explain(i, j)).stream()
                .filter(c -> c.weight() > 0)
                .toList();
    }
}
