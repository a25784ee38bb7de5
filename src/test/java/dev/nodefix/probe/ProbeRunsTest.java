package dev.nodefix.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.transport.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where probe targets come from: the inventory variable, or services a server listed. */
class ProbeRunsTest {
    private static Host host(String name, Map<String, Object> vars) {
        return new Host(name, vars, List.of(), Connection.to("192.0.2.1"), Role.UNKNOWN);
    }

    private static CommandResult listed(int rc, String stdout) {
        return new CommandResult(rc, stdout, "", Duration.ZERO);
    }

    @Test
    void inventoryTargetsAcceptAListOrASeparatedStringAndAreDeduplicated() {
        List<ProbeTarget> targets = ProbeRuns.fromVars(List.of(
                host("a", Map.of(ProbeRuns.TARGETS_VAR, List.of("10.43.0.10:80", "10.43.0.1:443"))),
                host("b", Map.of(ProbeRuns.TARGETS_VAR, "10.43.0.10:80, 10.43.0.53:53")),
                host("c", Map.of())));

        assertThat(targets).extracting(ProbeTarget::toString)
                .containsExactly("10.43.0.10:80", "10.43.0.1:443", "10.43.0.53:53");
    }

    @Test
    void discoveryKeepsClusterIpsFromServersThatAnsweredSkippingHeadlessAndFailures() {
        List<ProbeTarget> targets = ProbeRuns.discovered(List.of(
                listed(0, "10.43.0.1:443\nNone:80\n:8080\n10.43.0.10:53\n"),
                listed(127, "10.43.9.9:80\n")));

        assertThat(targets).extracting(ProbeTarget::toString).containsExactly("10.43.0.1:443", "10.43.0.10:53");
    }

    @Test
    void discoveryStopsAtFiveTargets() {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            many.append("10.43.0.").append(i).append(":80\n");
        }

        assertThat(ProbeRuns.discovered(List.of(listed(0, many.toString())))).hasSize(5);
    }

    @Test
    void aHostThatPrintedIsReadAndOneTheProbeDidNotRunOnSaysWhy() {
        Map<String, List<dev.nodefix.diagnose.Finding>> findings = ProbeRuns.findings(List.of(
                new ProbeOutput.NotRun("agt1", "unreachable: connection refused"),
                new ProbeOutput.Printed("srv1", "")));

        assertThat(findings).containsOnlyKeys("agt1", "srv1");
        assertThat(findings.get("agt1")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(dev.nodefix.diagnose.Code.PROBE_FAILED);
            assertThat(f.message()).isEqualTo("probe not run: unreachable: connection refused");
        });
    }
}
