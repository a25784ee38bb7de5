package dev.nodefix.evidence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each form looks like. A whole-output form (an iptables listing, a capture, a JSON file, an
 * {@code ip link} block) is known by one marker line and takes the whole piece; a line form (uname, versions,
 * {@code KEY=value} files, log lines) takes only the lines it matches, so a paste of several short outputs after
 * one prompt is read line by line. A form takes part in reading a piece only when its marker is there.
 */
final class Shapes {
    /** Forms that take the whole piece once their marker is seen, tried in this order. */
    static final List<Form> WHOLE = List.of(Form.IPTABLES_LIST, Form.NFT_RULESET, Form.TCPDUMP, Form.MASQUERADE_HELP,
            Form.K3S_UNIT, Form.NODE_ANNOTATIONS, Form.NET_CONF, Form.UDP_SNMP, Form.IP_LINK, Form.KUBECTL_GET_NODES);
    /** Forms that take the lines they match, tried in this order for each line. */
    static final List<Form> LINES = List.of(Form.ETHTOOL_FEATURES, Form.ETHTOOL_DRIVER, Form.KERNEL_LOG, Form.UNAME,
            Form.OS_RELEASE, Form.K3S_VERSION, Form.IPTABLES_VERSION, Form.SUBNET_ENV, Form.KUBE_PROXY_LOG,
            Form.K3S_JOURNAL, Form.KUBECTL_VERSION);
    /** A klog header ({@code I0822 02:05:16.570133       1 nftables.go:47] }). */
    private static final String KLOG = "[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+ [\\w.-]+:\\d+] ";
    /** What flanneld and kube-proxy say of their mode and backend. */
    private static final String SAYS_MODE = ".*(?:Starting flannel in \\w+ mode|Found network config - Backend type"
            + "|Using \\w+ Proxier|creating dualStackProxier for|flannel exited).*";
    /** A docker-compose prefix ({@code server_1  | }) before a service's log line. */
    private static final String COMPOSE = "(?:[\\w.-]+\\s+\\|\\s)?";
    /** A journal line of k3s (or of the NetworkManager / flanneld units beside it), host name shown or not. */
    private static final String JOURNAL = "\\w{3}\\s+\\d{1,2} \\d\\d:\\d\\d:\\d\\d (?:\\S+ )?"
            + "(?:k3s|k3s-agent|rke2|NetworkManager|flanneld)\\[\\d+]: .*";
    private static final String LOGRUS = "time=\"[^\"]*\" level=\\w+ msg=.*";

