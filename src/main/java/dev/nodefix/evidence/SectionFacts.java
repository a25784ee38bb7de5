package dev.nodefix.evidence;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.Fact;
import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.K3sUnits;
import dev.nodefix.fact.K3sVersion;
import dev.nodefix.fact.Kernel;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NetConf;
import dev.nodefix.fact.OsRelease;
import dev.nodefix.fact.PostroutingOrder;
import dev.nodefix.fact.RandomFullySupport;
import dev.nodefix.fact.Section;
import dev.nodefix.fact.SubnetEnv;
import dev.nodefix.fact.UdpCsumErrors;
import dev.nodefix.fact.UplinkDriver;
import dev.nodefix.fact.VxlanDevice;
import java.util.List;
import java.util.Map;

/** The facts that read each section, by name: what a reading gave, told by parsing its text alone. */
public final class SectionFacts {
    private static final int WIDTH = 160;
    private static final Map<String, List<Map.Entry<String, Fact<?>>>> FACTS = Map.ofEntries(
            Map.entry("iptables-nat", List.of(Map.entry("kube-postrouting", KubePostrouting.FACT),
                    Map.entry("flannel-postrtg", FlannelPostrtg.FACT), Map.entry("postrouting", PostroutingOrder.FACT),
                    Map.entry("iptables", IptablesVersion.HOST))),
            Map.entry("masquerade-help", List.of(Map.entry("random-fully", RandomFullySupport.FACT))),
            Map.entry("k3s-units", List.of(Map.entry("k3s-units", K3sUnits.FACT))),
            Map.entry("net-conf", List.of(Map.entry("net-conf", NetConf.FACT))),
            Map.entry("udp-snmp", List.of(Map.entry("udp", UdpCsumErrors.FACT))),
            Map.entry("vxlan-device", List.of(Map.entry("vxlan", VxlanDevice.FACT))),
            Map.entry("ethtool-features", List.of(Map.entry("offload", EthtoolFeatures.FACT))),
            Map.entry("uplink-driver", List.of(Map.entry("uplink", UplinkDriver.FACT))),
            Map.entry("kernel", List.of(Map.entry("kernel", Kernel.FACT))),
            Map.entry("os-release", List.of(Map.entry("os-release", OsRelease.FACT))),
            Map.entry("k3s-version", List.of(Map.entry("k3s-version", K3sVersion.FACT))),
            Map.entry("iptables-version", List.of(Map.entry("iptables", IptablesVersion.HOST))),
            Map.entry("subnet-env", List.of(Map.entry("subnet-env", SubnetEnv.FACT))));

    private SectionFacts() {}

    /** {@code name: value} for each fact reading the reading's section; empty when no fact reads it on this build. */
    public static List<String> gave(Reading reading) {
        return reading.section().map(name -> FACTS.getOrDefault(name, List.of()).stream()
                .map(e -> e.getKey() + ": " + shorten(String.valueOf(
                        e.getValue().parse(Section.ran(name, 0, reading.sectionLines())))))
                .toList()).orElse(List.of());
    }

    private static String shorten(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
    }
}
