package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.mvstore.RandomAccessStore;
import org.junit.jupiter.api.Test;

/**
 * The test JVM runs our code with assertions on, and H2's off: H2 2.4.240's store-size assertion
 * fails now and then under load (h2database#4048, a faulty check fixed after that release) and
 * closes the embedded database under a test or bench, which the application (run without {@code
 * -ea}) never sees.
 */
class TestJvmTests {

    @Test
    void assertionsAreOnForTandemAndOffForH2() {
        assertThat(TestJvmTests.class.desiredAssertionStatus()).isTrue();
        assertThat(RandomAccessStore.class.desiredAssertionStatus()).isFalse();
    }
}
