# shellcheck shell=bash disable=SC2153  # LAB_* are set by lab/lab
# lab/lib/routed.sh -- sourced by lab/lab: the second host-only subnet and the router namespace of
# routed profiles (a profile puts a node there with P_SUBNET=2 in profile_node; see "not-l2-adjacent").
#
#   LAB_BRIDGE2  second bridge; default: LAB_BRIDGE with its trailing digit + 1 (nfxbr0 -> nfxbr1,
#                nfxitbr0 -> nfxitbr1), or LAB_BRIDGE + "b" when it does not end in a digit 0-8
#   LAB_NET2     second /24; default: LAB_NET's third octet + 100 (- 100 from 156 on):
#                10.99.0 -> 10.99.100, 10.99.1 -> 10.99.101 (clear of the low nets other labs use)
#   router       netns PREFIX-rtr: eth1 = LAB_NET.254 on LAB_BRIDGE, eth2 = LAB_NET2.254 on LAB_BRIDGE2,
#                ip_forward=1, no default route (it forwards only between the two lab subnets).
#                Host ends of its veths: vPREFIXr1 (on LAB_BRIDGE), vPREFIXr2 (on LAB_BRIDGE2).
# Nodes keep the host part 10+i on either subnet. A node on one subnet reaches the other subnet
# only via the router (route NET.0/24 via MYNET.254); the root namespace has .1 on both bridges, so
# it reaches every node's sshd directly. Nothing leaves the machine: neither bridge has an uplink,
# the router has no default route, and the root namespace's ip_forward is not touched.

routed_defaults() {
  local last=${LAB_BRIDGE: -1}
  if [[ -z ${LAB_BRIDGE2:-} ]]; then
    if [[ $last =~ ^[0-8]$ ]]; then LAB_BRIDGE2=${LAB_BRIDGE%?}$((last + 1)); else LAB_BRIDGE2=${LAB_BRIDGE:0:14}b; fi
  fi
  if [[ -z ${LAB_NET2:-} && $LAB_NET =~ ^([0-9]+\.[0-9]+)\.([0-9]+)$ ]]; then
    local c=${BASH_REMATCH[2]}
    if ((c < 156)); then LAB_NET2=${BASH_REMATCH[1]}.$((c + 100)); else LAB_NET2=${BASH_REMATCH[1]}.$((c - 100)); fi
  fi
  LAB_NET2=${LAB_NET2:-}
}

# routed_scan N: ROUTED=1 when the profile puts any node on subnet 2 (profile_node is fork-free)
routed_scan() {
  local i; ROUTED=0
  for ((i = 1; i <= $1; i++)); do P_SUBNET=1; profile_node "$i" "$1"; [[ $P_SUBNET = 2 ]] && ROUTED=1; done
  P_SUBNET=1
  if ((ROUTED)); then
    [[ $LAB_BRIDGE2 =~ ^[A-Za-z0-9_-]{1,15}$ && $LAB_BRIDGE2 != "$LAB_BRIDGE" ]] || die "LAB_BRIDGE2 '$LAB_BRIDGE2' is invalid or equals LAB_BRIDGE"
    [[ $LAB_NET2 =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ && $LAB_NET2 != "$LAB_NET" ]] || die "LAB_NET2 '$LAB_NET2' is invalid or equals LAB_NET"
    case "$LAB_NET2." in 10.42.*|10.43.*|127.*|0.*) die "LAB_NET2 '$LAB_NET2' collides with the pod/service CIDR or loopback" ;; esac
  fi
  return 0
}

# routed_check_free: refuse when LAB_NET2 is on an interface other than LAB_BRIDGE2
routed_check_free() {
  ((ROUTED)) || return 0
  local other
  other=$(ip -o -4 addr show 2>/dev/null | awk -v net="$LAB_NET2." '{ split($4, a, "/"); if (index(a[1], net) == 1) print $2 }' | head -1)
  [[ -z $other || $other = "$LAB_BRIDGE2" ]] || die "LAB_NET2 $LAB_NET2.0/24 is already used by interface '$other' (another lab? set LAB_NET2)"
}

# routed_up: the second bridge and the router namespace (recorded in the state file first)
routed_up() {
  ((ROUTED)) || return 0
  local r=$LAB_PREFIX-rtr v=v$LAB_PREFIX
  printf '%s\n' "bridge2 $LAB_BRIDGE2" "net2 $LAB_NET2" "netns $r" >> "$LAB_DIR/state"
  ip link add "$LAB_BRIDGE2" type bridge
  ip link set "$LAB_BRIDGE2" type bridge nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 2>/dev/null || true
  ip addr add "$LAB_NET2.1/24" dev "$LAB_BRIDGE2"
  ip link set "$LAB_BRIDGE2" up
  printf '%s\n' "netns add $r" "link add ${v}r1 type veth peer name eth1 netns $r" \
    "link add ${v}r2 type veth peer name eth2 netns $r" "link set ${v}r1 master $LAB_BRIDGE up" \
    "link set ${v}r2 master $LAB_BRIDGE2 up" | ip -batch -
  printf '%s\n' "link set lo up" "addr add $LAB_NET.254/24 dev eth1" "addr add $LAB_NET2.254/24 dev eth2" \
    "link set eth1 up" "link set eth2 up" | ip -n "$r" -batch -
  ip netns exec "$r" sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
}
