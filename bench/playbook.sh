#!/usr/bin/env bash
# bench/playbook.sh [N...] -- benchmark (not a test): the VXLAN checksum fix as a playbook, nodefix vs Ansible,
# on fresh "affected" labs; a first run that changes every node, then the idempotent re-run. Run as root.
#
# For each N (default: 20 100) and each tool it brings up a fresh lab of N nodes (`lab/lab up N`, profile
# affected: tx-checksum-ip-generic on, nothing persisted), times the first run and the re-run, checks the
# nodes, and takes the lab down again, so each tool starts from affected nodes. Own prefix, bridge, net,
# dir and inventory, so it can run next to a demo or test lab. Lab down also on Ctrl-C or failure.
#   nodefix   bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i INV --yes -f FORKS   ("n/a" if missing)
#   ansible   ansible-playbook -i INV -f FORKS bench/ansible/fix-vxlan-checksum.yml (shell/command tasks
#             doing the same node-side work; host key checking on; a fresh ControlPath dir per run)
# Each run prints its wall time, exit code, the changed count summed over the PLAY RECAP (changed=N per
# host), how many hosts the recap shows neither failed nor unreachable, and CPU seconds:
# "client" (the tool and what it started), "nodes" (the lab's sshd listeners and their sessions), "machine"
# (/proc/stat, other users' load too). After the re-run every node is checked from this machine, without
# SSH (lab/lab exec): offload off on flannel.1, the udev rule and the unit file with the expected content,
# the unit enabled ("nodes fixed"). Then a table: first run s, re-run s, changed count of each run, ratios
# ansible/nodefix. The table also goes to BENCH_OUT with the load average at start and end. Exits 0.
# Env: FORKS=50, BENCH_TOOLS="nodefix ansible", NODEFIX=<repo>/bin/nodefix,
#      BENCH_PLAYBOOK=<repo>/playbooks/fix-vxlan-checksum.yaml, BENCH_ANSIBLE_PLAYBOOK=<repo>/bench/ansible/...,
#      BENCH_OUT=<repo>/bench/results-playbook-DATE.txt, BENCH_PREFIX=bply, BENCH_BRIDGE=nfxbply0,
#      BENCH_NET=10.99.3, BENCH_DIR=/tmp/nodefix-bench-play-lab, LAB_CMD=<repo>/lab/lab,
#      BENCH_KEEP_OUTPUT=DIR (keep each run's whole output there as TOOL-N-first.txt / TOOL-N-rerun.txt)
# nodefix's local run store goes to a temporary XDG_STATE_HOME (removed at the end), not to ~/.local/state.
set -uo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
LAB=${LAB_CMD:-$REPO/lab/lab}
FORKS=${FORKS:-50}
NODEFIX=${NODEFIX:-$REPO/bin/nodefix}
TOOLS=${BENCH_TOOLS:-nodefix ansible}
NF_PLAYBOOK=${BENCH_PLAYBOOK:-$REPO/playbooks/fix-vxlan-checksum.yaml}
AN_PLAYBOOK=${BENCH_ANSIBLE_PLAYBOOK:-$REPO/bench/ansible/fix-vxlan-checksum.yml}
OUT=${BENCH_OUT:-$REPO/bench/results-playbook-$(date +%F).txt}
KEEP=${BENCH_KEEP_OUTPUT:-}
if (($#)); then SIZES=("$@"); else SIZES=(20 100); fi
export LAB_PREFIX=${BENCH_PREFIX:-bply} LAB_BRIDGE=${BENCH_BRIDGE:-nfxbply0} LAB_NET=${BENCH_NET:-10.99.3}
export LAB_DIR=${BENCH_DIR:-/tmp/nodefix-bench-play-lab}
export LAB_INVENTORY=$LAB_DIR.yaml
ANS=/tmp/nodefix-bench-play-ansible
NFSTATE=/tmp/nodefix-bench-play-state
export ANSIBLE_HOME=$ANS ANSIBLE_LOCAL_TEMP=$ANS/tmp ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_NOCOLOR=1 \
  ANSIBLE_DEPRECATION_WARNINGS=False ANSIBLE_SYSTEM_WARNINGS=False ANSIBLE_RETRY_FILES_ENABLED=False \
  ANSIBLE_STDOUT_CALLBACK=default NO_COLOR=1
[[ $(id -u) = 0 ]] || { echo "bench: must run as root (the lab needs it)" >&2; exit 0; }
for n in "${SIZES[@]}"; do [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench: sizes must be numbers >= 1, got '$n'" >&2; exit 0; }; done

UDEV_RULE='SUBSYSTEM=="net", ACTION=="add|change|move", ENV{INTERFACE}=="flannel.1", RUN+="/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off"'
UNIT='[Unit]
Description=Disable TX checksum offload on flannel.1
After=sys-devices-virtual-net-flannel.1.device

[Service]
Type=oneshot
ExecStart=/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off

[Install]
WantedBy=sys-devices-virtual-net-flannel.1.device'
UNIT_NAME=flannel-tx-checksum-offload-disable.service

RESULTS=$(mktemp /tmp/nodefix-bench-play-results.XXXXXX)
LOG=$(mktemp /tmp/nodefix-bench-play-log.XXXXXX)
cleanup() {
  trap - EXIT INT TERM
  "$LAB" down >/dev/null 2>&1 || echo "bench: lab down failed; run: LAB_PREFIX=$LAB_PREFIX LAB_BRIDGE=$LAB_BRIDGE LAB_DIR=$LAB_DIR LAB_INVENTORY=$LAB_INVENTORY $LAB down" >&2
  rm -rf "$ANS" "$NFSTATE"
  rm -f "$RESULTS" "$RESULTS.up" "$LOG"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 0' INT TERM

say() { echo "$*" | tee -a "$LOG"; }
secs() { printf '%.3f' "$((($2 - $1) / 1000))e-3"; }
# shellcheck source=lib/cpu.sh
. "$REPO/bench/lib/cpu.sh"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# recap OUTPUT -> "CHANGED HOSTS_OK" over the host lines after the (PLAY) RECAP line: changed=N summed (also
# changes=N), hosts with unreachable=0 and failed=0 (or status ok/changed); "- -" when there is no recap
recap() {
  awk '/RECAP/ { r = 1; next }
       r && match($0, /change[sd]=[0-9]+/) { seen = 1; v = substr($0, RSTART, RLENGTH); sub(/.*=/, "", v); c += v
            if (($0 ~ /unreachable=0([^0-9]|$)/ && $0 ~ /failed=0([^0-9]|$)/) || $2 == "ok" || $2 == "changed") ok++ }
       END { if (seen) print c + 0, ok + 0; else print "-", "-" }' <<< "$1"
}

# nodes_fixed N -> how many of the N nodes have offload off, both files with the expected content, the unit enabled
nodes_fixed() {
  local i name fixed=0 link="/etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants/$UNIT_NAME"
  for ((i = 1; i <= $1; i++)); do
    printf -v name '%s%03d' "$LAB_PREFIX" "$i"
    # shellcheck disable=SC2016
    "$LAB" exec "$name" sh -c 'ethtool -k flannel.1 | grep -qE "^[[:space:]]*tx-checksum-ip-generic: off\$" &&
      [ "$(cat /etc/udev/rules.d/90-flannel.rules)" = "$1" ] &&
      [ "$(cat /etc/systemd/system/'"$UNIT_NAME"')" = "$2" ] && [ -e "$3" ]' _ "$UDEV_RULE" "$UNIT" "$link" \
      >/dev/null 2>&1 && fixed=$((fixed + 1))
  done
  echo "$fixed"
}

# one_run TOOL N PHASE -> sets RUN_S RUN_RC RUN_CHANGED RUN_OK; prints the run; RUN_OUT holds the output
one_run() {
  local tool=$1 n=$2 phase=$3 t0 t1 cp="" c0 c1 n0 n1 m0 m1
  c0=$(client_ticks) n0=$(nodes_ticks) m0=$(machine_ticks)
  if [[ $tool = nodefix ]]; then
    t0=$(now_us)
    RUN_OUT=$(XDG_STATE_HOME=$NFSTATE "$NODEFIX" play "$NF_PLAYBOOK" -i "$LAB_INVENTORY" --yes -f "$FORKS" --no-color 2>&1)
    RUN_RC=$?; t1=$(now_us)
  else
    cp=$(mktemp -d /tmp/nodefix-bench-play-cp.XXXXXX)
    t0=$(now_us)
    RUN_OUT=$(ANSIBLE_SSH_CONTROL_PATH_DIR=$cp ansible-playbook -i "$LAB_INVENTORY" -f "$FORKS" "$AN_PLAYBOOK" 2>&1)
    RUN_RC=$?; t1=$(now_us)
  fi
  c1=$(client_ticks)
  [[ -n $cp ]] && close_masters "$cp"
  sleep 0.3  # closed sessions' sshd exit and are reaped by their listener
  n1=$(nodes_ticks) m1=$(machine_ticks)
  RUN_S=$(secs "$t0" "$t1")
  read -r RUN_CHANGED RUN_OK < <(recap "$RUN_OUT")
  [[ -n $KEEP ]] && mkdir -p "$KEEP" && printf '%s\n' "$RUN_OUT" > "$KEEP/$tool-$n-$phase.txt"
  say "$(printf '  %-8s N=%-3d %-6s %8s s  rc=%d  changed=%s  hosts ok=%s/%d  cpu s: client %s, nodes %s, machine %s' \
    "$tool" "$n" "$phase" "$RUN_S" "$RUN_RC" "$RUN_CHANGED" "$RUN_OK" "$n" \
    "$(ticks_s $((c1 - c0)))" "$(ticks_s $((n1 - n0)))" "$(ticks_s $((m1 - m0)))")"
  if ((RUN_RC != 0)) || [[ $RUN_OK != "$n" ]]; then
    say "    last output lines:"; tail -n 8 <<< "$RUN_OUT" | sed 's/^/    | /' | tee -a "$LOG"
  fi
}

# bench_tool TOOL N -> lab up, first run, re-run, node check, lab down; appends a line to $RESULTS
bench_tool() {
  local tool=$1 n=$2 t0 t1 first_s first_rc first_ch rerun_s="n/a" rerun_rc="-" rerun_ch="-" fixed="-"
  if [[ $tool = nodefix ]]; then
    if [[ ! -x $NODEFIX ]]; then say "  nodefix: n/a ($NODEFIX missing)"; echo "$n nodefix n/a - - n/a - - -" >> "$RESULTS"; return; fi
    if [[ ! -f $NF_PLAYBOOK ]]; then say "  nodefix: n/a ($NF_PLAYBOOK missing)"; echo "$n nodefix n/a - - n/a - - -" >> "$RESULTS"; return; fi
  elif ! command -v ansible-playbook >/dev/null; then
    say "  ansible: n/a (ansible-playbook not installed)"; echo "$n ansible n/a - - n/a - - -" >> "$RESULTS"; return
  fi
  t0=$(now_us)
  if ! "$LAB" up "$n" > "$RESULTS.up" 2>&1; then
    say "  lab up $n FAILED:"; tail -n 5 "$RESULTS.up" | sed 's/^/    | /' | tee -a "$LOG"
    echo "$n $tool n/a - - n/a - - -" >> "$RESULTS"; "$LAB" down >/dev/null 2>&1; return
  fi
  t1=$(now_us)
  say "  lab up $n for $tool: $(secs "$t0" "$t1") s (load average $(loadavg))"
  SSHD_PIDS=$(awk '$1 == "pid" && $3 == "sshd" && $4 ~ /^[0-9]+$/ { print $4 }' "$LAB_DIR/state" 2>/dev/null)
  rm -rf "$ANS" "$NFSTATE"; mkdir -p "$ANS/tmp" "$NFSTATE"
  one_run "$tool" "$n" first
  first_s=$RUN_S first_rc=$RUN_RC first_ch=$RUN_CHANGED
  if [[ $tool = nodefix ]] && ((RUN_RC != 0)) && [[ $RUN_CHANGED = - ]]; then
    say "  nodefix: n/a (no recap; is \`nodefix play\` there?)"; first_s=n/a
  else
    one_run "$tool" "$n" rerun
    rerun_s=$RUN_S rerun_rc=$RUN_RC rerun_ch=$RUN_CHANGED
    fixed=$(nodes_fixed "$n")
    say "  $tool N=$n: nodes fixed (offload off, rule, unit, enabled; checked without ssh): $fixed/$n"
  fi
  echo "$n $tool $first_s $first_rc $first_ch $rerun_s $rerun_rc $rerun_ch $fixed" >> "$RESULTS"
  t0=$(now_us); "$LAB" down > /dev/null 2>&1; t1=$(now_us)
  say "  lab down $n: $(secs "$t0" "$t1") s"
}

LOAD_START=$(loadavg)
say "bench: $(date -Is) host $(uname -n) kernel $(uname -r), $(nproc) CPUs, FORKS=$FORKS, tools: $TOOLS"
say "bench: lab prefix $LAB_PREFIX, bridge $LAB_BRIDGE, net $LAB_NET.0/24, dir $LAB_DIR, profile affected"
say "bench: nodefix: $NODEFIX play $NF_PLAYBOOK --yes"
say "bench: ansible: $(ansible-playbook --version 2>/dev/null | head -1) $AN_PLAYBOOK"
say "bench: load average at start: $LOAD_START"
for n in "${SIZES[@]}"; do
  say "== N=$n (load average: $(loadavg))"
  for tool in $TOOLS; do bench_tool "$tool" "$n"; done
done
LOAD_END=$(loadavg)

table() {
  echo "Wall time of one run per cell, whole process (first run on a fresh affected lab, then the re-run);"
  echo "changed: changed=N summed over the run's PLAY RECAP (changed tasks); fixed: nodes checked after the"
  echo "re-run; ratio rows: ansible / nodefix. FORKS=$FORKS."
  printf '%-5s %-8s %9s %5s %8s %9s %5s %8s %7s\n' N tool "first s" rc changed "re-run s" rc changed fixed
  awk '
    function row(n, t, a, b, c, d, e, f, g) { printf "%-5s %-8s %9s %5s %8s %9s %5s %8s %7s\n", n, t, a, b, c, d, e, f, g }
    function ratio(a, b) { return (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) ? "n/a" : sprintf("%.2fx", a / b) }
    function ratios(n) { if ((n in nf1) && (n in an1)) row(n, "ratio", ratio(an1[n], nf1[n]), "", "", ratio(an2[n], nf2[n]), "", "", "") }
    $1 != last && last != "" { ratios(last) }
    { last = $1
      row($1, $2, $3, $4, $5, $6, $7, $8, $9 (($9 == "-") ? "" : "/" $1))
      if ($2 == "nodefix") { nf1[$1] = $3; nf2[$1] = $6 } else if ($2 == "ansible") { an1[$1] = $3; an2[$1] = $6 } }
    END { if (last != "") ratios(last) }' "$RESULTS"
}
echo | tee -a "$LOG"
table | tee -a "$LOG"
say "bench: load average at start: $LOAD_START, at end: $LOAD_END"
if mkdir -p "$(dirname "$OUT")" && cp "$LOG" "$OUT"; then echo "bench: written to $OUT"; else echo "bench: could not write $OUT" >&2; fi
exit 0
