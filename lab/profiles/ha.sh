# Profile "ha": a k3s HA cluster with embedded etcd, as k3s's "High Availability Embedded etcd" page installs it:
# nodes 1-3 are servers (k3s.service, `k3s server`), node 1 started the cluster (`cluster-init: true` in its
# config.yaml), nodes 2 and 3 joined it (`server: https://<node 1 IP>:6443`); the other nodes are agents
# (k3s-agent.service, `server: https://<node 1 IP>:6443`). Every server runs k3s's kubectl. The backend is k3s's
# default (vxlan) on every server; the rules are those of "affected" (unfixed kube-proxy, offload on).
# With fewer than 3 nodes, every node is a server. An agent takes the backend of the server that started last.
profile_desc() { echo "HA: nodes 1-3 k3s servers (embedded etcd, node 1 cluster-init), the rest agents; affected rules, vxlan"; }
profile_node() {
  P_KUBE_PROXY=unfixed
  if (($1 <= 3)); then P_ROLE=server; fi
}
profile_node_commands() {
  if (($1 == 1)); then echo "printf 'cluster-init: true\\n' >> /etc/rancher/k3s/config.yaml"; fi
}
