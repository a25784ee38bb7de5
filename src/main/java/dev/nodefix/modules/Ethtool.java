package dev.nodefix.modules;

import dev.nodefix.change.Change;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.Provenance;
import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.OffloadState;
import dev.nodefix.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ethtool}: set offload features of a network device on or off, now (persistence is udev_rule/systemd_unit). */
public final class Ethtool implements Module<Ethtool.EthtoolArgs> {
    /** A network interface name as the kernel allows it (at most 15 characters). */
    static final String IFACE = "[A-Za-z0-9_.:@][A-Za-z0-9_.:@-]{0,14}"; // no leading "-": never an option

    public record EthtoolArgs(String iface, Map<String, Boolean> features) {
        public EthtoolArgs {
            if (!iface.matches(IFACE)) {
                throw new IllegalArgumentException("not an interface name: " + iface);
            }
            features = Map.copyOf(features);
        }
    }

    @Override
    public String name() {
        return "ethtool";
    }

    @Override
    public String description() {
        return "Turn offload features of a network device on or off (ethtool -K), e.g. tx-checksum-ip-generic off.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("iface", ParamType.STRING, "the device, e.g. flannel.1"),
                Param.required("features", ParamType.SWITCH_MAP, "feature: on|off, as ethtool -k names them"));
    }

    @Override
    public EthtoolArgs bind(Args args) {
        String iface = args.string("iface");
        if (!iface.matches(IFACE)) {
            throw args.error("iface", "not a network interface name: '" + iface + "'");
        }
        Map<String, Boolean> features = args.switches("features");
        for (String f : features.keySet()) {
            if (!f.matches("[a-z0-9][a-z0-9_-]*")) {
                throw args.error("features", "not an ethtool feature name: '" + f + "'");
            }
        }
        return new EthtoolArgs(iface, features);
    }

    @Override
    public List<Query> reads(EthtoolArgs args) {
        return List.of(new Query.Offload(args.iface()));
    }

    @Override
    public Plan plan(EthtoolArgs args, NodeState state) {
        OffloadState now = state.offload(args.iface());
        if (!now.present()) {
            return new Plan.Refused(absent(args.iface(), now.features()));
        }
        List<Change> changes = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Map.Entry<String, Boolean> want : new java.util.TreeMap<>(args.features()).entrySet()) {
            Optional<EthtoolFeatures.Feature> feature = now.feature(want.getKey());
            if (feature.isEmpty()) {
                return new Plan.Refused(args.iface() + " has no feature " + want.getKey() + " (see ethtool -k "
                        + args.iface() + ")");
            }
            EthtoolFeatures.Feature f = feature.get();
            if (f.on() == want.getValue()) {
                already.add(want.getKey() + " is " + (f.on() ? "on" : "off"));
            } else if (f.fixed()) {
                return new Plan.Refused(args.iface() + " " + want.getKey() + " is " + (f.on() ? "on" : "off")
                        + " [fixed]: the driver does not allow changing it");
            } else {
                changes.add(new OffloadChange(args.iface(), want.getKey(), f.on(), want.getValue()));
            }
        }
        return Plan.of(changes, args.iface() + ": " + String.join(", ", already));
    }

    /** "Does not exist" only when ethtool said so; a missing ethtool or an unreadable answer leaves it open. */
    private static String absent(String iface, EthtoolFeatures features) {
        if (features.device() == Observed.NO) {
            return iface + " does not exist (ethtool -k " + iface + " found no device)";
        }
        if (features.source().extent() == Provenance.Extent.TOOL_MISSING) {
            return "cannot tell whether " + iface + " exists: ethtool could not be run on this node"
                    + features.source().lines().stream().map(l -> " (" + l + ")").findFirst().orElse("")
                    + "; install ethtool or put it on the login's PATH";
        }
        return "cannot tell whether " + iface + " exists: ethtool -k " + iface + " printed no feature listing"
                + features.source().lines().stream().map(l -> " (" + l + ")").findFirst().orElse("");
    }
}
