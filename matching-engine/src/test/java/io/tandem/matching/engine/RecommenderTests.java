package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;

class RecommenderTests {

    @Example
    void suggestsTheBestMentorsWithRoomSkippingForbiddenAndFullOnes() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{50, 90, -1, 70, 70, 10}});
        int[] room = {1, 0, 1, 2, 1, 1};
        assertThat(Recommender.topK(matrix, 0, room, 3)).containsExactly(3, 4, 0);
        assertThat(Recommender.topK(matrix, 0, room, 10)).containsExactly(3, 4, 0, 5);
        assertThat(Recommender.topK(matrix, 0, room, 0)).isEmpty();
    }

    @Example
    void explainsEachRecommendation() {
        Profiles mentees = SampleProfiles.side(3, 5, 0, false);
        Profiles mentors = SampleProfiles.side(4, 40, 5, true);
        Scorer scorer = Scorer.builder(mentees, mentors).weights(SampleProfiles.weights()).build();
        int[] room = new int[40];
        java.util.Arrays.fill(room, 1);
        room[7] = 0;
        List<Recommender.Recommendation> top = Recommender.recommend(scorer, 2, room, 5);
        assertThat(top).hasSize(5);
        for (int k = 0; k < top.size(); k++) {
            Recommender.Recommendation r = top.get(k);
            assertThat(r.mentor()).isNotEqualTo(7);
            assertThat(r.score()).isEqualTo(scorer.score(2, r.mentor()));
            assertThat(r.explanation().stream().mapToInt(Explanation::contribution).sum())
                    .isEqualTo(r.score());
            if (k > 0) {
                assertThat(r.score()).isLessThanOrEqualTo(top.get(k - 1).score());
            }
        }
    }
}
