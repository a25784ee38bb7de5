# Profile "mixed": nodes in different states, one cluster (vxlan everywhere):
#   node 1 (server)  affected: unfixed KUBE-POSTROUTING (--random-fully), offload on
#   node 2           offload-off-unpersisted: unfixed rules, `ethtool -K flannel.1 tx-checksum-ip-generic off`
#                    run by hand after flannel.1 was created, no udev rule or unit (back on after a
#                    re-creation of flannel.1, e.g. lab/lab reboot)
#   node 3           kube-proxy-fixed: KUBE-POSTROUTING with the PR #92035 RETURN / --xor-mark, offload on
#   node 4 and up    affected, like node 1
profile_desc() { echo "node 1 affected, 2 offload off unpersisted, 3 kube-proxy fixed, 4+ affected"; }
profile_node() {
  P_KUBE_PROXY=unfixed
  if (($1 == 3)); then P_KUBE_PROXY=fixed; fi
}
profile_node_commands() {
  if (($1 == 2)); then echo 'ethtool -K flannel.1 tx-checksum-ip-generic off'; fi
}
