package dev.nodefix.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.diagnose.Code;
import dev.nodefix.diagnose.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing what the probe script prints, and the findings it gives: a stall is the symptom. */
class ProbeResultTest {
    @Test
    void curlConnectIsMeasuredInMilliseconds() {
        ProbeResult r = ProbeResult.parse("csum-before 3\nconnect 10.43.0.10:80 curl 0 0.001234\ncsum-after 3\n");

        assertThat(r.connects()).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(Connect.Outcome.CONNECTED);
            assertThat(c.millis()).hasValueSatisfying(ms -> assertThat(ms).isBetween(1.2, 1.3));
        });
        assertThat(r.csumDelta()).contains(0L);
        assertThat(ProbeFindings.of(r)).extracting(Finding::code).containsExactly(Code.PROBE_CONNECT);
        assertThat(ProbeFindings.of(r).get(0).message()).isEqualTo("TCP connect to 10.43.0.10:80 in 1.2 ms");
    }

    @Test
    void aTimeoutIsTheSymptomAndTheChecksumDeltaIsReported() {
        ProbeResult r = ProbeResult.parse("csum-before 3\nconnect 10.43.0.10:80 curl 28 0.000000\ncsum-after 9\n");

        List<Finding> findings = ProbeFindings.of(r);
        assertThat(findings).extracting(Finding::code).containsExactly(Code.PROBE_STALL, Code.UDP_CSUM_ERRORS);
        assertThat(findings.get(0).message())
                .isEqualTo("no connect to 10.43.0.10:80 within 5 s: matches the 63 s SYN-retransmission pattern");
        assertThat(findings.get(1).evidence()).containsExactly("/proc/net/snmp Udp InCsumErrors: 3 -> 9");
    }

    @Test
    void ncBranchTimeoutRefusalAndNoTool() {
        ProbeResult r = ProbeResult.parse(String.join("\n", "csum-before ",
                "connect 10.43.0.10:80 nc 0 2500us", "connect 10.43.0.11:80 nc 124 5001000us",
                "connect 10.43.0.12:80 nc 1 900us", "connect 10.43.0.13:80 none 127", "csum-after "));

        assertThat(r.connects()).extracting(Connect::outcome).containsExactly(Connect.Outcome.CONNECTED,
                Connect.Outcome.STALLED, Connect.Outcome.FAILED, Connect.Outcome.NO_TOOL);
        assertThat(r.connects().get(0).millis()).contains(2.5);
        assertThat(r.csumDelta()).isEqualTo(Optional.empty());
        assertThat(ProbeFindings.of(r)).extracting(Finding::code)
                .containsExactly(Code.PROBE_CONNECT, Code.PROBE_STALL, Code.PROBE_FAILED, Code.PROBE_FAILED);
    }

    @Test
    void curlRefusedIsAFailureNotAStall() {
        assertThat(ProbeResult.parse("connect 10.43.0.10:80 curl 28 0.000412\n").connects())
                .extracting(Connect::outcome).as("connected, then no HTTP answer in time").containsExactly(Connect.Outcome.CONNECTED);
        ProbeResult r = ProbeResult.parse("connect 10.43.0.10:80 curl 7 0.000000\n");

        assertThat(r.connects()).extracting(Connect::outcome).containsExactly(Connect.Outcome.FAILED);
    }

    @Test
    void targetsAreValidated() {
        assertThat(ProbeTarget.parse(" 10.43.0.10:80 ")).isEqualTo(new ProbeTarget("10.43.0.10", 80));
        assertThatThrownBy(() -> ProbeTarget.parse("10.43.0.10")).hasMessageContaining("expected IP:PORT");
        assertThatThrownBy(() -> ProbeTarget.parse("10.43.0.300:80")).hasMessageContaining("not an IPv4");
        assertThatThrownBy(() -> ProbeTarget.parse("10.43.0.1:70000")).hasMessageContaining("port out of range");
        assertThatThrownBy(() -> ProbeTarget.parse("$(reboot):80")).hasMessageContaining("expected IP:PORT");
    }
}
