package dev.nodefix.diagnose;

import static dev.nodefix.diagnose.Verdict.AFFECTED;
import static dev.nodefix.diagnose.Verdict.AT_RISK;
import static dev.nodefix.diagnose.Verdict.NOT_AFFECTED;
import static dev.nodefix.diagnose.Verdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster verdict: the worst host verdict, unknown when a host could not be judged. */
class VerdictTest {
    @Test
    void clusterVerdict() {
        assertThat(Verdict.of(List.of(NOT_AFFECTED, AFFECTED, UNKNOWN))).isEqualTo(AFFECTED);
        assertThat(Verdict.of(List.of(NOT_AFFECTED, AT_RISK, UNKNOWN))).isEqualTo(UNKNOWN);
        assertThat(Verdict.of(List.of(NOT_AFFECTED, AT_RISK))).isEqualTo(AT_RISK);
        assertThat(Verdict.of(List.of(NOT_AFFECTED))).isEqualTo(NOT_AFFECTED);
        assertThat(Verdict.of(List.of())).isEqualTo(UNKNOWN);
    }

    @Test
    void labelsAreTheJsonContractsWords() {
        assertThat(List.of(Verdict.values())).extracting(Verdict::label)
                .containsExactly("affected", "at-risk", "not-affected", "unknown");
    }
}
