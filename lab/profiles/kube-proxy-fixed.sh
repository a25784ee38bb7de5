# Profile "kube-proxy-fixed": kube-proxy with the fix of kubernetes PR #92035 (v1.16.13, v1.17.9,
# v1.18.6, v1.19.0+): KUBE-POSTROUTING returns unless 0x4000 is set, clears it (--xor-mark) and
# then masquerades, and KUBE-MARK-MASQ uses --or-mark. iptables prints these as
# `--set-xmark 0x4000/0x0` and `--set-xmark 0x4000/0x4000`. vxlan, offload left on.
profile_desc() { echo "fixed kube-proxy KUBE-POSTROUTING (RETURN / --xor-mark / MASQUERADE), vxlan, offload on"; }
profile_node() { P_KUBE_PROXY=fixed; }
