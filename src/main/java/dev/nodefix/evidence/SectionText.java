package dev.nodefix.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognised piece turned into the text its collector section holds, so the existing fact parsers read it
 * unchanged; or why the piece cannot stand for that section (it shows another device, another product).
 */
final class SectionText {
    private static final String VXLAN_DEVICE = "flannel.1";
    private static final Pattern RELEASE = Pattern.compile("\\b(\\d+\\.\\d+\\.\\d+[\\w.+~-]*)");
    private static final Pattern IPTABLES_VERSION = Pattern.compile("\\b(?:iptables|ip6tables)\\S* v\\d.*");
    /** A klog line ({@code E0615 13:46:02.007083 1 iptables.go:115] ...}): printed inside a pod. */
    private static final Pattern POD_LOG = Pattern.compile("\\s*[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+ ");
    private static final Pattern BORDER = Pattern.compile("^\\s*[│|]\\s?|\\s*[│|]\\s*$");
    /** {@code netstat -su}'s Udp lines, by the {@code /proc/net/snmp} counter each prints. */
    private static final List<Map.Entry<String, Pattern>> NETSTAT = List.of(
            Map.entry("InDatagrams", Pattern.compile("\\s*(\\d+) packets received\\b.*")),
            Map.entry("NoPorts", Pattern.compile("\\s*(\\d+) packets to unknown port received\\b.*")),
            Map.entry("InErrors", Pattern.compile("\\s*(\\d+) packet receive errors\\b.*")),
            Map.entry("OutDatagrams", Pattern.compile("\\s*(\\d+) packets sent\\b.*")),
            Map.entry("RcvbufErrors", Pattern.compile("\\s*(\\d+) receive buffer errors\\b.*")),
            Map.entry("SndbufErrors", Pattern.compile("\\s*(\\d+) send buffer errors\\b.*")),
            Map.entry("InCsumErrors", Pattern.compile("\\s*InCsumErrors:?\\s+(\\d+)\\s*")),
            Map.entry("IgnoredMulti", Pattern.compile("\\s*IgnoredMulti:?\\s+(\\d+)\\s*")));

    private SectionText() {}

    static Reading of(Piece piece, Form form, List<String> lines) {
        Optional<String> device = piece.command().flatMap(Commands::device);
        return switch (form) {
            case IPTABLES_LIST -> Reading.gives(piece, form, withCommand(piece, lines));
            case ETHTOOL_FEATURES -> features(piece, lines, device);
            case ETHTOOL_DRIVER -> driver(piece, lines, device);
            case IP_LINK -> Reading.gives(piece, form, link(lines, device));
            case UNAME -> releases(piece, lines);
            case K3S_VERSION -> lines.stream().anyMatch(l -> l.strip().startsWith("rke2 "))
                    ? Reading.withholds(piece, form, "an rke2 version: nodefix reads k3s's versions")
                    : Reading.gives(piece, form, stripped(lines));
            case IPTABLES_VERSION -> piece.lines().stream().anyMatch(l -> POD_LOG.matcher(l).lookingAt())
                    ? Reading.withholds(piece, form, "quoted in a pod's log: that container's iptables, not the host's")
                    : Reading.gives(piece, form, lines.stream().map(IPTABLES_VERSION::matcher).filter(Matcher::find)
                            .map(Matcher::group).toList());
            case NET_CONF -> Reading.gives(piece, form, json(lines));
            case UDP_SNMP -> Reading.gives(piece, form, snmp(lines));
            case K3S_UNIT -> Reading.gives(piece, form, unit(piece, lines));
            case TCPDUMP, SYN_TIMING -> Reading.gives(piece, form,
                    withCommand(piece, lines.stream().filter(l -> !l.isBlank()).toList()));
            case KERNEL_LOG, K3S_JOURNAL, KUBE_PROXY_LOG ->
                    Reading.gives(piece, form, lines.stream().filter(l -> !l.isBlank()).toList());
            case KUBECTL_GET_NODES -> Reading.gives(piece, form,
                    withCommand(piece, lines.stream().filter(l -> !l.isBlank()).toList()));
            case NODE_ANNOTATIONS -> count(lines, "flannel.alpha.coreos.com/backend-type") > 1
                    || lines.stream().filter(l -> l.startsWith("Name:")).count() > 1
                    ? Reading.withholds(piece, form, "several nodes' annotations: not one node's")
                    : Reading.gives(piece, form, lines.stream().filter(l -> !l.isBlank()).toList());
            default -> Reading.gives(piece, form, stripped(lines));
        };
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }

