# Profile "affected" (the default): a cluster hit by the flannel VXLAN checksum bug.
# kube-proxy's UNFIXED rules (before kubernetes PR #92035): KUBE-MARK-MASQ sets 0x4000 and
# KUBE-POSTROUTING masquerades marked packets with --random-fully without clearing the mark, so the
# outer VXLAN packet is NATed again. flannel.1 offloads are left on (tx-checksum-ip-generic: on).
# See lab/README.md ("Profiles") for the hooks a profile can define.
profile_desc() { echo "unfixed kube-proxy KUBE-POSTROUTING (--random-fully, mark kept), vxlan, offload on"; }
profile_node() { P_KUBE_PROXY=unfixed; }
