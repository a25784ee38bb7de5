#!/usr/bin/env bash
# bench/rerun.sh [N] -- benchmark (not a test): the fix playbook's no-change re-run against its floor, in one
# run on one lab of N nodes (default 100). Run as root.
#
# It brings up the lab (profile affected), fixes it once with `nodefix play playbooks/fix-vxlan-checksum.yaml
# --yes` (not measured), warms nodefix's class-data archive up, then times RUNS rounds (default 3) of, in
# this order per round:
#   facts     bin/nodefix facts -i INV -f FORKS
#   rerun     bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i INV --yes -f FORKS   (must change nothing)
#   ssh-true  xargs -P FORKS ssh -F LAB_DIR/ssh_config NODE true   (one fresh OpenSSH connection per node)
# and ANSIBLE_RUNS (default 1) runs of Ansible's re-run of the same fix on the already fixed nodes:
#   ansible   ansible-playbook -i INV -f FORKS bench/ansible/fix-vxlan-checksum.yml   (n/a if not installed)
# Each run prints its wall time, exit code, how many SSH connections the nodes accepted (their sshd logs),
# and CPU seconds: "machine" (all CPUs busy, from /proc/stat: other users' load is in it too), "client" (the
# tool and what it started) and "nodes" (the lab's sshd listeners and their sessions), as bench/lib/cpu.sh
# counts them; and the load average (uptime) before it. Then a table of the medians per tool and the ratios
# rerun/ssh-true (machine CPU) and ansible/rerun (wall). The lines and the table go to BENCH_OUT (default
# bench/results-rerun-DATE.txt) with the load average at start and end. The lab is taken down at the end, also
# on Ctrl-C or failure. Exits 0.
# Env: RUNS=3, ANSIBLE_RUNS=1, FORKS=50, NODEFIX=<repo>/bin/nodefix, BENCH_OUT, LAB_CMD=<repo>/lab/lab,
#      BENCH_PREFIX=bnce, BENCH_BRIDGE=nfxbnce0, BENCH_NET=10.99.105, BENCH_DIR=/tmp/nodefix-bench-rerun-lab.
# nodefix's local run store goes to a temporary XDG_STATE_HOME, not to ~/.local/state.
set -uo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
LAB=${LAB_CMD:-$REPO/lab/lab}
N=${1:-100}
RUNS=${RUNS:-3}
ANSIBLE_RUNS=${ANSIBLE_RUNS:-1}
FORKS=${FORKS:-50}
NODEFIX=${NODEFIX:-$REPO/bin/nodefix}
PLAYBOOK=$REPO/playbooks/fix-vxlan-checksum.yaml
AN_PLAYBOOK=$REPO/bench/ansible/fix-vxlan-checksum.yml
OUT=${BENCH_OUT:-$REPO/bench/results-rerun-$(date +%F).txt}
export LAB_PREFIX=${BENCH_PREFIX:-bnce} LAB_BRIDGE=${BENCH_BRIDGE:-nfxbnce0} LAB_NET=${BENCH_NET:-10.99.105}
export LAB_DIR=${BENCH_DIR:-/tmp/nodefix-bench-rerun-lab}
export LAB_INVENTORY=$LAB_DIR.yaml
WORK=$(mktemp -d /tmp/nodefix-bench-rerun.XXXXXX)
export XDG_STATE_HOME=$WORK/state
export ANSIBLE_HOME=$WORK/ansible ANSIBLE_LOCAL_TEMP=$WORK/ansible/tmp ANSIBLE_HOST_KEY_CHECKING=True \
  ANSIBLE_NOCOLOR=1 ANSIBLE_DEPRECATION_WARNINGS=False ANSIBLE_SYSTEM_WARNINGS=False \
  ANSIBLE_RETRY_FILES_ENABLED=False ANSIBLE_STDOUT_CALLBACK=default NO_COLOR=1
[[ $(id -u) = 0 ]] || { echo "bench: must run as root (the lab needs it)" >&2; exit 0; }
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "bench: N must be a number >= 1, got '$N'" >&2; exit 0; }

