package dev.nodefix.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.ConnectTiming;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-made pastes of {@code evidence/split} read as one host: the facts each form hands on, and only those. */
class EvidenceFactsTest {
    @Test
    void promptedOutputsGiveTheirFacts() throws Exception {
        NodeFacts f = read("prompts.txt");

        assertThat(f.kernel().release()).contains("5.15.0-91-generic");
        assertThat(f.offload().txChecksumIpGeneric().map(EthtoolFeatures.Feature::on)).contains(true);
        assertThat(f.iptables().version()).contains("1.8.7");
        assertThat(f.uplink().device()).contains("eth0");
        assertThat(f.uplink().driver()).contains("virtio_net");
        assertThat(f.subnetEnv().subnet()).contains("10.42.1.1/24");
        assertThat(f.k3s().version().version()).contains("1.27.4");
    }

    @Test
    void fencedOutputsWithoutPromptsGiveTheirFactsAndNetstatItsChecksumErrors() throws Exception {
        NodeFacts f = read("no-prompts-fenced.txt");

        assertThat(f.udp().inCsumErrors()).contains(12L);
        assertThat(f.kernel().release()).contains("5.4.0-150-generic");
        assertThat(f.k3s().version().version()).contains("1.26.2");
        assertThat(f.subnetEnv().network()).contains("10.42.0.0/16");
    }

    @Test
    void twoCounterReadingsInAnyFormGiveTheRise() throws Exception {
        NodeFacts f = read("udp-before-after.txt");

        assertThat(f.udp().inCsumErrors()).contains(4078L);
        assertThat(f.udpRise().rose()).isEqualTo(Observed.YES);
        assertThat(f.udpRise().by()).isEqualTo(57);
    }

    @Test
    void twoCounterReadingsInTwoFilesGiveTheRiseWhateverTheirOrder() {
        String before = "Udp: InDatagrams InErrors OutDatagrams InCsumErrors\nUdp: 1834021 4021 1790332 4021\n";
        String after = "$ netstat -su\nUdp:\n    1840112 packets received\n    4078 packet receive errors\n"
                + "    1796001 packets sent\n    InCsumErrors: 4078\n";
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("n1/after.txt", after);
        files.put("n1/before.txt", before);

        NodeFacts f = LooseEvidence.read("n1", files).facts();

        assertThat(f.udpRise().rose()).isEqualTo(Observed.YES);
        assertThat(f.udpRise().lines()).containsExactly("Udp InCsumErrors 4021 -> 4078");
    }

    @Test
    void theJournalAnnotationsAndVersionsEachGiveTheirFacts() throws Exception {
        NodeFacts f = read("journal-and-annotations.txt");

        assertThat(f.journal().runningBackend()).contains("host-gw");
        assertThat(f.journal().kubeProxyMode()).contains("iptables");
        assertThat(f.backend().effective()).contains("host-gw");
        assertThat(f.annotations().backendType()).contains("vxlan");
        assertThat(f.annotations().vtepMac()).contains("e2:6b:17:3c:90:01");
        assertThat(f.kubectlVersion().server()).contains("v1.28.5+k3s1");
    }

    @Test
    void aNodesListingNamesThisHostsRowOnlyWhenItsNodeNameIsShown() {
        String nodes = "$ kubectl get nodes\nNAME    STATUS   ROLES    AGE   VERSION\n"
                + "node1   Ready    master   7d    v1.27.4+k3s1\nnode2   Ready    <none>   7d    v1.26.2+k3s1\n";
        String unit = "$ systemctl cat k3s-agent\nExecStart=/usr/local/bin/k3s agent --node-name node2\n";

        assertThat(explained(Map.of("n/nodes.txt", nodes))).contains("which row is this host's: cannot tell");
        assertThat(explained(new java.util.TreeMap<>(Map.of("n/nodes.txt", nodes, "n/unit.txt", unit))))
                .contains("this host is node2 (v1.26.2+k3s1)");
        assertThat(explained(Map.of("n/nodes.txt", "[root@node1 ~]# " + nodes.substring(2))))
                .contains("this host is node1 (v1.27.4+k3s1)");
    }

