# Profile "host-gw": flannel's host-gw backend, set as k3s sets it: `flannel-backend: host-gw` in the
# server's /etc/rancher/k3s/config.yaml only (k3s rejects it on an agent), net-conf.json
# Backend.Type "host-gw" on every node, no flannel.1, and on every node a route
# `10.42.j.0/24 via <node j IP> dev eth0` to each peer j (all nodes share one bridge: on-link).
# Agents get host-gw from the server (lab/lab's cluster state) whenever they restart.
# kube-proxy rules are the unfixed ones (the double NAT needs a VXLAN hop, which host-gw has not).
profile_desc() { echo "flannel host-gw (server config.yaml + net-conf.json), no flannel.1, unfixed kube-proxy"; }
profile_node() { P_KUBE_PROXY=unfixed P_BACKEND=host-gw; }
