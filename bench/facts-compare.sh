#!/usr/bin/env bash
# Compares `nodefix facts` of two builds on one 100-node lab, alternating runs, with the machine's CPU.
# usage: bench/facts-compare.sh BASE_CHECKOUT NEW_CHECKOUT [RUNS]   (each checkout built: target/nodefix.jar)
# e.g.:  git worktree add /tmp/bench-base 4f7bca2 && (cd /tmp/bench-base && mvn -B -q package -DskipTests)
#        bench/facts-compare.sh /tmp/bench-base . 7 | tee bench/results-facts-<date>.txt
# Prints one line per run: build run wall_seconds rc busy_cpu_ticks (/proc/stat, all CPUs, USER_HZ), then medians.
# Root only (the lab). The lab is brought down at the end.
set -euo pipefail
base=$(cd "$1" && pwd) new=$(cd "$2" && pwd) runs=${3:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
export LAB_PREFIX=bnch LAB_BRIDGE=nfxbench0 LAB_NET=10.99.2 LAB_DIR=/tmp/nodefix-bench-lab LAB_INVENTORY=/tmp/nodefix-bench-inv.yaml
trap '"$here/lab/lab" down >/dev/null 2>&1 || true' EXIT
"$here/lab/lab" up 100 >/dev/null

busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
run() {
  local name=$1 dir=$2 i=$3 t0 t1 c0 c1 rc
  c0=$(busy); t0=$(date +%s.%N)
  "$dir/bin/nodefix" facts -i "$LAB_INVENTORY" >/dev/null 2>&1 && rc=0 || rc=$?
  t1=$(date +%s.%N); c1=$(busy)
  echo "$name $i $(echo "$t1 - $t0" | bc) rc=$rc ticks=$((c1 - c0))"
}
echo "# nodefix facts on a 100-node lab: base $base ($(git -C "$base" rev-parse --short HEAD)) vs new $new ($(git -C "$new" rev-parse --short HEAD)), $runs runs each, alternating, $(date -u +%F)"
echo "# uptime before: $(uptime)"
"$base/bin/nodefix" facts -i "$LAB_INVENTORY" >/dev/null 2>&1 || true   # warm-up (class-data archive, caches)
"$new/bin/nodefix" facts -i "$LAB_INVENTORY" >/dev/null 2>&1 || true
out=$(for i in $(seq 1 "$runs"); do run base "$base" "$i"; run new "$new" "$i"; done)
echo "$out"
echo "# uptime after: $(uptime)"
median() { echo "$out" | awk -v b="$1" -v f="$2" '$1 == b { sub(/^[a-z]+=/, "", $f); print $f }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
bw=$(median base 3) nw=$(median new 3) bt=$(median base 5) nt=$(median new 5)
echo "# medians: base ${bw} s / ${bt} ticks; new ${nw} s / ${nt} ticks: $(echo "scale=1; ($nw - $bw) * 100 / $bw" | bc)% wall, $(echo "scale=1; ($nt - $bt) * 100 / $bt" | bc)% CPU"
