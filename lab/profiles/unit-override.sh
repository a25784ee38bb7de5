# Profile "unit-override": the server's command line comes from `systemctl edit k3s`:
# /etc/systemd/system/k3s.service.d/override.conf resets ExecStart= and sets its own with --flannel-backend=vxlan; the
# installer's k3s.service is left as it was. systemd applies drop-ins by name and an empty ExecStart= resets the list
# (https://www.freedesktop.org/software/systemd/man/systemd.unit.html, systemd.service ExecStart=); lab-k3s does the
# same. vxlan, unfixed kube-proxy rules (as "affected").
profile_desc() { echo "affected rules, vxlan set by ExecStart in the server's k3s.service.d/override.conf"; }
profile_node() { P_KUBE_PROXY=unfixed; }
profile_node_commands() {
  (($1 == 1)) || return 0
  printf '%s\n' "mkdir -p /etc/systemd/system/k3s.service.d" \
    "printf '[Service]\\nExecStart=\\nExecStart=/usr/local/bin/k3s \\\\\\n    server \\\\\\n    --flannel-backend=vxlan\\n' > /etc/systemd/system/k3s.service.d/override.conf"
}
