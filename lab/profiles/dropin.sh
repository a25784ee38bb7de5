# Profile "dropin": the server's flannel backend is set where a configuration-management tool puts it, in
# /etc/rancher/k3s/config.yaml.d/50-flannel.yaml (`flannel-backend: vxlan`), not in config.yaml or ExecStart. k3s reads
# config.yaml, then config.yaml.d/*.yaml by name, a later file's key winning
# (https://docs.k3s.io/installation/configuration, "Multiple Config Files"); lab-k3s does the same. vxlan, unfixed
# kube-proxy rules (as "affected").
profile_desc() { echo "affected rules, vxlan set in the server's config.yaml.d/50-flannel.yaml (a drop-in)"; }
profile_node() { P_KUBE_PROXY=unfixed; }
profile_node_commands() {
  (($1 == 1)) || return 0
  printf '%s\n' "mkdir -p /etc/rancher/k3s/config.yaml.d" \
    "printf '# written by configuration management\\nflannel-backend: vxlan\\n' > /etc/rancher/k3s/config.yaml.d/50-flannel.yaml"
}
