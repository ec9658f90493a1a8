package io.tandem.matching;

import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.people.PersonId;
import java.util.List;

/**
 * A mentor recommended to a mentee in a self-match program.
 *
 * @param maxScore the highest score a pair can reach under the program's weights
 * @param remainingCapacity the places the mentor has left: capacity minus the pairs already made
 * @param reasons each weighted criterion's contribution; they add up to {@code score}
 * @param requestId the mentee's open request to this mentor, or null
 */
public record Recommendation(
        PersonId mentorId,
        String name,
        String title,
        String division,
        String location,
        int score,
        int maxScore,
        int capacity,
        int remainingCapacity,
        List<Contribution> reasons,
        boolean requested,
        RequestId requestId) {}
