package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the symptom findings say: the quoted lines, and the look-alikes named beside them. */
class SymptomRuleTest {
    @Test
    void theKernelLogFindingQuotesTheLines() throws Exception {
        Finding f = only(facts("symptom-kernel-log-overrides-fixed-config"));

        assertThat(f.code()).isEqualTo(Code.SYMPTOM_OBSERVED);
        assertThat(f.message()).contains("from 172.16.9.99 ").contains("port 8472 (flannel.1 dstport)");
        assertThat(f.evidence()).containsExactly(
                "kernel log (dmesg): [ 1423.035722] UDP: bad checksum. From 172.16.9.99:27503 to 172.16.80.252:8472 ulen 75",
                "kernel log (dmesg): [ 1426.036873] UDP: bad checksum. From 172.16.9.99:4894 to 172.16.80.252:8472 ulen 75");
    }

    @Test
    void aSenderSideCaptureIsALookAlikeQuotingItsLine() throws Exception {
        Finding f = only(facts("symptom-tcpdump-sender-stays-lookalike"));

        assertThat(f.code()).isEqualTo(Code.CHECKSUM_LOOKALIKE);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("this host sends");
        assertThat(f.evidence()).singleElement().asString().startsWith("tcpdump (sent): 10.99.75.12.40000 > 10.99.75.11.8472");
    }

    @Test
    void aVmxnet3UplinkIsNamedBesideTheSymptomAndManyLinesAreCut() throws Exception {
        StringBuilder log = new StringBuilder("# from: dmesg\n");
        for (int i = 1; i <= 7; i++) {
            log.append("[ ").append(i).append(".0] UDP: bad checksum. From 10.99.75.11:1 to 10.99.75.12:8472 ulen 75\n");
        }
        String raw = DiagnoseCase.withSection(DiagnoseCase.captured("affected-agent"), "kernel-log", log.toString());
        raw = DiagnoseCase.withSection(raw, "uplink-driver", "uplink: ens192\ndriver: vmxnet3\n");

        Finding f = only(NodeFacts.parse(raw));

        assertThat(f.evidence()).hasSize(7).contains("kernel log (dmesg): ... 2 more")
                .last().asString().startsWith("look-alike: uplink ens192 uses vmxnet3");
    }

    @Test
    void aStallIsNamedAsThePatternNotAChecksumAndQuotesTheTiming() throws Exception {
        Finding f = only(facts("symptom-connect-stall-overrides-fixed-config"));

        assertThat(f.code()).isEqualTo(Code.SYMPTOM_OBSERVED);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.message()).contains("10.43.0.10:9153 stalled about 63 s").contains("6th try")
                .contains("the pattern, not a capture of checksums");
        assertThat(f.evidence()).containsExactly("time: $ time curl -sI 10.43.0.10:9153/metrics", "time: real\t1m3.091s");
    }

    @Test
    void aRetransmitListingQuotesItsSynsAndNamesTheBackoff() throws Exception {
        Finding f = only(facts("symptom-connect-syn-retransmits-on-unknown-config"));

        assertThat(f.message()).contains("10.42.2.73:9153").contains("+1, +3, +7, +15, +31 s");
        assertThat(f.evidence()).hasSize(6).first().asString()
                .startsWith("tcpdump (SYN retransmits): 16:30:56.705696 IP 10.42.0.0.2201 > 10.42.2.73.9153: Flags [S]");
    }

    @Test
    void aStallOnAnotherBackendIsALookAlike() throws Exception {
        Finding f = only(facts("symptom-connect-stall-on-host-gw-is-lookalike"));

        assertThat(f.code()).isEqualTo(Code.CHECKSUM_LOOKALIKE);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("backend is host-gw, not vxlan");
    }

    private static Finding only(NodeFacts facts) {
        List<Finding> found = new SymptomRule().check(facts);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static NodeFacts facts(String name) throws Exception {
        Path file = Path.of(SymptomRuleTest.class.getResource("/diagnose/" + name + ".yaml").toURI());
        HostFacts host = DiagnoseCase.load(file).hosts().get(0);
        return ((HostFacts.Collected) host).facts();
    }
}
