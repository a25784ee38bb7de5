package dev.nodefix.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backoff schedule between handshake tries, and the default handshake limit, as pure functions. */
class RetryPolicyTest {
    @ParameterizedTest(name = "retry {0}, jitter {1}: {2} ms")
    @CsvSource({
            "1, 0.0, 500",
            "2, 0.0, 1000",
            "3, 0.0, 2000",
            "4, 0.0, 4000",
            "5, 0.0, 4000",   // capped
            "40, 0.0, 4000",  // no overflow on a long run of retries
            "1, 0.5, 625",    // jitter adds up to half the base
            "1, 0.999, 749",
            "4, 0.999, 5998",
    })
    void pauseDoublesFromHalfASecondUpToFourSecondsPlusJitter(int retry, double jitter, long millis) {
        assertThat(RetryPolicy.of(2).pause(retry, jitter)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void attemptsAreOneMoreThanRetries() {
        assertThat(RetryPolicy.of(0).attempts()).isEqualTo(1);
        assertThat(RetryPolicy.of(RetryPolicy.DEFAULT_RETRIES).attempts()).isEqualTo(3);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(1).pause(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(1).pause(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} CPUs: {1} handshakes")
    @CsvSource({"1, 8", "2, 8", "3, 12", "4, 16", "8, 32", "64, 32"})
    void defaultHandshakeLimitFollowsTheCpusWithinBounds(int processors, int handshakes) {
        assertThat(SshSettings.defaultHandshakes(processors)).isEqualTo(handshakes);
    }
}
