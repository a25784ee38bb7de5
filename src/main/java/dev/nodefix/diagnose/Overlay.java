package dev.nodefix.diagnose;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.FlannelBackend;
import dev.nodefix.fact.K3sInfo;
import dev.nodefix.fact.K3sUnits;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.Persistence;
import dev.nodefix.fact.Provenance;
import dev.nodefix.fact.SubnetEnv;
import dev.nodefix.fact.VxlanDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overlay legs: does the node carry pods over VXLAN, is the checksum offload on, is it kept off. Each is read
 * from positive evidence only: a listing that does not show flannel.1, a section not collected or unreadable is
 * "cannot tell", with the command that would tell.
 */
final class Overlay {
    static final String NET_CONF = "cat /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json";
    static final String SUBNET_ENV = "cat /run/flannel/subnet.env";
    /** What tells a live flannel beside k3s's "none" from a flannel.1 left behind. */
    static final String LIVE_FLANNEL = SUBNET_ENV + "; pgrep -a flanneld; bridge fdb show dev flannel.1";

    private Overlay() {}

    static Leg vxlan(NodeFacts f) {
        boolean ipTells = f.vxlan().present() != Observed.CANNOT_TELL || f.offload().device() == Observed.CANNOT_TELL;
        Provenance device = ipTells ? f.vxlan().source() : f.offload().source(); // ethtool's "no such device" tells too
        Observed shown = ipTells ? f.vxlan().present() : f.offload().device();
        return byBackend(f.backend(), device, shown, f.vxlan().present() == Observed.YES, liveFlannel(f),
                f.k3s().role() == K3sUnits.Role.AGENT).orElseGet(() -> byDevice(f, device, shown));
    }

