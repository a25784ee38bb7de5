package dev.nodefix.evidence;

import java.util.Locale;

/**
 * A kind of output nodefix recognises in a paste, named as the evidence corpus names it, with the collector
 * section its text is handed to (empty for a form no collector section holds).
 */
public enum Form {
    IPTABLES_LIST("iptables-nat"),
    /** {@code nft list ruleset} or {@code nft list table ...}: flannel's and kube-proxy's nftables modes. */
    NFT_RULESET("nft"),
    MASQUERADE_HELP("masquerade-help"),
    TCPDUMP("tcpdump"),
    K3S_UNIT("k3s-units"),
    NET_CONF("net-conf"),
    UDP_SNMP("udp-snmp"),
    IP_LINK("vxlan-device"),
    ETHTOOL_FEATURES("ethtool-features"),
    ETHTOOL_DRIVER("uplink-driver"),
    KERNEL_LOG("kernel-log"),
    UNAME("kernel"),
    OS_RELEASE("os-release"),
    K3S_VERSION("k3s-version"),
    IPTABLES_VERSION("iptables-version"),
    SUBNET_ENV("subnet-env"),
    /** {@code time curl|wget|nc ...}: how long a request took. */
    SYN_TIMING("connect-timing"),
    /** {@code journalctl -u k3s} lines, or k3s's log printed elsewhere (logrus {@code time="..." level=...}). */
    K3S_JOURNAL("k3s-journal"),
    /** flanneld's or kube-proxy's own log ({@code kubectl logs}): read by the same fact as k3s's journal. */
    KUBE_PROXY_LOG("k3s-journal"),
    /** A Node object with flannel's annotations ({@code kubectl describe node}, {@code get node -o yaml|json}). */
    NODE_ANNOTATIONS("node-annotations"),
    /** {@code kubectl get nodes [-o wide]}. */
    KUBECTL_GET_NODES("kubectl-nodes"),
    /** {@code kubectl version}. */
    KUBECTL_VERSION("kubectl-version");

    private final String section;

    Form(String section) {
        this.section = section;
    }

    /** The corpus's name: {@code ethtool-features}, {@code iptables-list}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The collector section whose facts read this form's text. */
    public String section() {
        return section;
    }
}
