# Profile "offload-off-unpersisted": like "affected" (unfixed kube-proxy KUBE-POSTROUTING with
# --random-fully, vxlan), but on every node the operator already ran the ethtool workaround by hand
# after flannel.1 was created: `ethtool -K flannel.1 tx-checksum-ip-generic off`. Nothing persists it
# (no udev rule, no unit), so a re-creation of flannel.1 (`lab/lab reboot`, `ip link del flannel.1` then a
# k3s restart, an incompatible flannel.1, or any k3s restart with LAB_FLANNEL_RESTART=recreate) brings the
# offload back on: the "at risk" state. A plain k3s restart reuses flannel.1 and keeps it off, as on a
# real node.
profile_desc() { echo "affected rules, vxlan, offload turned off by hand on every node, not persisted"; }
profile_node() { P_KUBE_PROXY=unfixed; }
profile_node_commands() { echo 'ethtool -K flannel.1 tx-checksum-ip-generic off'; }
