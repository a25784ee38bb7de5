#!/usr/bin/env bash
# bench/scale.sh [N] -- benchmark (not a test): nodefix on a big lab (default N=500 nodes), and the
# controller's own cost per node. Run as root.
#
# Brings up an N-node lab (profile affected; own prefix bsca, bridge nfxbsca0, net 10.99.76 -- a /22 from 201
# nodes on: 10.99.76.0-10.99.79.255 --, dir /tmp/nodefix-bench-scale-lab, inventory
# /tmp/nodefix-bench-scale.yaml) and runs, with default options and one temporary XDG_STATE_HOME (the
# rollback needs the play's run record):
#   facts      bin/nodefix facts -i INV
#   play       bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i INV --yes     (changes every node)
#   play-again the same (nothing left to change)
#   rollback   bin/nodefix rollback --last --yes -i INV
# For each: wall time, exit code, hosts ok/unreachable/failed/missing parsed from the output (the facts
# table, the PLAY RECAP, the rollback RECAP; every host should be ok: anything else is a spurious failure
# on a healthy lab), the changed count, and the java process alone (bench/lib/jmeasure.py): CPU
# (utime+stime from /proc/PID/stat of the exited, not yet reaped process), peak RSS (VmHWM sampled every
# 20 ms), heap from -Xlog:gc+heap (peak used incl. garbage, largest live after a GC, committed, GC count),
# and per node: CPU ms/node, peak heap KiB/node, live heap KiB/node. bin/nodefix execs java, so the measured
# PID is java's. facts-1 (facts -l NODE1 on the same inventory) gives the fixed cost, and the marginal cost
# per node of facts is (facts - facts-1) / (N - 1). A warm-up `facts -l NODE1` first makes the launcher's class-data archive, so no measured
# run takes the launcher branch that runs java as a child (the comm column says java when it did not).
# Also: lab up/down wall time and step times (LAB_TIMING=1), free -m before/after, uptime and the
# machine's /proc/stat CPU (busy ticks over each command) at start and end. Results to
# BENCH_OUT (default bench/results-scale-DATE.txt) and stdout. Lab down also on Ctrl-C or failure. Exits 0.
# Env: NODEFIX=<repo>/bin/nodefix, BENCH_PLAYBOOK=<repo>/playbooks/fix-vxlan-checksum.yaml,
#      BENCH_PREFIX=bsca, BENCH_BRIDGE=nfxbsca0, BENCH_NET=10.99.76, BENCH_DIR=/tmp/nodefix-bench-scale-lab,
#      BENCH_INVENTORY=/tmp/nodefix-bench-scale.yaml, BENCH_KEEP_OUTPUT=DIR (each command's whole output),
#      JAVA_TOOL_OPTIONS (passed on, e.g. -Xmx64m to check the heap target as a limit), LAB_CMD=<repo>/lab/lab
set -uo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
LAB=${LAB_CMD:-$REPO/lab/lab}
NODEFIX=${NODEFIX:-$REPO/bin/nodefix}
PLAYBOOK=${BENCH_PLAYBOOK:-$REPO/playbooks/fix-vxlan-checksum.yaml}
OUT=${BENCH_OUT:-$REPO/bench/results-scale-$(date +%F).txt}
KEEP=${BENCH_KEEP_OUTPUT:-}
N=${1:-500}
export LAB_PREFIX=${BENCH_PREFIX:-bsca} LAB_BRIDGE=${BENCH_BRIDGE:-nfxbsca0} LAB_NET=${BENCH_NET:-10.99.76}
export LAB_DIR=${BENCH_DIR:-/tmp/nodefix-bench-scale-lab} LAB_INVENTORY=${BENCH_INVENTORY:-/tmp/nodefix-bench-scale.yaml}
[[ $(id -u) = 0 ]] || { echo "bench: must run as root (the lab needs it)" >&2; exit 0; }
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "bench: N must be a number >= 1, got '$N'" >&2; exit 0; }
[[ -f $REPO/target/nodefix.jar ]] || { echo "bench: build first: mvn -B -q package -DskipTests" >&2; exit 0; }