    private static String explained(Map<String, String> files) {
        LooseEvidence host = LooseEvidence.read("n", files);
        return String.join("\n", host.readings().stream().flatMap(r -> SectionFacts.gave(r, host).stream()).toList());
    }

    @Test
    void severalNodesAnnotationsAreNotOneNodes() throws Exception {
        assertThat(read("several-nodes-annotations.txt").annotations().shown()).isFalse();
    }

    @Test
    void anIpLinkBlockGivesTheVxlanDeviceAndAUnitTheBackend() throws Exception {
        assertThat(read("save-with-notes.txt").vxlan().dstport()).contains(8472);
        assertThat(read("save-with-notes.txt").vxlan().local()).contains("10.0.0.5");
        assertThat(read("systemctl-cat.txt").backend().effective()).contains("host-gw");
    }

    @Test
    void aListingPastedWithoutPromptDoesNotSwallowTheOutputsAfterIt() throws Exception {
        NodeFacts f = read("listing-then-others.txt");

        assertThat(f.kernel().release()).contains("5.4.0-150-generic");
        assertThat(f.iptables().version()).contains("1.8.4");
        assertThat(f.postrouting().jumps()).contains("KUBE-POSTROUTING", "FLANNEL-POSTRTG");
    }

    @Test
    void timedRequestsAddUpAndTheFirstStallIsQuotedWithItsTarget() throws Exception {
        ConnectTiming t = read("timed-requests.txt").connectTiming();

        assertThat(t.stall63()).isEqualTo(Observed.YES);
        assertThat(t.target()).contains("10.43.0.10:9153");
        assertThat(t.lines()).containsExactly("$ time curl -sI http://10.43.0.10:9153/metrics", "real\t1m3.091s");
    }

    @Test
    void aFastTimedRequestIsNoAndAFailedOneCannotTell() {
        String fast = "$ time curl -s 10.43.0.10:9153\n404 page not found\n\nreal\t0m0.009s\n";
        String failed = "$ time curl -s 10.43.0.10:9153\ncurl: (28) Connection timed out after 63001 milliseconds\n"
                + "real\t1m3.004s\n";

        assertThat(LooseEvidence.read("h", Map.of("a.txt", fast)).facts().connectTiming().stall63())
                .isEqualTo(Observed.NO);
        assertThat(LooseEvidence.read("h", Map.of("a.txt", failed)).facts().connectTiming().stall63())
                .isEqualTo(Observed.CANNOT_TELL);
    }

    @Test
    void eachTimingPieceGivesWhatItShowsAlone() throws Exception {
        Path dir = Path.of(EvidenceFactsTest.class.getResource(
                "/diagnose/corpus/cases/cloudnative-kubeadm-flannel-63s").toURI());
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String name : java.util.List.of("time-curl-after-fix.txt", "tcpdump-flannel1-syn-retransmits.txt")) {
            files.put(name, Files.readString(dir.resolve(name)));
        }
        LooseEvidence host = LooseEvidence.read("h", files);

        assertThat(SectionFacts.gave(host.readings().get(0), host))
                .containsExactly("connect-timing: stalled about 63 s: NO (10.96.0.10:9153, by time)");
        assertThat(SectionFacts.gave(host.readings().get(1), host))
                .contains("connect-timing: stalled about 63 s: YES (10.244.2.73:9153, by tcpdump)");
        assertThat(host.facts().connectTiming().via()).contains("tcpdump");
    }

    @Test
    void nothingPastedIsCannotTell() {
        NodeFacts f = LooseEvidence.read("h", Map.of("empty.txt", "hello\n")).facts();

        assertThat(f.kernel().release()).isEmpty();
        assertThat(f.offload().available()).isFalse();
        assertThat(f.backend().effective()).isEmpty();
        assertThat(f.iptables().version()).isEmpty();
        assertThat(f.connectTiming().stall63()).isEqualTo(Observed.CANNOT_TELL);
    }

    private static NodeFacts read(String name) throws Exception {
        Path file = Path.of(EvidenceFactsTest.class.getResource("/evidence/split/" + name).toURI());
        return LooseEvidence.read("h", Map.of(name, Files.readString(file))).facts();
    }
}
