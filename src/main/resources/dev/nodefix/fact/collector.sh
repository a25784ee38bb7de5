# nodefix fact collector: POSIX sh, read-only, standard tools only. Each section is framed as
#   @@nodefix:section NAME@@ ... output (stdout and stderr) ... @@nodefix:end NAME rc=N@@
# or "@@nodefix:end NAME absent@@" when the tool or file is not there. Nothing here aborts.
# Arguments: the IP addresses of the other cluster nodes (sh -s -- 10.0.0.12 10.0.0.13), for peer-routes.
set +e
LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
export PATH
K3S_AUX=/var/lib/rancher/k3s/data/current/bin/aux

nf_begin() { printf '@@nodefix:section %s@@\n' "$1"; }
nf_end() { printf '\n@@nodefix:end %s %s@@\n' "$1" "$2"; }
nf_absent() { nf_begin "$1"; nf_end "$1" absent; }
# nf_run NAME TOOL CMD...: run CMD unless TOOL is missing
nf_run() {
  nf_name=$1 nf_tool=$2
  shift 2
  if ! command -v "$nf_tool" >/dev/null 2>&1; then nf_absent "$nf_name"; return; fi
  nf_begin "$nf_name"
  "$@" </dev/null 2>&1
  nf_end "$nf_name" "rc=$?"
}
# nf_file NAME PATH: the file's content, absent when it is not there
nf_file() {
  if [ ! -e "$2" ]; then nf_absent "$1"; return; fi
  nf_begin "$1"
  cat "$2" </dev/null 2>&1
  nf_end "$1" "rc=$?"
}
nf_dev_of() { awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }'; }
nf_uplink() {
  nf_up=$(ip route show default 2>/dev/null | nf_dev_of)
  [ -n "$nf_up" ] || nf_up=$(ip -d link show flannel.1 2>/dev/null | nf_dev_of)
  printf '%s' "$nf_up"
}
nf_driver() {
  printf 'uplink: %s\n' "$1"
  ethtool -i "$1" </dev/null 2>&1
}
nf_units() {
  for nf_u in /etc/systemd/system/k3s.service /etc/systemd/system/k3s-agent.service; do
    [ -e "$nf_u" ] || continue
    printf '# file: %s\n' "$nf_u"
    awk '/^ExecStart=/ { on = 1 } on { print } on && !/\\$/ { on = 0 }' "$nf_u"
  done
}
nf_envfiles() {
  for nf_e in /etc/systemd/system/k3s.service.env /etc/systemd/system/k3s-agent.service.env; do
    [ -e "$nf_e" ] || continue
    printf '# file: %s\n' "$nf_e"
    awk -F= '{ if (toupper($1) ~ /TOKEN|PASS|SECRET|KEY/) print $1 "=****"; else print }' "$nf_e"
  done
}
nf_services() {
  for nf_s in k3s k3s-agent; do printf '%s: %s\n' "$nf_s" "$(systemctl is-active "$nf_s" </dev/null 2>&1)"; done
}
nf_persistence() {
  for nf_p in /etc/udev/rules.d/*flannel* /lib/udev/rules.d/*flannel* /etc/systemd/system/*flannel*offload* \
      /etc/systemd/system/*tx-checksum*; do
    [ -e "$nf_p" ] || continue
    printf '# file: %s\n' "$nf_p"
    grep -h ethtool "$nf_p" 2>/dev/null
  done
  return 0
}

# nf_peer_routes PEER...: one 'ip route get' per peer (one ip process), then the default gateway's route
nf_peer_routes() {
  printf '# peers:'
  for nf_p in "$@"; do
    case $nf_p in ''|*[!0-9a-fA-F.:]*) continue ;; esac
    printf ' %s' "$nf_p"
  done
  printf '\n'
  nf_def=$(ip route show default 2>/dev/null | head -n 1)
  printf '# default: %s\n' "$nf_def"
  nf_gw=$(printf '%s\n' "$nf_def" | awk '{ for (i = 1; i < NF; i++) if ($i == "via") { print $(i + 1); exit } }')
  {
    for nf_p in "$@"; do
      case $nf_p in ''|*[!0-9a-fA-F.:]*) continue ;; esac
      printf 'route get %s\n' "$nf_p"
    done
    case $nf_gw in ''|*[!0-9a-fA-F.:]*) ;; *) printf 'route get %s\n' "$nf_gw" ;; esac
  } | ip -o -force -batch - 2>&1
}

nf_run kernel uname uname -r
nf_file os-release /etc/os-release
nf_run iptables-version iptables iptables --version
nf_run iptables-k3s-version "$K3S_AUX/iptables" "$K3S_AUX/iptables" --version
nf_run kube-postrouting iptables iptables -t nat -S KUBE-POSTROUTING
nf_run kube-mark-masq iptables iptables -t nat -S KUBE-MARK-MASQ
nf_run flannel-postrtg iptables iptables -t nat -S FLANNEL-POSTRTG
nf_run postrouting iptables iptables -t nat -S POSTROUTING
if command -v iptables >/dev/null 2>&1; then
  nf_begin masquerade-help
  iptables -j MASQUERADE --help </dev/null 2>&1 | grep -e 'MASQUERADE' -e '--random'
  nf_end masquerade-help "rc=$?"
else nf_absent masquerade-help; fi
nf_run vxlan-device ip ip -d link show flannel.1
nf_run ethtool-features ethtool ethtool -k flannel.1
NF_UPLINK=$(nf_uplink)
if [ -n "$NF_UPLINK" ] && command -v ethtool >/dev/null 2>&1; then nf_run uplink-driver ethtool nf_driver "$NF_UPLINK"
else nf_absent uplink-driver; fi
nf_file net-conf /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json
nf_file k3s-config /etc/rancher/k3s/config.yaml
nf_run k3s-units awk nf_units
nf_run k3s-env awk nf_envfiles
nf_file subnet-env /run/flannel/subnet.env
nf_run k3s-version k3s k3s --version
nf_run services systemctl nf_services
nf_run persistence grep nf_persistence
nf_run peer-routes ip nf_peer_routes "$@"
if [ -r /proc/net/snmp ]; then nf_begin udp-snmp; grep '^Udp:' /proc/net/snmp; nf_end udp-snmp "rc=$?"
else nf_absent udp-snmp; fi
