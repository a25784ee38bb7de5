# Profile "old-iptables": kube-proxy's UNFIXED rules with --random-fully (as in "affected"), written into the
# legacy table set by an iptables new enough to set the flag (kube-proxy's own, in its container), on a host whose
# `iptables` is 1.6.1: legacy, and too old to know --random-fully (it came with 1.6.2), so its listings print the
# rule without the flag, as EL7's 1.4.21 does. The host tools are wrappers in the node's /usr/local/sbin (first
# on the PATH) that say `iptables v1.6.1`, name v1.6.1 in iptables-save's header and drop `--random-fully` from
# what the real legacy iptables prints. "No --random-fully in the dump" proves nothing here. vxlan, offload on.
profile_desc() { echo "affected rules in legacy iptables; the host iptables/iptables-save say v1.6.1 and cannot print --random-fully"; }
profile_node() { P_KUBE_PROXY=none; }
profile_node_commands() {
  legacy_kube_proxy_nat "$2"
  echo 'mkdir -p /usr/local/sbin'
  local tool
  for tool in iptables iptables-save; do
    echo "cat > /usr/local/sbin/$tool <<'TOOL'"
    echo '#!/bin/sh'
    echo "# lab (old-iptables): $tool 1.6.1, legacy, too old to print --random-fully"
    echo 'case " $* " in *" --version "*|*" -V "*) echo "iptables v1.6.1"; exit 0 ;; esac'
    echo "out=\$(/usr/sbin/${tool/iptables/iptables-legacy} \"\$@\" 2>&1); rc=\$?"
    echo "printf '%s\\n' \"\$out\" | sed -e 's/ *--random-fully//' -e 's/ random-fully//' -e '/Fully randomize/d' \\"
    echo "  -e 's/\\(iptables[a-z-]*\\) v1\\.[0-9.]*\\( (legacy)\\)\\{0,1\\}/\\1 v1.6.1/'"
    echo 'exit $rc'
    echo 'TOOL'
    echo "chmod 755 /usr/local/sbin/$tool"
  done
}
