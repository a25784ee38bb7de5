#!/usr/bin/env bash
# bench/lab-updown.sh [N...] -- benchmark (not a test): wall time of `lab/lab up N` and `lab/lab down`
# for N in 3 20 100 (default), RUNS times each (default 3), on a dedicated lab (prefix bnch,
# bridge nfxbench0, net 10.99.2, dir /tmp/nodefix-bench-lab; override with BENCH_*). Run as root.
# Also reports, per run, the CPU time the lab used (all processes it started, from a temporary
# cpuacct cgroup, when cgroup v1 cpuacct or cgroup v2 is writable) and the machine's CPU pressure
# (/proc/pressure/cpu "some avg10"): wall times on a shared 2-CPU VM depend mostly on what else
# runs, CPU seconds much less. Leaves no lab behind. Exits 0.
set -uo pipefail
REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
LAB=$REPO/lab/lab
RUNS=${RUNS:-3}
if (($#)); then SIZES=("$@"); else SIZES=(3 20 100); fi
export LAB_PREFIX=${BENCH_PREFIX:-bnch} LAB_BRIDGE=${BENCH_BRIDGE:-nfxbench0} LAB_NET=${BENCH_NET:-10.99.2}
export LAB_DIR=${BENCH_DIR:-/tmp/nodefix-bench-lab}
export LAB_INVENTORY=$LAB_DIR.yaml
[[ $(id -u) = 0 ]] || { echo "bench: must run as root" >&2; exit 0; }

CG=""
if [[ -d /sys/fs/cgroup/cpuacct && -w /sys/fs/cgroup/cpuacct ]]; then
  CG=/sys/fs/cgroup/cpuacct/nodefix-bench-$$; CGFILE=cpuacct.usage; CGPROCS=tasks
elif [[ -f /sys/fs/cgroup/cgroup.controllers && -w /sys/fs/cgroup ]]; then
  CG=/sys/fs/cgroup/nodefix-bench-$$; CGFILE=cpu.stat; CGPROCS=cgroup.procs
fi
cleanup() {
  trap - EXIT INT TERM
  "$LAB" down >/dev/null 2>&1
  if [[ -n $CG && -d $CG ]]; then
    # move what is still in our cgroup back to the root before removing it
    local p; for p in $(cat "$CG/$CGPROCS" 2>/dev/null); do echo "$p" > "${CG%/*}/$CGPROCS" 2>/dev/null; done
    rmdir "$CG" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 0' INT TERM
cpu_us() {  # CPU time used so far by the cgroup, microseconds
  [[ -n $CG ]] || { echo 0; return; }
  if [[ $CGFILE = cpuacct.usage ]]; then echo $(( $(<"$CG/cpuacct.usage") / 1000 ))
  else awk '$1 == "usage_usec" { print $2 }' "$CG/cpu.stat"; fi
}
pressure() { awk -F'[ =]' '/^some/ { print $3 }' /proc/pressure/cpu 2>/dev/null || echo "?"; }
now_us() { echo "${EPOCHREALTIME/./}"; }

if [[ -n $CG ]] && mkdir "$CG" 2>/dev/null && echo $$ > "$CG/$CGPROCS" 2>/dev/null; then :; else CG=""; fi
echo "bench: $(date -Is) kernel $(uname -r), $(nproc) CPUs, RUNS=$RUNS, cpu accounting: ${CG:-none}"
printf '%-4s %-4s %9s %9s %10s %10s %12s %s\n' N run "up s" "down s" "up cpu s" "cpu/node" "psi before" "psi after"
for n in "${SIZES[@]}"; do
  for ((r = 1; r <= RUNS; r++)); do
    "$LAB" down >/dev/null 2>&1
    p0=$(pressure); c0=$(cpu_us); t0=$(now_us)
    if ! "$LAB" up "$n" >/tmp/nodefix-bench-up.log 2>&1; then
      echo "bench: up $n failed:"; tail -n 5 /tmp/nodefix-bench-up.log; continue
    fi
    t1=$(now_us); c1=$(cpu_us); p1=$(pressure)
    "$LAB" down >/dev/null 2>&1
    t2=$(now_us)
    printf '%-4s %-4s %9.2f %9.2f %10.2f %10s %12s %s\n' "$n" "$r" "$(((t1 - t0) / 1000))e-3" "$(((t2 - t1) / 1000))e-3" \
      "$(((c1 - c0) / 1000))e-3" "$(( (c1 - c0) / n / 1000 )) ms" "$p0" "$p1"
  done
done
rm -f /tmp/nodefix-bench-up.log
exit 0
