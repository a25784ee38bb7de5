#!/usr/bin/env bash
# bench/loaded.sh -- benchmark (not a test): nodefix on a 100-node lab while another nodefix works on a
# second 100-node lab, with default options: does a loaded machine make hosts look unreachable? Run as root.
#
# Brings up two labs of BENCH_N (100) nodes, profile affected:
#   A  prefix blda, bridge nfxblda0, net 10.99.71, dir /tmp/nodefix-bench-loaded-a-lab, inventory .../a.yaml
#   B  prefix bldb, bridge nfxbldb0, net 10.99.72, dir /tmp/nodefix-bench-loaded-b-lab, inventory .../b.yaml
# A background loop runs `bin/nodefix facts -i B` back to back until the foreground is done. The
# foreground runs ROUNDS (3) rounds against A, each:
#   facts   bin/nodefix facts -i A
#   check   bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i A --check     (plans every host, changes nothing)
#   run     bin/nodefix run -a 'uname -r' -i A                                  (ssh fan-out, as bench/ssh-fanout.sh)
# Every run reports wall time, exit code and the hosts ok / unreachable / failed / missing parsed from its
# output (bench/lib/hosts.sh); both labs are healthy, so every unreachable or failed host is spurious.
# The background runs are listed too, with their totals. Also: uptime (load) and /proc/stat at start and
# end, machine busy CPU per foreground run. Results to BENCH_OUT (default bench/results-loaded-DATE.txt)
# and stdout. Both labs go down at the end, also on Ctrl-C or failure. Exits 0.
# Env: BENCH_N=100, ROUNDS=3, NODEFIX=<repo>/bin/nodefix, BENCH_PLAYBOOK=<repo>/playbooks/fix-vxlan-checksum.yaml,
#      BENCH_NET_A=10.99.71, BENCH_NET_B=10.99.72, BENCH_KEEP_OUTPUT=DIR (every run's whole output), LAB_CMD
set -uo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
LAB=${LAB_CMD:-$REPO/lab/lab}
NODEFIX=${NODEFIX:-$REPO/bin/nodefix}
PLAYBOOK=${BENCH_PLAYBOOK:-$REPO/playbooks/fix-vxlan-checksum.yaml}
OUT=${BENCH_OUT:-$REPO/bench/results-loaded-$(date +%F).txt}
KEEP=${BENCH_KEEP_OUTPUT:-}
N=${BENCH_N:-100}
ROUNDS=${ROUNDS:-3}
[[ $(id -u) = 0 ]] || { echo "bench: must run as root (the lab needs it)" >&2; exit 0; }
[[ $N =~ ^[1-9][0-9]*$ && $N -le 200 && $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_N must be 1..200, ROUNDS >= 1" >&2; exit 0; }
[[ -f $REPO/target/nodefix.jar ]] || { echo "bench: build first: mvn -B -q package -DskipTests" >&2; exit 0; }

# shellcheck source=lib/cpu.sh
. "$REPO/bench/lib/cpu.sh"
# shellcheck source=lib/hosts.sh
. "$REPO/bench/lib/hosts.sh"
WORK=$(mktemp -d /tmp/nodefix-bench-loaded.XXXXXX)
export XDG_STATE_HOME=$WORK/state
labenv() {  # A|B -> the lab's env assignments
  case $1 in
    A) echo LAB_PREFIX=blda LAB_BRIDGE=nfxblda0 "LAB_NET=${BENCH_NET_A:-10.99.71}" LAB_DIR=/tmp/nodefix-bench-loaded-a-lab \
         LAB_INVENTORY=/tmp/nodefix-bench-loaded-a.yaml ;;
    B) echo LAB_PREFIX=bldb LAB_BRIDGE=nfxbldb0 "LAB_NET=${BENCH_NET_B:-10.99.72}" LAB_DIR=/tmp/nodefix-bench-loaded-b-lab \
         LAB_INVENTORY=/tmp/nodefix-bench-loaded-b.yaml ;;
  esac
}
lab() { local which=$1; shift; env $(labenv "$which") "$LAB" "$@"; }   # word splitting intended
INV_A=/tmp/nodefix-bench-loaded-a.yaml INV_B=/tmp/nodefix-bench-loaded-b.yaml
BG_PID=""
cleanup() {
  trap - EXIT INT TERM
  rm -f "$WORK/bg.run"
  if [[ -n $BG_PID ]]; then kill "$BG_PID" 2>/dev/null; wait "$BG_PID" 2>/dev/null; fi
  lab A down >/dev/null 2>&1 || echo "bench: lab A down failed: $(labenv A) $LAB down" >&2
  lab B down >/dev/null 2>&1 || echo "bench: lab B down failed: $(labenv B) $LAB down" >&2
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 0' INT TERM

: > "$OUT"
say() { echo "$*" | tee -a "$OUT"; }
secs() { printf '%.2f' "$((($2 - $1) / 10000))e-2"; }

say "# bench/loaded.sh: $ROUNDS rounds on lab A ($N nodes) while facts runs in a loop on lab B ($N nodes)  $(date -u '+%F %T UTC')  $(nproc) CPUs  commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo ?)"
say "start: uptime: $(uptime)"
say "start: /proc/stat $(head -1 /proc/stat)"
for w in A B; do
  t0=$(now_us)
  if ! lab "$w" up "$N" > "$WORK/up-$w.txt" 2>&1; then
    say "lab $w up $N FAILED:"; tail -n 8 "$WORK/up-$w.txt" | sed 's/^/  | /' | tee -a "$OUT"; exit 0
  fi
  say "lab $w up $N: $(secs "$t0" "$(now_us)") s  ($(labenv "$w" | tr ' ' '\n' | grep -E 'PREFIX|NET' | paste -sd ' '))"
done
# warm-up (not measured): the launcher's class-data archive
"$NODEFIX" facts -i "$INV_A" -l blda001 > /dev/null 2>&1 || true

# one_run NAME KIND OUTFILE CMD... -> prints "NAME wall rc ok unr fail miss"; the output stays in OUTFILE
one_run() {
  local name=$1 kind=$2 out=$3 t0 t1 rc ok unr fail seen
  shift 3
  t0=$(now_us); "$@" > "$out" 2>&1; rc=$?; t1=$(now_us)
  read -r ok unr fail seen < <(host_counts "$kind" "$out" "$PFX")
  printf '%-10s %8s %3d %5d %4d %4d %4d' "$name" "$(secs "$t0" "$t1")" "$rc" "$ok" "$unr" "$fail" "$((N - seen))"
}

# background: facts on B, back to back, until bg.run goes away
: > "$WORK/bg.run"
(
  trap - EXIT INT TERM
  PFX=bldb k=0
  while [[ -e $WORK/bg.run ]]; do
    k=$((k + 1))
    printf '%s  %s\n' "$(one_run "bg-facts$k" facts "$WORK/bg-$k.txt" "$NODEFIX" facts -i "$INV_B")" "$(date -u +%T)" >> "$WORK/bg.txt"
    host_problems facts "$WORK/bg-$k.txt" bldb 3 | sed "s/^/  bg-facts$k: /" >> "$WORK/bg-problems.txt"
    [[ -n $KEEP ]] && mkdir -p "$KEEP" && cp "$WORK/bg-$k.txt" "$KEEP/loaded-bg-facts$k.txt"
  done
) &
BG_PID=$!
sleep 2   # the background run is connecting when the first foreground run starts

say ""
say "$(printf '%-10s %8s %3s %5s %4s %4s %4s  %s' run wall_s rc ok unr fail miss machine_cpu_s)"
PFX=blda
fg_unr=0 fg_fail=0 problems=""
for ((r = 1; r <= ROUNDS; r++)); do
  for spec in "facts:facts:$NODEFIX facts -i $INV_A" "check:play:$NODEFIX play $PLAYBOOK -i $INV_A --check" \
              "run:run:$NODEFIX run -a uname\ -r -i $INV_A"; do
    IFS=: read -r name kind cmd <<< "$spec"
    out=$WORK/fg-$name-$r.txt
    m0=$(machine_ticks)
    if [[ $name = run ]]; then line=$(one_run "$name$r" "$kind" "$out" "$NODEFIX" run -a 'uname -r' -i "$INV_A")
    else read -ra argv <<< "$cmd"; line=$(one_run "$name$r" "$kind" "$out" "${argv[@]}"); fi
    m1=$(machine_ticks)
    say "$line  $(ticks_s $((m1 - m0)))"
    read -r _ _ _ _ u f _ <<< "$line"
    fg_unr=$((fg_unr + u)) fg_fail=$((fg_fail + f))
    problems+=$(host_problems "$kind" "$out" blda 5 | sed "s/^/  $name$r: /")
    [[ -n $problems ]] && problems+=$'\n'
    [[ -n $KEEP ]] && mkdir -p "$KEEP" && cp "$out" "$KEEP/loaded-$name$r.txt"
  done
done
rm -f "$WORK/bg.run"
say "(waiting for the background run in progress)"
wait "$BG_PID"; BG_PID=""
say ""
say "background (facts on lab B, back to back):"
sed 's/^/  /' "$WORK/bg.txt" | tee -a "$OUT"
read -r bg_runs bg_unr bg_fail < <(awk '{ n++; u += $5; f += $6 } END { print n + 0, u + 0, f + 0 }' "$WORK/bg.txt")
say ""
say "foreground: $ROUNDS rounds x 3 commands on $N hosts: $fg_unr hosts reported unreachable, $fg_fail failed (all spurious)"
say "background: $bg_runs facts runs on $N hosts: $bg_unr hosts reported unreachable, $bg_fail failed (all spurious)"
if [[ -n $problems || -s $WORK/bg-problems.txt ]]; then
  say "hosts not ok (first rows of each run):"
  [[ -n $problems ]] && printf '%s' "$problems" | tee -a "$OUT"
  [[ -s $WORK/bg-problems.txt ]] && tee -a "$OUT" < "$WORK/bg-problems.txt"
fi
say "end: uptime: $(uptime)"
say "end: /proc/stat $(head -1 /proc/stat)"
echo "results: $OUT"
exit 0
