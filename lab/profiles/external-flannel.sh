# Profile "external-flannel": k3s runs no flannel of its own; flannel is deployed apart from it (a kube-flannel
# DaemonSet, or canal), as k3s's "Custom CNI" section describes (https://docs.k3s.io/networking/basic-network-options):
# the server's config.yaml has `flannel-backend: none` and `disable-network-policy: true`, k3s writes no
# net-conf.json (/var/lib/rancher/k3s/agent/etc/flannel/ stays empty: the separate flannel reads its own, from its
# ConfigMap) and publishes backend none to its agents. The data plane is that flannel's: flannel.1 (vxlan, offload on)
# with its peers, /run/flannel/subnet.env, and the nodes' flannel annotations (backend-type vxlan). kube-proxy's
# rules are the unfixed ones of "affected". A k3s restart leaves flannel.1 alone (k3s's backend none touches nothing);
# nothing plays that flannel's own restart, so after `lab/lab reboot` the nodes have no flannel.1.
profile_desc() { echo "flannel-backend none in k3s, flannel.1 (vxlan) from a flannel deployed apart; affected rules, offload on"; }
profile_node() { P_KUBE_PROXY=unfixed; }
profile_node_commands() {
  echo 'rm -f /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json'
  if (($1 == 1)); then
    echo "printf 'flannel-backend: none\\ndisable-network-policy: true\\n' >> /etc/rancher/k3s/config.yaml"
    echo "echo none > '$LAB_DIR/cluster/backend'"
  fi
}