# shellcheck source=lib/cpu.sh
. "$REPO/bench/lib/cpu.sh"
# shellcheck source=lib/hosts.sh
. "$REPO/bench/lib/hosts.sh"
WORK=$(mktemp -d /tmp/nodefix-bench-scale.XXXXXX)
export XDG_STATE_HOME=$WORK/state
cleanup() {
  trap - EXIT INT TERM
  "$LAB" down >/dev/null 2>&1 || echo "bench: lab down failed; run: LAB_PREFIX=$LAB_PREFIX LAB_BRIDGE=$LAB_BRIDGE LAB_DIR=$LAB_DIR LAB_INVENTORY=$LAB_INVENTORY $LAB down" >&2
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 0' INT TERM

: > "$OUT"
say() { echo "$*" | tee -a "$OUT"; }
proc_stat_cpu() { head -1 /proc/stat; }
mem_used() { free -m | awk '$1 == "Mem:" { print $3 " MiB used, " $7 " MiB available" }'; }

say "# bench/scale.sh $N  $(date -u '+%F %T UTC')  $(nproc) CPUs  commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo ?)"
say "start: uptime: $(uptime)"
say "start: /proc/stat $(proc_stat_cpu)"
say "memory before up: $(mem_used)"

t0=$(now_us)
if ! LAB_TIMING=1 "$LAB" up "$N" > "$WORK/up.txt" 2>&1; then
  say "lab up $N FAILED:"; tail -n 8 "$WORK/up.txt" | sed 's/^/  | /' | tee -a "$OUT"; exit 0
fi
t1=$(now_us)
say "lab up $N: $(printf '%.2f' "$(((t1 - t0) / 10000))e-2") s  (load average $(cut -d' ' -f1-3 /proc/loadavg))"
grep -E '^lab: (timing: [a-z]|up: /proc)' "$WORK/up.txt" | grep -v 'timing: teardown' | sed 's/^lab: /  /' | tee -a "$OUT"
say "memory after up: $(mem_used)"

# warm-up (not measured): the launcher makes its class-data archive on the first facts after a build
"$NODEFIX" facts -i "$LAB_INVENTORY" -l "$(printf '%s%03d' "$LAB_PREFIX" 1)" > "$WORK/warmup.txt" 2>&1 || true

say ""
say "$(printf '%-10s %8s %3s %5s %4s %4s %4s %7s | %-4s %8s %8s %8s %8s %8s %4s | %7s %9s %9s | %s' \
  command wall_s rc ok unr fail miss changed comm cpu_ms hwm_MiB heapPk_M heapLv_M heapCm_M gcs \
  cpu_ms/n heapPk_KiB/n heapLv_KiB/n machine_cpu_s)"
run() {  # NAME KIND CMD...
  local name=$1 kind=$2 m0 m1 line out=$WORK/$1.txt
  shift 2
  m0=$(machine_ticks)
  line=$(python3 "$REPO/bench/lib/jmeasure.py" "$out" -- "$@")
  m1=$(machine_ticks)
  local rc wall_ms comm cpu_ms hwm_kib heap_peak_kib heap_live_kib heap_committed_kib gcs
  eval "$line"   # rc=.. wall_ms=.. (numbers and a process name only)
  local ok unr fail seen
  read -r ok unr fail seen < <(host_counts "$kind" "$out" "$LAB_PREFIX")
  local div=$N
  [[ $name = facts-1 ]] && seen=$N div=1   # one host asked for
  R_CPU=$cpu_ms R_PEAK=$heap_peak_kib
  local miss=$((N - seen))
  [[ $kind = rollback ]] && miss=-   # a rollback lists only the hosts the run it undoes changed
  say "$(printf '%-10s %8.2f %3d %5d %4d %4d %4s %7s | %-4s %8d %8.1f %8.1f %8.1f %8.1f %4d | %7.2f %9.1f %9.1f | %s' \
    "$name" "${wall_ms}e-3" "$rc" "$ok" "$unr" "$fail" "$miss" "$( [[ $kind = facts ]] && echo - || recap_changed "$out")" \
    "$comm" "$cpu_ms" "$((hwm_kib * 10 / 1024))e-1" "$((heap_peak_kib * 10 / 1024))e-1" "$((heap_live_kib * 10 / 1024))e-1" \
    "$((heap_committed_kib * 10 / 1024))e-1" "$gcs" "$((cpu_ms * 100 / div))e-2" "$((heap_peak_kib * 10 / div))e-1" \
    "$((heap_live_kib * 10 / div))e-1" "$(ticks_s $((m1 - m0)))")"
  PROBLEMS+=("$(host_problems "$kind" "$out" "$LAB_PREFIX" | sed "s/^/  $name: /")")
  ((rc == 0)) || PROBLEMS+=("  $name: exit $rc; last lines:"$'\n'"$(tail -n 4 "$out" | sed 's/^/    | /')")
  [[ -n $KEEP ]] && mkdir -p "$KEEP" && cp "$out" "$KEEP/scale-$N-$name.txt"
}
PROBLEMS=()
node1=$(printf '%s%03d' "$LAB_PREFIX" 1)
run facts-1 facts "$NODEFIX" facts -i "$LAB_INVENTORY" -l "$node1"
cpu1=$R_CPU peak1=$R_PEAK
run facts facts "$NODEFIX" facts -i "$LAB_INVENTORY"
if ((N > 1)); then
  say "$(printf 'facts marginal per node ((facts - facts-1) / %d): cpu %.2f ms/node, peak heap %.1f KiB/node' $((N - 1)) \
    "$(((R_CPU - cpu1) * 100 / (N - 1)))e-2" "$(((R_PEAK - peak1) * 10 / (N - 1)))e-1")"
fi
run play play "$NODEFIX" play "$PLAYBOOK" -i "$LAB_INVENTORY" --yes
run play-again play "$NODEFIX" play "$PLAYBOOK" -i "$LAB_INVENTORY" --yes
run rollback rollback "$NODEFIX" rollback --last --yes -i "$LAB_INVENTORY"
say "(ok/unr/fail/miss: hosts ok, unreachable, failed, missing from the output, of $N (rollback: of the hosts in the"
say " run it undoes); cpu_ms: the java process's"
say " utime+stime; hwm: its peak RSS; heapPk: peak heap used incl. garbage; heapLv: largest heap live after a GC;"
say " heapCm: committed; per node = total / $N (facts-1: / 1); machine_cpu_s: busy CPU of the whole machine during the command)"
problems=$(printf '%s\n' "${PROBLEMS[@]}" | sed '/^$/d')
if [[ -n $problems ]]; then say "hosts not ok (first 5 per command):"; say "$problems"; else say "every host ok in every command"; fi

say ""
say "memory before down: $(mem_used)"
t0=$(now_us)
LAB_TIMING=1 "$LAB" down > "$WORK/down.txt" 2>&1
t1=$(now_us)
say "lab down: $(printf '%.2f' "$(((t1 - t0) / 10000))e-2") s"
grep -E '^lab: timing:' "$WORK/down.txt" | sed 's/^lab: /  /' | tee -a "$OUT"
say "memory after down: $(mem_used)"
say "end: uptime: $(uptime)"
say "end: /proc/stat $(proc_stat_cpu)"
echo "results: $OUT"
exit 0
