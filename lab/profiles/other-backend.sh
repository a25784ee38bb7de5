# Profile "other-backend": kube-proxy's UNFIXED rules (as in "affected") live in the legacy iptables table set
# while the host's default `iptables` is iptables-nft (Debian 12's alternative): kube-proxy or k3s ran an
# iptables in legacy mode (a container's own, or k3s's bundled one picking legacy), the host tools did not. The
# host's `iptables-save` shows an empty nat table and warns "iptables-legacy tables present"; only
# `iptables-legacy-save` shows the rules, and they are live: node -> ClusterIP is NATed by them (double NAT).
# vxlan, offload on. The nat table of nf_tables is left without kube-proxy's chains (P_KUBE_PROXY=none); the
# rules go in with iptables-legacy-restore after the node's data plane.
profile_desc() { echo "affected rules written with iptables-legacy; the host's default iptables (nf_tables) does not show them"; }
profile_node() { P_KUBE_PROXY=none; }
profile_node_commands() {
  legacy_kube_proxy_nat "$2"
}