    private static final String TIME = "\\s*\\d{2}:\\d{2}:\\d{2}\\.\\d{6} ";
    private static final Map<Form, Pattern> MARKER = new EnumMap<>(Map.ofEntries(
            Map.entry(Form.IPTABLES_LIST, Pattern.compile("\\s*(?:\\*(?:nat|filter|mangle|raw)|:[A-Z][\\w-]*"
                    + " (?:ACCEPT|DROP|-) \\[\\d+:\\d+]|-[AN] [\\w-]+(?: .*)?|-P [A-Z]+ (?:ACCEPT|DROP)"
                    + "|Chain [\\w-]+ \\((?:policy|\\d+ references).*|(?:num\\s+)?(?:pkts\\s+bytes\\s+)?target\\s+prot"
                    + "\\s+opt.*)\\s*")),
            Map.entry(Form.NFT_RULESET, Pattern.compile("\\s*table (?:ip|ip6|inet|arp|bridge|netdev) \\S+ \\{\\s*"
                    + "|\\s*chain [\\w./-]+ \\{\\s*|# Warning: table \\w+ \\S+ is managed by iptables-nft.*")),
            Map.entry(Form.TCPDUMP, Pattern.compile(TIME + "(?:IP6? |ARP|[0-9a-f:]{17} > ).*|\\s*(?:IP6? )?\\S+ > \\S+:"
                    + " (?:\\[(?:bad udp cksum|udp sum ok|no cksum)\\b|(?:OTV|VXLAN), flags \\[I]).*"
                    + "|tcpdump: (?:listening|verbose).*|listening on \\S+, link-type .*")),
            Map.entry(Form.MASQUERADE_HELP, Pattern.compile("MASQUERADE target options:.*")),
            Map.entry(Form.K3S_UNIT, Pattern.compile("\\s*ExecStart=\\S*\\b(?:k3s|rke2)\\b.*")),
            Map.entry(Form.NET_CONF, Pattern.compile("[\\s│|]*(?:\\{\\s*)?\"(?:Network|Backend)\"\\s*:.*")),
            Map.entry(Form.UDP_SNMP, Pattern.compile("Udp: InDatagrams\\b.*|Udp:\\s*")),
            Map.entry(Form.IP_LINK, Pattern.compile("\\d+: [\\w.-]+(?:@[\\w.-]+)?: <[A-Z0-9_,-]*>.*")),
            Map.entry(Form.ETHTOOL_FEATURES, Pattern.compile(
                    "(?:Features for \\S+:|Actual changes:|[+-]?\\s*[a-z0-9][a-z0-9_-]*: (?:on|off)(?: .*)?)\\s*")),
            Map.entry(Form.ETHTOOL_DRIVER, Pattern.compile("driver: \\S+\\s*")),
            Map.entry(Form.KERNEL_LOG, kernelLine()),
            Map.entry(Form.UNAME, Pattern.compile("Linux\\s+(?:[\\w.-]+\\s+)?\\d+\\.\\d+\\.\\d+\\S*(?:\\s.*)?")),
            Map.entry(Form.OS_RELEASE, Pattern.compile("(?:PRETTY_NAME|ID)=\\S.*")),
            Map.entry(Form.K3S_VERSION, Pattern.compile("\\s*(?:k3s|rke2) version v\\d.*")),
            Map.entry(Form.IPTABLES_VERSION, Pattern.compile(".*\\b(?:iptables|ip6tables)(?:-legacy|-nft)?"
                    + " v\\d+\\.\\d+\\.\\d+.*")),
            Map.entry(Form.SUBNET_ENV, Pattern.compile("\\s*FLANNEL_[A-Z_]+=\\S*\\s*")),
            Map.entry(Form.KUBE_PROXY_LOG, Pattern.compile(COMPOSE + "\\s*" + KLOG + SAYS_MODE)),
            Map.entry(Form.K3S_JOURNAL, Pattern.compile(COMPOSE + "\\s*(?:" + JOURNAL + "|" + LOGRUS + ")")),
            Map.entry(Form.NODE_ANNOTATIONS, Pattern.compile(".*\\bflannel\\.alpha\\.coreos\\.com/(?:backend-type"
                    + "|backend-data|public-ip|kube-subnet-manager)\\b.*")),
            Map.entry(Form.KUBECTL_GET_NODES, Pattern.compile("\\s*(?:\\d+\\.\\s+)?NAME\\s+STATUS\\s+ROLES\\s+AGE"
                    + "\\s+VERSION\\b.*")),
            Map.entry(Form.KUBECTL_VERSION, Pattern.compile("\\s*(?:Client|Server) Version:\\s*(?:version\\.Info\\{|v\\d).*"))));
    private static final Map<Form, Pattern> LINE = new EnumMap<>(Map.of(
            Form.ETHTOOL_DRIVER, Pattern.compile("(?:driver|version|firmware-version|expansion-rom-version|bus-info"
                    + "|supports-[a-z-]+):.*"),
            Form.UNAME, Pattern.compile("Linux\\s+(?:[\\w.-]+\\s+)?\\d+\\.\\d+\\.\\d+\\S*(?:\\s.*)?|\\d+\\.\\d+\\.\\d+"
                    + "[\\w.+~-]*\\s*"),
            Form.OS_RELEASE, Pattern.compile("[A-Z][A-Z_]*=.*"),
            Form.K3S_VERSION, Pattern.compile("\\s*(?:(?:k3s|rke2) version v\\d|go version go\\d).*"),
            Form.KUBE_PROXY_LOG, Pattern.compile(COMPOSE + "\\s*" + KLOG + ".*"),
            Form.KUBECTL_VERSION, Pattern.compile("\\s*Kustomize Version:.*")));

    private Shapes() {}

    private static Pattern kernelLine() {
        String syslog = "\\w{3}\\s+\\d{1,2} \\d\\d:\\d\\d:\\d\\d \\S+ kernel: .*";
        String openwrt = "\\w{3} \\w{3}\\s+\\d{1,2} \\d\\d:\\d\\d:\\d\\d \\d{4} \\S+ kernel: .*";
        String dmesg = "\\[\\s*\\d+\\.\\d{3,}] .*|\\[\\w{3} \\w{3}\\s+\\d{1,2} [\\d:]{8} \\d{4}] .*";
        return Pattern.compile(syslog + "|" + openwrt + "|" + dmesg + "|UDP: bad checksum\\. .*");
    }

    /** The line shows this form for sure: it may start a reading by content. */
    static boolean marks(Form form, String line) {
        return MARKER.get(form).matcher(line).matches();
    }

    /** The line belongs to a line form already seen in the piece (a {@code go version} after {@code k3s version}). */
    static boolean fits(Form form, String line) {
        return marks(form, line) || Optional.ofNullable(LINE.get(form)).map(p -> p.matcher(line).matches())
                .orElse(false);
    }
}
