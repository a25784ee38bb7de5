# Profile "not-l2-adjacent": vxlan with the "affected" rules, but the nodes are split over two
# host-only subnets joined by a router namespace (lab/lib/routed.sh): nodes 1..ceil(N/2) on
# LAB_BRIDGE/LAB_NET, the rest on LAB_BRIDGE2/LAB_NET2 (N=3: node 3; N=4: nodes 3 and 4). Each node
# routes to the other subnet via the router (.254), so `ip route get <peer>` shows `via` for peers
# across it: host-gw is impossible there (the cross-VPC case). VXLAN still works: it is routed UDP.
profile_desc() { echo "affected rules, vxlan, nodes split over two subnets joined by a router netns"; }
profile_node() {
  P_KUBE_PROXY=unfixed
  if (($1 > ($2 + 1) / 2)); then P_SUBNET=2; fi
}