    /**
     * What shows a flannel at work on the node beside flannel.1: the {@code /run/flannel/subnet.env} a flannel writes
     * when it starts (emptied at boot, like flannel.1). Annotations do not count: they outlive a flannel that stopped.
     */
    static Optional<Provenance> liveFlannel(NodeFacts f) {
        SubnetEnv env = f.subnetEnv();
        if (!env.present()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        env.network().ifPresent(n -> lines.add("FLANNEL_NETWORK=" + n));
        env.subnet().ifPresent(n -> lines.add("FLANNEL_SUBNET=" + n));
        return Optional.of(new Provenance(SUBNET_ENV, "subnet-env", Provenance.View.HOST, Optional.empty(),
                Provenance.Extent.COMPLETE, lines));
    }

    /**
     * The leg as the backend settles it: net-conf.json, a configured value, or k3s's default.
     *
     * @param listed flannel.1 is listed by {@code ip -d link} (not only read by ethtool)
     * @param live   what shows a flannel at work on the node ({@link #liveFlannel})
     */
    private static Optional<Leg> byBackend(FlannelBackend backend, Provenance device, Observed shown, boolean listed,
                                           Optional<Provenance> live, boolean agent) {
        // a switch away from vxlan keeps flannel.1 until k3s restarts; "none" starts no flannel at all, and removes
        // none either: a flannel.1 that ip lists then is a flannel deployed apart from k3s (ExternalFlannelRule) only
        // when something shows that flannel at work; else it may be what k3s's own flannel left when it was switched
        // to none, and the leg stays open. One only ethtool reads (the listing not collected) leaves it open too
        boolean none = backend.effective().map("none"::equals).orElse(false);
        if (none && !backend.running() && listed && live.isPresent()) {
            return Optional.of(Leg.known(Leg.Name.VXLAN, Observed.YES, "flannel.1 is there though k3s runs no flannel"
                    + " (flannel-backend none), and /run/flannel/subnet.env shows a flannel at work: a flannel deployed"
                    + " apart from k3s (a DaemonSet, canal) made it", List.of(backend.source(), device, live.get())));
        }
        if (none && !backend.running() && listed) {
            return Optional.of(Leg.open(Leg.Name.VXLAN, "flannel.1 is there though k3s runs no flannel"
                    + " (flannel-backend none), but nothing shows a flannel at work (no /run/flannel/subnet.env): a"
                    + " flannel deployed apart from k3s, or a flannel.1 left from before k3s was switched to none",
                    List.of(backend.source(), device), LIVE_FLANNEL));
        }
        if (backend.vxlan() == Observed.NO && !backend.running() && (shown == Observed.YES
                || shown == Observed.CANNOT_TELL && !none)) {
            return Optional.of(Leg.open(Leg.Name.VXLAN, "k3s is told flannel backend " + backend.effective().get()
                    + (shown == Observed.YES ? " but flannel.1 is there" : " but flannel.1 could not be listed")
                    + ": flannel runs what net-conf.json says until k3s restarts",
                    List.of(backend.source(), device), NET_CONF));
        }
        Optional<java.util.Map.Entry<String, String>> mayBeOther = backend.effective().isPresent() || agent ? Optional.empty()
                : backend.sources().entrySet().stream().filter(e -> !e.getValue().equals("vxlan")).findFirst();
        if (mayBeOther.isPresent() && shown != Observed.NO) {
            // a place tells a server another backend, but a place k3s reads after it could not be read (an agent
            // takes the servers' backend whatever it is told)
            return Optional.of(Leg.open(Leg.Name.VXLAN, "k3s may be told flannel backend " + mayBeOther.get().getValue()
                    + " (" + mayBeOther.get().getKey() + "), but what is in force cannot be told, nor what flannel runs",
                    List.of(backend.source(), device), NET_CONF));
        }
        if (backend.vxlan() == Observed.NO) {
            return Optional.of(Leg.known(Leg.Name.VXLAN, Observed.NO, "flannel backend " + backend.effective().get()
                    + ": pods do not cross nodes over VXLAN", List.of(backend.source())));
        }
        if (backend.vxlan() == Observed.YES) {
            List<Provenance> sources = new ArrayList<>(List.of(backend.source()));
            if (shown == Observed.YES) {
                sources.add(device);
            }
            return Optional.of(Leg.known(Leg.Name.VXLAN, Observed.YES, "flannel backend vxlan"
                    + (backend.defaulted() ? " (k3s's default)" : ""), sources));
        }
        return Optional.empty();
    }

    /** The backend cannot tell: flannel.1 listed, or missing while k3s runs (which would have made it). */
    private static Leg byDevice(NodeFacts f, Provenance device, Observed shown) {
        if (shown == Observed.YES) {
            return Leg.known(Leg.Name.VXLAN, Observed.YES, "flannel.1 is there" + f.vxlan().vni()
                    .map(v -> " (VXLAN id " + v + ")").orElse(""), List.of(device));
        }
        if (shown == Observed.NO && f.k3s().running() == Observed.YES) {
            return Leg.known(Leg.Name.VXLAN, Observed.NO, "k3s is running and there is no flannel.1",
                    List.of(device, running(f.k3s())));
        }
        List<Provenance> seen = List.of(f.backend().source(), device);
        return shown == Observed.NO
                ? Leg.open(Leg.Name.VXLAN, "no flannel.1 now, but neither the flannel backend nor a running k3s is"
                        + " shown: flannel creates flannel.1 when it starts with vxlan", seen, NET_CONF)
                : Leg.open(Leg.Name.VXLAN, "neither the flannel backend nor flannel.1 is shown", seen,
                        VxlanDevice.COMMAND);
    }

    private static Provenance running(K3sInfo k3s) {
        String unit = k3s.role() == K3sUnits.Role.AGENT ? "k3s-agent" : "k3s";
        return new Provenance(K3sInfo.COMMAND, "services", Provenance.View.HOST, Optional.empty(),
                Provenance.Extent.COMPLETE, List.of(unit + ": active"));
    }

    static Leg offload(NodeFacts f) {
        EthtoolFeatures offload = f.offload();
        Optional<EthtoolFeatures.Feature> tx = offload.txChecksumIpGeneric();
        if (tx.isPresent()) {
            return Leg.known(Leg.Name.OFFLOAD, tx.get().on() ? Observed.YES : Observed.NO,
                    EthtoolFeatures.TX_CHECKSUM_IP_GENERIC + " " + (tx.get().on() ? "on" : "off")
                            + (tx.get().fixed() ? " [fixed]" : ""), List.of(offload.source()));
        }
        String why = offload.device() == Observed.NO ? "no flannel.1 for ethtool to read"
                : switch (offload.source().extent()) {
                    case TOOL_MISSING -> "ethtool is not installed";
                    case NOT_COLLECTED -> "ethtool -k flannel.1 was not collected";
                    case FRAGMENT -> "the listing does not show " + EthtoolFeatures.TX_CHECKSUM_IP_GENERIC;
                    case UNREADABLE, COMPLETE -> "ethtool's output could not be read";
                };
        return Leg.open(Leg.Name.OFFLOAD, why, List.of(offload.source()), EthtoolFeatures.COMMAND);
    }

    static Leg keptOff(NodeFacts f) {
        Persistence p = f.persistence();
        List<String> files = new ArrayList<>(p.udevRules());
        files.addAll(p.systemdUnits());
        return switch (p.persisted()) {
            case YES -> Leg.known(Leg.Name.KEPT_OFF, Observed.YES, String.join(", ", files)
                    + " runs ethtool -K flannel.1 tx-checksum-ip-generic off", List.of(p.source()));
            case NO -> Leg.known(Leg.Name.KEPT_OFF, Observed.NO, files.isEmpty()
                    ? "no udev rule or systemd unit for flannel.1"
                    : String.join(", ", files) + ": none turns tx-checksum-ip-generic off", List.of(p.source()));
            case CANNOT_TELL -> Leg.open(Leg.Name.KEPT_OFF, p.source().extent() == Provenance.Extent.UNREADABLE
                    ? "a udev rule or unit could not be read" : "the udev rules and units were not listed",
                    List.of(p.source()), Persistence.COMMAND);
        };
    }
}
