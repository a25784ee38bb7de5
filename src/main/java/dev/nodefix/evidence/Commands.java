package dev.nodefix.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form a shown command prints. A command line may join several ({@code ethtool -i eth2; uname -r}); a
 * command nodefix does not know prints nothing it can name, and its output is then read by content.
 */
final class Commands {
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:;|&&|\\|\\|)\\s*");
    private static final String PATH = "(?:\\S*/)?";
    /** {@code kubectl}, k3s's {@code k3s kubectl} or the usual alias {@code k}, and options before the verb. */
    private static final String KUBECTL = PATH + "(?:k3s\\s+kubectl|kubectl|k)\\s+(?:-\\S+(?:\\s+[\\w.-]+)?\\s+)*";
    /** A timed request: its timing is the form, whatever the tool prints. */
    private static final Pattern TIMED = Pattern.compile("time\\s+" + PATH + "(?:curl|wget|nc|ncat)\\s.*");
    private static final Map<Pattern, Form> FORMS = Map.ofEntries(
            Map.entry(Pattern.compile(PATH + "(?:ip|ip6)tables(?:-legacy|-nft)?\\s+(?:-\\S+\\s+)*(?:--version|-V)\\b.*"),
                    Form.IPTABLES_VERSION),
            Map.entry(Pattern.compile(PATH + "iptables\\S*\\s.*-j\\s+MASQUERADE\\s+(?:-h|--help)\\b.*"),
                    Form.MASQUERADE_HELP),
            Map.entry(Pattern.compile(PATH + "(?:ip|ip6)tables(?:-legacy|-nft)?(?:-save)?(?:\\s.*)?"),
                    Form.IPTABLES_LIST),
            Map.entry(Pattern.compile(PATH + "ethtool\\s+(?:-[kK]|--show-features|--show-offload|--features"
                    + "|--offload)\\s.*"), Form.ETHTOOL_FEATURES),
            Map.entry(Pattern.compile(PATH + "ethtool\\s+(?:-i|--driver)\\s.*"), Form.ETHTOOL_DRIVER),
            Map.entry(Pattern.compile(PATH + "ip\\s+(?:-\\S+\\s+)*(?:l|li|lin|link|a|ad|addr|address)(?:\\s.*)?"),
                    Form.IP_LINK),
            Map.entry(Pattern.compile(PATH + "uname(?:\\s.*)?"), Form.UNAME),
            Map.entry(Pattern.compile("cat\\s+\\S*os-release.*"), Form.OS_RELEASE),
            Map.entry(Pattern.compile(PATH + "(?:k3s|rke2)\\s+(?:-v|--version|version)\\b.*"), Form.K3S_VERSION),
            Map.entry(Pattern.compile("(?:cat|less|more)\\s+\\S*net-conf\\.json.*|" + PATH
                    + "etcdctl\\s+get\\s+\\S*network/config.*"), Form.NET_CONF),
            Map.entry(Pattern.compile("(?:cat|less|more)\\s+\\S*subnet\\.env.*"), Form.SUBNET_ENV),
            Map.entry(Pattern.compile("(?:cat\\s+/proc/net/snmp|netstat\\s+-\\S*s\\S*u\\S*|netstat\\s+-\\S*u\\S*s\\S*)"
                    + ".*"), Form.UDP_SNMP),
            Map.entry(Pattern.compile(PATH + "(?:dmesg|journalctl\\s+.*(?:-k|--dmesg)\\b)(?:\\s.*)?"), Form.KERNEL_LOG),
            Map.entry(Pattern.compile(PATH + "tcpdump(?:\\s.*)?"), Form.TCPDUMP),
            Map.entry(Pattern.compile(PATH + "nft\\s+(?:-\\S+\\s+)*list\\s.*"), Form.NFT_RULESET),
            Map.entry(Pattern.compile("systemctl\\s+cat\\s+\\S*(?:k3s|rke2).*"), Form.K3S_UNIT),
            Map.entry(Pattern.compile(PATH + "journalctl\\s+(?!.*(?:\\s-k\\b|--dmesg))(?:.*\\s)?(?:-\\w*u\\s*|--unit[=\\s])"
                    + "(?:k3s|rke2)\\S*.*"), Form.K3S_JOURNAL),
            Map.entry(Pattern.compile(KUBECTL + "logs\\b.*"), Form.KUBE_PROXY_LOG),
            Map.entry(Pattern.compile(KUBECTL + "(?:describe\\s+(?:no|nodes?)\\b.*|get\\s+(?:no|nodes?)\\b.*-o\\s*=?\\s*"
                    + "(?:yaml|json)\\b.*)"), Form.NODE_ANNOTATIONS),
            Map.entry(Pattern.compile(KUBECTL + "get\\s+(?:no|nodes?)\\b(?!.*-o\\s*=?\\s*(?:yaml|json)).*"),
                    Form.KUBECTL_GET_NODES),
            Map.entry(Pattern.compile(KUBECTL + "version\\b.*"), Form.KUBECTL_VERSION));

    private Commands() {}

    /** The forms the command's parts print, in order; empty when none is known. */
    static List<Form> forms(String command) {
        List<Form> forms = new ArrayList<>();
        for (String part : SPLIT.split(command.strip())) {
            String head = part.replaceFirst("^sudo\\s+(?:-\\S+\\s+)*", "");
            Optional<Form> timed = Optional.of(Form.SYN_TIMING).filter(f -> TIMED.matcher(head).matches());
            timed.or(() -> of(head.replaceFirst("^time\\s+", ""))).filter(f -> !forms.contains(f)).ifPresent(forms::add);
        }
        return forms;
    }

    private static Optional<Form> of(String part) {
        Form found = null;
        for (Map.Entry<Pattern, Form> e : FORMS.entrySet()) {
            if (e.getKey().matcher(part).matches() && (found == null || found == Form.IPTABLES_LIST)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The device an {@code ethtool} or {@code ip} command names ({@code ethtool -k flannel.1}), if any. */
    static Optional<String> device(String command) {
        var m = Pattern.compile("(?:ethtool\\s+-\\S+|--\\S+|\\b(?:show|dev|list))\\s+(?:dev\\s+)?([\\w.@-]+)")
                .matcher(command);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
