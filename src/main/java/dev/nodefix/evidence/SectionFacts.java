package dev.nodefix.evidence;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.CollectorOutput;
import dev.nodefix.fact.ConnectTiming;
import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.K3sUnits;
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
            Map.entry("udp-snmp", List.of(fact("udp", UdpCsumErrors.FACT::from))),
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
