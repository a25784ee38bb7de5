package dev.nodefix.evidence;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.CollectorOutput;
import dev.nodefix.fact.ConnectTiming;
import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.K3sJournal;
import dev.nodefix.fact.K3sUnits;
import dev.nodefix.fact.KubectlNodes;
import dev.nodefix.fact.KubectlVersion;
import dev.nodefix.fact.NodeAnnotations;
import dev.nodefix.fact.NodeName;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.KernelChecksumLog;
import dev.nodefix.fact.K3sVersion;
import dev.nodefix.fact.Kernel;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NetConf;
import dev.nodefix.fact.NftNat;
import dev.nodefix.fact.OsRelease;
import dev.nodefix.fact.PostroutingOrder;
import dev.nodefix.fact.RandomFullySupport;
import dev.nodefix.fact.SubnetEnv;
import dev.nodefix.fact.TcpdumpChecksum;
import dev.nodefix.fact.UdpCsumErrors;
import dev.nodefix.fact.UdpCsumRise;
import dev.nodefix.fact.UplinkDriver;
import dev.nodefix.fact.VxlanDevice;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The facts that read each section, by name: what a reading gave, told by parsing its text alone. */
public final class SectionFacts {
    private static final int WIDTH = 160;
    private static final Map<String, List<Map.Entry<String, Function<CollectorOutput, ?>>>> FACTS = Map.ofEntries(
            Map.entry("iptables-nat", List.of(fact("kube-postrouting", KubePostrouting.FACT::from),
                    fact("flannel-postrtg", FlannelPostrtg.FACT::from), fact("postrouting", PostroutingOrder.FACT::from),
                    fact("iptables", IptablesVersion.HOST::from))),
            Map.entry("nft", List.of(fact("nft", o -> NftNat.from(o).summary()))),
            Map.entry("masquerade-help", List.of(fact("random-fully", RandomFullySupport.FACT::from))),
            Map.entry("k3s-units", List.of(fact("k3s-units", K3sUnits.FACT::from))),
            Map.entry("net-conf", List.of(fact("net-conf", NetConf.FACT::from))),
            Map.entry("udp-snmp", List.of(fact("udp", UdpCsumErrors.FACT::from),
                    fact("udp rise", o -> rise(UdpCsumRise.FACT.from(o))))),
            Map.entry(K3sJournal.SECTION, List.of(fact("k3s-journal", o -> journal(K3sJournal.FACT.from(o))))),
            Map.entry(NodeAnnotations.SECTION, List.of(fact("node-annotations",
                    o -> annotations(NodeAnnotations.FACT.from(o))))),
            Map.entry(KubectlNodes.SECTION, List.of(fact("kubectl-nodes", o -> nodes(KubectlNodes.FACT.from(o), NodeName.of(o))))),
            Map.entry(KubectlVersion.SECTION, List.of(fact("kubectl-version", o -> versions(KubectlVersion.FACT.from(o))))),
            Map.entry("vxlan-device", List.of(fact("vxlan", VxlanDevice.FACT::from))),
            Map.entry("ethtool-features", List.of(fact("offload", o -> offload(EthtoolFeatures.FACT.from(o))))),
            Map.entry("uplink-driver", List.of(fact("uplink", UplinkDriver.FACT::from))),
            Map.entry("kernel", List.of(fact("kernel", Kernel.FACT::from))),
            Map.entry("os-release", List.of(fact("os-release", OsRelease.FACT::from))),
            Map.entry("k3s-version", List.of(fact("k3s-version", K3sVersion.FACT::from))),
            Map.entry("iptables-version", List.of(fact("iptables", IptablesVersion.HOST::from))),
            Map.entry("subnet-env", List.of(fact("subnet-env", SubnetEnv.FACT::from))),
            Map.entry(KernelChecksumLog.SECTION, List.of(fact("kernel-log", o -> kernelLog(KernelChecksumLog.from(o))))),
            Map.entry(TcpdumpChecksum.SECTION, List.of(fact("tcpdump", o -> capture(TcpdumpChecksum.from(o))),
                    fact("connect-timing", o -> timing(ConnectTiming.captured(o))))),
            Map.entry(ConnectTiming.SECTION, List.of(fact("connect-timing", o -> timing(ConnectTiming.timed(o))))));

