package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.diagnose.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code diagnose}'s exit code from the cluster verdict and how collecting the facts went. */
class ExitCodeTest {
    @ParameterizedTest(name = "{0} after collecting with {1} -> {2}")
    @CsvSource({
            "NOT_AFFECTED, 0, 0",
            "AFFECTED, 0, 10",
            "AFFECTED, 4, 10",
            "AT_RISK, 0, 11",
            "AT_RISK, 4, 4",
            "UNKNOWN, 0, 12",
            "UNKNOWN, 2, 12",
            "UNKNOWN, 4, 4"})
    void affectedWinsThenUnreachableThenTheVerdict(Verdict verdict, int collected, int exit) {
        assertThat(ExitCode.of(verdict, collected)).isEqualTo(exit);
    }
}