    /** The lines after the command line as pasted, prompt included: the prompt may name the host or a container. */
    private static List<String> withCommand(Piece piece, List<String> lines) {
        List<String> out = new ArrayList<>();
        piece.pasted().ifPresent(out::add);
        out.addAll(lines);
        return out;
    }

    private static Reading features(Piece piece, List<String> lines, Optional<String> device) {
        Optional<String> shown = lines.stream().map(String::strip).filter(l -> l.startsWith("Features for "))
                .map(l -> l.substring("Features for ".length()).replace(":", "")).findFirst().or(() -> device);
        if (shown.isEmpty() || !shown.get().equals(VXLAN_DEVICE)) {
            return Reading.withholds(piece, Form.ETHTOOL_FEATURES, "features of " + shown.orElse("a device not named")
                    + ", not of " + VXLAN_DEVICE + ": they do not tell the VXLAN device's offload");
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("-")) {
                out.add(l.startsWith("+") ? l.substring(1) : l);
            }
        }
        return Reading.gives(piece, Form.ETHTOOL_FEATURES, out);
    }

    private static Reading driver(Piece piece, List<String> lines, Optional<String> device) {
        if (device.filter(d -> d.equals(VXLAN_DEVICE) || d.startsWith("cni") || d.startsWith("veth")
                || d.equals("lo") || d.startsWith("docker")).isPresent()) {
            return Reading.withholds(piece, Form.ETHTOOL_DRIVER, "the driver of " + device.get() + ", not the uplink");
        }
        List<String> out = new ArrayList<>();
        device.ifPresent(d -> out.add("uplink: " + d));
        out.addAll(stripped(lines));
        return Reading.gives(piece, Form.ETHTOOL_DRIVER, out);
    }

    /** {@code ip link} text; a fragment shown without its header gets one when the command names the device. */
    private static List<String> link(List<String> lines, Optional<String> device) {
        boolean header = lines.stream().anyMatch(l -> Shapes.marks(Form.IP_LINK, l));
        if (header || device.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>(List.of("0: " + device.get() + ": <> (header not shown)"));
        lines.stream().filter(l -> !l.isBlank()).map(l -> "    " + l.strip()).forEach(out::add);
        return out;
    }

    private static Reading releases(Piece piece, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String s = l.strip().startsWith("Linux") ? l.strip().replaceFirst("^Linux\\s+(?:[\\w.-]+\\s+)?", "") : l;
            Matcher m = RELEASE.matcher(s);
            if (m.lookingAt() || m.find() && l.strip().startsWith("Linux")) {
                out.add(m.group(1));
            }
        }
        if (out.stream().distinct().count() > 1) {
            return Reading.withholds(piece, Form.UNAME, "several kernels (several nodes): not one node's");
        }
        return Reading.gives(piece, Form.UNAME, out.stream().limit(1).toList());
    }

    private static List<String> json(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String s = BORDER.matcher(l).replaceAll("");
            if (out.isEmpty() && s.contains("{")) {
                s = s.substring(s.indexOf('{'));
            }
            if (!out.isEmpty() || s.startsWith("{")) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * {@code /proc/net/snmp} as is; each {@code Udp:} block of {@code netstat -su} as the two {@code Udp:} lines of
     * {@code /proc/net/snmp} (counter names, then values), so several readings stay apart.
     */
    private static List<String> snmp(List<String> lines) {
        if (lines.stream().anyMatch(l -> l.startsWith("Udp: InDatagrams"))) {
            return stripped(lines);
        }
        List<String> out = new ArrayList<>();
        Map<String, String> block = null;
        for (String l : lines) {
            if (l.matches("\\S.*")) {
                flush(block, out);
                block = l.strip().equals("Udp:") ? new LinkedHashMap<>() : null;
            } else if (block != null) {
                for (Map.Entry<String, Pattern> e : NETSTAT) {
                    Matcher m = e.getValue().matcher(l);
                    if (m.matches()) {
                        block.putIfAbsent(e.getKey(), m.group(1));
                        break;
                    }
                }
            }
        }
        flush(block, out);
        return out;
    }

    private static void flush(Map<String, String> block, List<String> out) {
        if (block != null && !block.isEmpty()) {
            out.add("Udp: " + String.join(" ", block.keySet()));
            out.add("Udp: " + String.join(" ", block.values()));
        }
    }

    /** The {@code ExecStart=} line and its {@code \\} continuations, as the collector's {@code k3s-units} prints. */
    private static List<String> unit(Piece piece, List<String> lines) {
        List<String> out = new ArrayList<>(List.of("# file: " + piece.where()));
        boolean in = false;
        for (String l : lines) {
            if (Shapes.marks(Form.K3S_UNIT, l) || in) {
                out.add(l);
                in = l.stripTrailing().endsWith("\\");
            }
        }
        return out;
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