    private SectionFacts() {}

    /**
     * {@code name: value} for each fact reading the reading's section, read from {@code host}'s collector text with
     * that section holding this reading's text alone (facts such as the capture's side also read the host's other
     * sections); empty when no fact reads the section on this build.
     */
    public static List<String> gave(Reading reading, LooseEvidence host) {
        return reading.section().map(name -> {
            CollectorOutput out = CollectorOutput.split(host.collectorText(reading));
            return FACTS.getOrDefault(name, List.of()).stream()
                    .map(e -> e.getKey() + ": " + shorten(String.valueOf(e.getValue().apply(out)))).toList();
        }).orElse(List.of());
    }

    private static String offload(EthtoolFeatures f) {
        return !f.available() ? "no feature of flannel.1 shown" : "flannel.1 " + EthtoolFeatures.TX_CHECKSUM_IP_GENERIC + ": "
                + f.txChecksumIpGeneric().map(x -> x.on() ? "on" : "off").orElse("not shown (cannot tell)");
    }

    private static String kernelLog(KernelChecksumLog k) {
        return "bad UDP checksum on the VXLAN port: " + k.badChecksum() + " (" + k.lines().size() + " lines)";
    }

    private static String capture(TcpdumpChecksum t) {
        return "bad UDP checksum on the VXLAN port: " + t.badChecksum() + "; symptom (received): " + t.symptom()
                + "; received " + t.received().size() + ", sent " + t.sent().size() + ", side not shown "
                + t.sideUnknown().size();
    }

    private static String rise(UdpCsumRise r) {
        return r.rose() == Observed.CANNOT_TELL ? "cannot tell (" + r.basis() + ")"
                : "InCsumErrors rose by " + r.by() + " " + r.basis();
    }

    private static String journal(K3sJournal j) {
        return "flannel backend " + j.backend().orElse("not shown") + ", running: " + j.flannelRunning()
                + "; flannel nftables mode: " + j.flannelNftables() + "; kube-proxy mode: "
                + j.kubeProxyMode().orElse("not shown") + " (" + j.lines().size() + " lines)";
    }

    private static String annotations(NodeAnnotations a) {
        return "annotated backend " + a.annotatedBackend().orElse("not shown") + a.vtepMac().map(m -> ", VtepMAC " + m)
                .orElse("") + a.node().map(n -> ", node " + n).orElse("")
                + " (what flannel once wrote, not proof it runs now)";
    }

    private static String versions(KubectlVersion v) {
        return "client " + v.client().orElse("not shown") + ", API server " + v.server().orElse("not shown")
                + " (the server's is not a node's kube-proxy's)";
    }

    private static String nodes(KubectlNodes n, NodeName node) {
        String mine = n.thisHost(node.name()).map(r -> "this host is " + r.name() + " (" + r.version() + ")")
                .orElse("which row is this host's: cannot tell (its node name is not shown)");
        return mine + "; " + n.rows().size() + " nodes: " + String.join(", ", n.rows().stream().map(r -> r.name()
                + " " + r.version() + r.kernel().map(k -> " kernel " + k).orElse("")).toList());
    }

    private static String timing(ConnectTiming t) {
        return "stalled about 63 s: " + t.stall63() + t.target().map(x -> " (" + x + ", by " + t.via().orElse("")
                + ")").orElse("");
    }

    private static Map.Entry<String, Function<CollectorOutput, ?>> fact(String name, Function<CollectorOutput, ?> f) {
        return Map.entry(name, f);
    }

    private static String shorten(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
    }
}
