package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the findings from the counter's rise, the journal and the annotations say (the diagnose cases check their
 * codes and verdicts).
 */
class LooseEvidenceRulesTest {
    @Test
    void aRiseIsQuotedAsAWarningThatNamesItNotSpecific() throws Exception {
        Finding f = only(new UdpCsumErrorsRule(), facts("udp-csum-rise-does-not-decide"));

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("Udp InCsumErrors rose by 57 (between two pasted readings)")
                .contains("not specific to VXLAN");
        assertThat(f.evidence()).containsExactly("/proc/net/snmp Udp InCsumErrors: 4078",
                "Udp InCsumErrors 4021 -> 4078 (between two pasted readings)");
    }

    @Test
    void anUnchangedCounterSaysNoneBetweenTheReadings() {
        String raw = DiagnoseCase.withSection(DiagnoseCase.captured("affected-agent"), "udp-snmp",
                "Udp: InDatagrams InCsumErrors\nUdp: 10 7\nUdp: InDatagrams InCsumErrors\nUdp: 12 7\n");

        Finding f = only(new UdpCsumErrorsRule(), NodeFacts.parse(raw));

        assertThat(f.message()).contains("dropped 7 UDP packets with a bad checksum since boot")
                .endsWith("; none between two pasted readings");
    }

    @Test
    void flannelThatExitedIsNamedWithTheCommandThatSettlesIt() throws Exception {
        Finding f = only(new RunningBackendRule(), facts("journal-flannel-exited"));

        assertThat(f.code()).isEqualTo(Code.FLANNEL_NOT_RUNNING);
        assertThat(f.message()).contains("flannel (backend vxlan) exited: a configured backend is not a running VXLAN");
        assertThat(f.evidence()).hasSize(2).last().asString().endsWith("flannel exited: invalid argument\"");
        assertThat(f.fix()).hasValueSatisfying(c -> assertThat(c).startsWith("ip -d link show flannel.1"));
    }

    @Test
    void nftablesModesAreNamed() throws Exception {
        Finding f = only(new RunningBackendRule(), facts("journal-packet-filter-modes"));

        assertThat(f.message()).isEqualTo("the log shows flannel in nftables mode and kube-proxy in nftables mode:"
                + " their masquerade rules are in nftables (nft list ruleset), not only in iptables");
    }

    @Test
    void annotationsThatDisagreeWithTheConfigurationAreALookAlike() throws Exception {
        Finding f = only(new AnnotationLookalikeRule(), facts("annotations-outlive-flannel-none"));

        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("say backend vxlan, but k3s was told none: annotations outlive a disabled");
        assertThat(f.evidence()).containsExactly(
                "node annotation: flannel.alpha.coreos.com/backend-data: {\"VNI\":1,\"VtepMAC\":\"46:b9:0f:9c:bd:f8\"}");
    }

    @Test
    void annotationsBesideAnExistingFlannelDeviceMayBeTrue() throws Exception {
        Finding f = only(new AnnotationLookalikeRule(), facts("annotations-true-beside-flannel-none"));

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("and flannel.1 exists: a flannel deployed apart from k3s");
    }

    @Test
    void theNodeArgsAnnotationTellsWhatK3sWasToldWhenNothingElseDoes() {
        String raw = DiagnoseCase.withSection(DiagnoseCase.withSection(DiagnoseCase.withSection(
                DiagnoseCase.captured("hostgw-agent"), "net-conf", ""), "k3s-units", ""), "node-annotations",
                "flannel.alpha.coreos.com/backend-type: vxlan\nk3s.io/node-args: '[\"agent\",\"--no-flannel\"]'\n");

        Finding f = only(new AnnotationLookalikeRule(), NodeFacts.parse(raw));

        assertThat(f.message()).contains("k3s was told none").contains("a look-alike");
    }

    @Test
    void annotationsThatAgreeWithTheConfigurationSayNothing() throws Exception {
        String raw = DiagnoseCase.withSection(DiagnoseCase.captured("affected-agent"), "node-annotations",
                "flannel.alpha.coreos.com/backend-type: vxlan\n");

        assertThat(new AnnotationLookalikeRule().check(NodeFacts.parse(raw))).isEmpty();
    }

    private static Finding only(Rule rule, NodeFacts facts) {
        List<Finding> found = rule.check(facts);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static NodeFacts facts(String name) throws Exception {
        Path file = Path.of(LooseEvidenceRulesTest.class.getResource("/diagnose/" + name + ".yaml").toURI());
        HostFacts host = DiagnoseCase.load(file).hosts().get(0);
        return ((HostFacts.Collected) host).facts();
    }
}
