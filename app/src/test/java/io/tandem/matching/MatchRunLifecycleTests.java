package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.shared.Conflict;
import org.junit.jupiter.api.Test;

/** A match run's moves, without Spring: it ends once, and only a finished run is published. */
class MatchRunLifecycleTests {

    @Test
    void aRunningRunEndsOnceEitherWay() {
        MatchRun running = MatchRun.start();
        assertThat(running.running()).isTrue();

        MatchRun done = running.finish();
        assertThat(done.status()).isEqualTo(MatchRunStatus.DONE);
        assertThat(done.underReview()).isTrue();
        assertThat(running.cancel().status()).isEqualTo(MatchRunStatus.CANCELLED);
        assertThat(running.fail().status()).isEqualTo(MatchRunStatus.FAILED);

        for (MatchRun ended : new MatchRun[] {done, running.cancel(), running.fail()}) {
            assertThatThrownBy(ended::finish)
                    .isInstanceOfSatisfying(
                            Conflict.class,
                            c -> {
                                assertThat(c.code()).isEqualTo("match.ended");
                                assertThat(c.getArguments()).containsExactly(ended.status());
                            });
            assertThatThrownBy(ended::cancel).isInstanceOf(Conflict.class);
            assertThatThrownBy(ended::fail).isInstanceOf(Conflict.class);
        }
    }

    @Test
    void onlyAFinishedRunIsReviewedAndPublishedAndOnlyOnce() {
        MatchRun running = MatchRun.start();
        assertThatThrownBy(running::publish)
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c -> {
                            assertThat(c.code()).isEqualTo("match.not-done");
                            assertThat(c.getArguments()).containsExactly(MatchRunStatus.RUNNING);
                        });
        assertThatThrownBy(() -> running.cancel().review())
                .isInstanceOfSatisfying(
                        Conflict.class, c -> assertThat(c.code()).isEqualTo("match.not-done"));

        MatchRun published = running.finish().publish();
        assertThat(published.published()).isTrue();
        assertThat(published.underReview()).isFalse();
        assertThatThrownBy(published::publish)
                .isInstanceOfSatisfying(
                        Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("match.published-already"));
        assertThatThrownBy(published::review).isInstanceOf(Conflict.class);
    }

    @Test
    void aRunIsRunAgainOnlyOnceItHasEnded() {
        assertThatThrownBy(() -> MatchRun.start().rerun())
                .isInstanceOfSatisfying(
                        Conflict.class, c -> assertThat(c.code()).isEqualTo("match.running"));
        assertThat(MatchRun.start().fail().rerunnable()).isTrue();
        assertThat(MatchRun.start().cancel().rerun().running()).isTrue();
        assertThat(MatchRun.start().finish().rerun().running()).isTrue();
        assertThat(MatchRun.start().finish().rerunnable()).isFalse();
    }
}