LOG=$WORK/log
RESULTS=$WORK/results
cleanup() {
  trap - EXIT INT TERM
  "$LAB" down >/dev/null 2>&1 || echo "bench: lab down failed; run: LAB_DIR=$LAB_DIR $LAB down" >&2
  if mkdir -p "$(dirname "$OUT")" && [[ -s $LOG ]] && cp "$LOG" "$OUT"; then echo "bench: written to $OUT"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" | tee -a "$LOG" >&2; exit 0' INT TERM

say() { echo "$*" | tee -a "$LOG"; }
secs() { printf '%.3f' "$((($2 - $1) / 1000))e-3"; }
# shellcheck source=lib/cpu.sh
. "$REPO/bench/lib/cpu.sh"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
accepted() { cat "$LAB_DIR"/nodes/*/sshd.log 2>/dev/null | grep -c 'Accepted publickey'; }

# one_run TOOL ROUND -> runs the tool once, prints and records: tool wall rc conns machine client nodes load1
one_run() {
  local tool=$1 round=$2 t0 t1 c0 c1 n0 n1 m0 m1 a0 a1 rc out cp="" load note=""
  load=$(loadavg)
  a0=$(accepted) c0=$(client_ticks) n0=$(nodes_ticks) m0=$(machine_ticks)
  t0=$(now_us)
  case $tool in
    facts) out=$("$NODEFIX" facts -i "$LAB_INVENTORY" -f "$FORKS" --no-color 2>&1); rc=$? ;;
    rerun) out=$("$NODEFIX" play "$PLAYBOOK" -i "$LAB_INVENTORY" --yes -f "$FORKS" --no-color 2>&1); rc=$? ;;
    ssh-true) out=$(awk '{ print $1 }' "$LAB_DIR/nodes.txt" | xargs -P "$FORKS" -I{} ssh -F "$LAB_DIR/ssh_config" {} true 2>&1); rc=$? ;;
    ansible)
      cp=$(mktemp -d "$WORK/cp.XXXXXX")
      t0=$(now_us)
      out=$(ANSIBLE_SSH_CONTROL_PATH_DIR=$cp ansible-playbook -i "$LAB_INVENTORY" -f "$FORKS" "$AN_PLAYBOOK" 2>&1); rc=$? ;;
  esac
  t1=$(now_us)
  c1=$(client_ticks)
  [[ -n $cp ]] && close_masters "$cp"
  sleep 0.3  # closed sessions' sshd exit and are reaped by their listener
  n1=$(nodes_ticks) m1=$(machine_ticks) a1=$(accepted)
  case $tool in
    rerun) grep -q 'nothing to change; no run recorded' <<< "$out" || note="  NOT A NO-CHANGE RUN" ;;
    ansible) grep -qE 'changed=[1-9]' <<< "$out" && note="  ANSIBLE CHANGED SOMETHING" ;;
  esac
  say "$(printf '  round %d %-8s %8s s  rc=%d  connections %4d  cpu s: machine %6s, client %6s, nodes %6s  (load %s)%s' \
    "$round" "$tool" "$(secs "$t0" "$t1")" "$rc" "$((a1 - a0))" "$(ticks_s $((m1 - m0)))" "$(ticks_s $((c1 - c0)))" \
    "$(ticks_s $((n1 - n0)))" "$load" "$note")"
  if ((rc != 0)) || [[ -n $note ]]; then tail -n 6 <<< "$out" | sed 's/^/    | /' | tee -a "$LOG"; fi
  echo "$tool $(secs "$t0" "$t1") $rc $((a1 - a0)) $(ticks_s $((m1 - m0))) $(ticks_s $((c1 - c0))) $(ticks_s $((n1 - n0)))" >> "$RESULTS"
}

LOAD_START=$(loadavg)
say "bench: $(date -Is) host $(uname -n) kernel $(uname -r), $(nproc) CPUs, N=$N, FORKS=$FORKS, RUNS=$RUNS, ANSIBLE_RUNS=$ANSIBLE_RUNS"
say "bench: lab prefix $LAB_PREFIX, bridge $LAB_BRIDGE, net $LAB_NET.0/24, dir $LAB_DIR, profile affected"
say "bench: nodefix $("$NODEFIX" --version 2>/dev/null | head -1) ($NODEFIX); ansible: $(ansible-playbook --version 2>/dev/null | head -1 || true)"
say "bench: uptime at start: $(uptime)"
[[ -x $NODEFIX ]] || { say "bench: $NODEFIX missing"; exit 0; }
t0=$(now_us)
if ! "$LAB" up "$N" > "$WORK/up" 2>&1; then say "bench: lab up $N FAILED:"; tail -n 5 "$WORK/up" | tee -a "$LOG"; exit 0; fi
t1=$(now_us)
SSHD_PIDS=$(awk '$1 == "pid" && $3 == "sshd" && $4 ~ /^[0-9]+$/ { print $4 }' "$LAB_DIR/state" 2>/dev/null)
say "bench: lab up $N: $(secs "$t0" "$t1") s"
"$NODEFIX" facts -i "$LAB_INVENTORY" -l "${LAB_PREFIX}001" >/dev/null 2>&1  # warm-up: class-data archive
t0=$(now_us)
fix=$("$NODEFIX" play "$PLAYBOOK" -i "$LAB_INVENTORY" --yes -f "$FORKS" --no-color 2>&1)
rc=$?; t1=$(now_us)
say "bench: the fix (not measured): $(secs "$t0" "$t1") s rc=$rc, $(grep -cE 'changed=3 ' <<< "$fix")/$N hosts changed=3"

for ((r = 1; r <= RUNS; r++)); do
  for tool in facts rerun ssh-true; do one_run "$tool" "$r"; done
done
if command -v ansible-playbook >/dev/null; then
  for ((r = 1; r <= ANSIBLE_RUNS; r++)); do one_run ansible "$r"; done
else
  say "  ansible: n/a (ansible-playbook not installed)"
fi
LOAD_END=$(loadavg)

# median TOOL FIELD -> the median of that field over the tool's runs (fields: 2 wall, 4 conns, 5 machine, 6 client, 7 nodes)
median() {
  awk -v t="$1" -v f="$2" '$1 == t { print $f }' "$RESULTS" | sort -g |
    awk '{ a[NR] = $1 } END { if (NR) print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
table() {
  local t runs
  echo
  echo "Medians over the runs (N=$N, FORKS=$FORKS). machine: busy CPU seconds of the whole machine during the run."
  printf '%-9s %5s %9s %12s %11s %10s %9s\n' tool runs "wall s" "machine s" "client s" "nodes s" "conns"
  for t in facts rerun ssh-true ansible; do
    runs=$(awk -v t="$t" '$1 == t' "$RESULTS" | wc -l)
    ((runs)) || continue
    printf '%-9s %5d %9.3f %12.2f %11.2f %10.2f %9d\n' "$t" "$runs" "$(median "$t" 2)" "$(median "$t" 5)" \
      "$(median "$t" 6)" "$(median "$t" 7)" "$(median "$t" 4)"
  done
  awk -v rw="$(median rerun 2)" -v rm="$(median rerun 5)" -v sw="$(median ssh-true 2)" -v sm="$(median ssh-true 5)" \
      -v aw="$(median ansible 2)" -v am="$(median ansible 5)" 'BEGIN {
    if (rw != "" && sm > 0) printf "rerun / ssh-true: machine CPU %.2fx, wall %.2fx\n", rm / sm, rw / sw
    if (aw != "" && rw > 0) printf "ansible / rerun: wall %.1fx, machine CPU %.1fx\n", aw / rw, (rm > 0 ? am / rm : 0) }'
}
table | tee -a "$LOG"
say "bench: load average at start: $LOAD_START, at end: $LOAD_END"
say "bench: uptime at end: $(uptime)"
exit 0
