package dev.nodefix.modules;

import dev.nodefix.change.Change;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.Provenance;
import dev.nodefix.module.Args;
import dev.nodefix.module.NodeFragment;
import dev.nodefix.module.NodeLocal;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.OffloadState;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ethtool}: set offload features of a network device on or off, now (persistence is udev_rule/systemd_unit). */
public final class Ethtool implements NodeLocal<Ethtool.EthtoolArgs> {
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

    /**
     * The plan above in sh: refused unless ethtool lists the device's features, then each feature in name order
     * refused when missing or {@code [fixed]} at the wrong value, nothing when already as wanted, else changed.
     */
    @Override
    public NodeFragment nodeFragment(EthtoolArgs args) {
        String iface = Command.quote(args.iface());
        StringBuilder sh = new StringBuilder("nf_o=$(ethtool -k " + iface + " 2>&1); nf_l=\n"
                + "if ! printf '%s\\n' \"$nf_o\" | grep -q '^[[:space:]]*[a-z0-9_-]*: o[nf]'; then\n"
                + "  if ! command -v ethtool >/dev/null 2>&1; then nf_refuse " + Command.quote("cannot tell whether "
                + args.iface() + " exists: ethtool could not be run on this node; install ethtool") + "\n"
                + "  else nf_refuse \"" + args.iface() + " does not exist or ethtool -k " + args.iface()
                + " printed no feature listing ($(printf '%s\\n' \"$nf_o\" | head -n 1))\"; fi; return; fi\n");
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Boolean> want : new java.util.TreeMap<>(args.features()).entrySet()) {
            String f = want.getKey();
            String on = want.getValue() ? "on" : "off";
            String other = want.getValue() ? "off" : "on";
            sh.append("case $(printf '%s\\n' \"$nf_o\" | sed -n '/^[[:space:]]*").append(f).append(": /{s/^[[:space:]]*//;p;q;}') in\n")
                    .append("  '') nf_refuse ").append(Command.quote(args.iface() + " has no feature " + f
                            + " (see ethtool -k " + args.iface() + ")")).append("; return ;;\n")
                    .append("  '").append(f).append(": ").append(on).append("'*) nf_l=\"${nf_l:+$nf_l, }")
                    .append(f).append(" is ").append(on).append("\" ;;\n")
                    .append("  *'[fixed]'*) nf_refuse ").append(Command.quote(args.iface() + " " + f + " is " + other
                            + " [fixed]: the driver does not allow changing it")).append("; return ;;\n")
                    .append("  *) nf_change ").append(changes.size()).append(" ;;\nesac\n");
            changes.add(new OffloadChange(args.iface(), f, !want.getValue(), want.getValue()));
        }
        sh.append("nf_ok \"").append(args.iface()).append(": $nf_l\"\n");
        return new NodeFragment(sh.toString(), changes);
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
