package io.tandem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PagedTests {

    private final AtomicInteger counts = new AtomicInteger();

    private long count(long total) {
        counts.incrementAndGet();
        return total;
    }

    @Test
    void aPageThatIsNotFullTellsTheTotalWithoutCounting() {
        Paged<String> last = Paged.counted(List.of("k", "l"), PageQuery.of(2, 5), () -> count(99));

        assertThat(last.total()).isEqualTo(12);
        assertThat(last.hasNext()).isFalse();
        assertThat(Paged.counted(List.of(), PageQuery.of(0, 5), () -> count(99)).total()).isZero();
        assertThat(counts).hasValue(0);
    }

    @Test
    void aFullPageOrOnePastTheEndCounts() {
        Paged<String> full =
                Paged.counted(List.of("a", "b", "c"), PageQuery.of(0, 3), () -> count(7));
        Paged<String> pastTheEnd = Paged.counted(List.of(), PageQuery.of(4, 3), () -> count(7));

        assertThat(full.total()).isEqualTo(7);
        assertThat(full.hasNext()).isTrue();
        assertThat(pastTheEnd.total()).isEqualTo(7);
        assertThat(counts).hasValue(2);
    }
}
