#!/usr/bin/env bash
# bench/ssh-fanout.sh [N...] -- benchmark (not a test): run `uname -r` on every node of a fresh lab
# with nodefix, Ansible and a plain parallel ssh loop; print median wall times. Run as root.
#
# For each N (default: 3 20 100) it brings up a dedicated lab (own prefix, bridge, net, dir and
# inventory, so it can run next to a demo or test lab), times RUNS runs of each tool, and takes the
# lab down again (also on Ctrl-C or failure). Exits 0; a tool that fails shows up in the table.
#   nodefix     bin/nodefix run -a 'uname -r' -i INV -f FORKS   ("n/a" if missing or failing)
#   ansible     ansible all -i INV -m command -a 'uname -r' -f FORKS (host key checking on; a fresh
#               ControlPath dir per run, so no run reuses another run's connections)
#   ssh-loop    xargs -P N ssh -F ssh_config NAME uname -r   (one fresh connection per node)
# Each run also prints CPU seconds: "client" (the tool and every process it started, from this shell's
# reaped-children times), "nodes" (every lab sshd listener's own and reaped-children times: sshd per
# connection plus what ran in the session) and "machine" (all CPUs busy, /proc/stat: also other users' load).
# Env: RUNS=3, FORKS=50, BENCH_PREFIX=bnch, BENCH_BRIDGE=nfxbench0, BENCH_NET=10.99.2,
#      BENCH_DIR=/tmp/nodefix-bench-lab, NODEFIX=<repo>/bin/nodefix, BENCH_TOOLS="nodefix ansible ssh-loop",
#      LAB_CMD=<repo>/lab/lab (e.g. a copy of lab/ taken before someone else edits it)
set -uo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
LAB=${LAB_CMD:-$REPO/lab/lab}
RUNS=${RUNS:-3}
FORKS=${FORKS:-50}
NODEFIX=${NODEFIX:-$REPO/bin/nodefix}
TOOLS=${BENCH_TOOLS:-nodefix ansible ssh-loop}
if (($#)); then SIZES=("$@"); else SIZES=(3 20 100); fi
export LAB_PREFIX=${BENCH_PREFIX:-bnch} LAB_BRIDGE=${BENCH_BRIDGE:-nfxbench0} LAB_NET=${BENCH_NET:-10.99.2}
export LAB_DIR=${BENCH_DIR:-/tmp/nodefix-bench-lab}
export LAB_INVENTORY=$LAB_DIR.yaml
ANS=/tmp/nodefix-bench-ansible
export ANSIBLE_HOME=$ANS ANSIBLE_LOCAL_TEMP=$ANS/tmp ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_NOCOLOR=1 \
  ANSIBLE_DEPRECATION_WARNINGS=False ANSIBLE_SYSTEM_WARNINGS=False ANSIBLE_RETRY_FILES_ENABLED=False \
  ANSIBLE_STDOUT_CALLBACK=default
KERNEL=$(uname -r)
# BENCH_TASK=uname (default): `run -a 'uname -r'` vs `ansible -m command` vs `ssh NODE uname -r`;
# BENCH_TASK=facts: `nodefix facts` vs `ansible -m setup` vs `ssh NODE sh -s < collector` (the same script)
TASK=${BENCH_TASK:-uname}
case "$TASK" in
  uname) NODEFIX_TASK=(run -a 'uname -r'); ANSIBLE_TASK=(-m command -a 'uname -r') ;;
  facts) NODEFIX_TASK=(facts); ANSIBLE_TASK=(-m setup)
         COLLECTOR=$(mktemp /tmp/nodefix-bench-collector.XXXXXX)
         "$NODEFIX" collect-script > "$COLLECTOR" 2>/dev/null || echo "bench: nodefix collect-script failed" >&2 ;;
  *) echo "bench: BENCH_TASK must be uname or facts" >&2; exit 0 ;;
esac
[[ $(id -u) = 0 ]] || { echo "bench: must run as root (the lab needs it)" >&2; exit 0; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS must be >= 1" >&2; exit 0; }

cleanup() {
  trap - EXIT INT TERM
  "$LAB" down >/dev/null 2>&1 || echo "bench: lab down failed; run: LAB_PREFIX=$LAB_PREFIX LAB_DIR=$LAB_DIR $LAB down" >&2
  rm -rf "$ANS"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 0' INT TERM

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# shellcheck source=lib/cpu.sh
. "$REPO/bench/lib/cpu.sh"

# run_tool TOOL N -> appends "N TOOL median runs ok" to $RESULTS; prints each run
run_tool() {
  local tool=$1 n=$2 r t0 t1 rc out ok times=() oks=() cp c0 c1 n0 n1 m0 m1 ccpu=() ncpu=()
  for ((r = 1; r <= RUNS; r++)); do
    cp=""
    c0=$(client_ticks) n0=$(nodes_ticks) m0=$(machine_ticks)
    case "$tool" in
      nodefix)
        if [[ ! -x $NODEFIX ]]; then echo "  nodefix: n/a ($NODEFIX missing)"; echo "$n $tool n/a 0 - - -" >> "$RESULTS"; return; fi
        t0=$(now_us); out=$("$NODEFIX" "${NODEFIX_TASK[@]}" -i "$LAB_INVENTORY" -f "$FORKS" 2>&1); rc=$?; t1=$(now_us) ;;
      ansible)
        cp=$(mktemp -d /tmp/nodefix-bench-cp.XXXXXX)
        t0=$(now_us)
        out=$(ANSIBLE_SSH_CONTROL_PATH_DIR=$cp ansible all -i "$LAB_INVENTORY" "${ANSIBLE_TASK[@]}" -f "$FORKS" 2>&1); rc=$?
        t1=$(now_us) ;;
      ssh-loop)
        t0=$(now_us)
        if [[ $TASK = facts ]]; then
          out=$(awk '{ print $1 }' "$LAB_DIR/nodes.txt" | xargs -P "$n" -I{} sh -c 'ssh -F "$1" "$2" sh -s < "$3"' _ \
                "$LAB_DIR/ssh_config" {} "$COLLECTOR" 2>&1); rc=$?
        else
          out=$(awk '{ print $1 }' "$LAB_DIR/nodes.txt" | xargs -P "$n" -I{} ssh -F "$LAB_DIR/ssh_config" {} uname -r 2>&1); rc=$?
        fi
        t1=$(now_us) ;;
    esac
    c1=$(client_ticks)
    [[ -n $cp ]] && close_masters "$cp"
    sleep 0.3  # closed sessions' sshd exit and are reaped by their listener (Ansible's only when its masters close)
    n1=$(nodes_ticks) m1=$(machine_ticks)
    if [[ $TASK = facts && $tool = ansible ]]; then ok=$(grep -c '"ansible_kernel": "' <<< "$out")
    else ok=$(grep -c -- "$KERNEL" <<< "$out"); fi
    printf '  %-8s N=%-3d run %d: %7.3f s  rc=%d  ok=%d/%d  cpu s: client %s, nodes %s, machine %s\n' "$tool" "$n" "$r" \
      "$(((t1 - t0) / 1000))e-3" "$rc" "$ok" "$n" "$(ticks_s $((c1 - c0)))" "$(ticks_s $((n1 - n0)))" "$(ticks_s $((m1 - m0)))"
    if [[ $tool = nodefix && $r = 1 ]] && ((rc != 0 || ok == 0)); then
      echo "  nodefix: n/a (rc=$rc, printed the kernel for $ok of $n nodes; last output lines:)"
      tail -n 3 <<< "$out" | sed 's/^/    | /'
      echo "$n $tool n/a 0 - - -" >> "$RESULTS"; return
    fi
    times+=("$(((t1 - t0) / 1000))e-3"); oks+=("$ok"); ccpu+=("$(ticks_s $((c1 - c0)))"); ncpu+=("$(ticks_s $((n1 - n0)))")
  done
  local med minok
  med=$(printf '%s\n' "${times[@]}" | awk '{ printf "%.3f\n", $1 }' | median)
  minok=$(printf '%s\n' "${oks[@]}" | sort -n | head -1)
  echo "$n $tool $med ${#times[@]} $minok $(printf '%s\n' "${ccpu[@]}" | median) $(printf '%s\n' "${ncpu[@]}" | median)" >> "$RESULTS"
}

RESULTS=$(mktemp /tmp/nodefix-bench-results.XXXXXX)
echo "bench: $(date -Is) host $(uname -n) kernel $KERNEL, $(nproc) CPUs, RUNS=$RUNS FORKS=$FORKS, task: $TASK, tools: $TOOLS"
echo "bench: lab prefix $LAB_PREFIX, bridge $LAB_BRIDGE, net $LAB_NET.0/24, dir $LAB_DIR"
for n in "${SIZES[@]}"; do
  echo "== N=$n (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  t0=$(now_us)
  if ! "$LAB" up "$n" > "$RESULTS.up" 2>&1; then
    echo "  lab up $n FAILED:"; tail -n 5 "$RESULTS.up" | sed 's/^/    | /'; continue
  fi
  t1=$(now_us)
  printf '  lab up %d: %.2f s\n' "$n" "$(((t1 - t0) / 1000))e-3"
  SSHD_PIDS=$(awk '$1 == "pid" && $3 == "sshd" && $4 ~ /^[0-9]+$/ { print $4 }' "$LAB_DIR/state" 2>/dev/null)
  rm -rf "$ANS"; mkdir -p "$ANS/tmp"
  for tool in $TOOLS; do run_tool "$tool" "$n"; done
  echo "  load average after N=$n: $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(now_us); "$LAB" down > /dev/null 2>&1; t1=$(now_us)
  printf '  lab down %d: %.2f s\n' "$n" "$(((t1 - t0) / 1000))e-3"
done

echo
echo "Median wall time of $RUNS runs (task $TASK on every node, forks/parallelism $FORKS; ssh-loop: N)"
echo "(cpu: median CPU seconds per run of the tool's own processes (client) and of the lab's sshd with what ran in"
echo " their sessions (nodes))"
printf '%-5s %-9s %10s %6s %-8s %-17s %11s %9s\n' N tool "median s" runs "min ok" "ratio vs nodefix" "client cpu" "nodes cpu"
awk '
  { n[NR] = $1; tool[NR] = $2; med[NR] = $3; runs[NR] = $4; ok[NR] = $5; cc[NR] = $6; nc[NR] = $7
    if ($2 == "nodefix" && $3 != "n/a") nf[$1] = $3 }
  END {
    for (i = 1; i <= NR; i++) {
      ratio = "n/a"
      if ((n[i] in nf) && med[i] != "n/a" && nf[n[i]] > 0) ratio = sprintf("%.2fx", med[i] / nf[n[i]])
      printf "%-5s %-9s %10s %6s %-8s %-17s %11s %9s\n", n[i], tool[i], med[i], runs[i], ok[i] (ok[i] == "-" ? "" : "/" n[i]), ratio, cc[i], nc[i]
    }
  }' "$RESULTS"
rm -f "$RESULTS" "$RESULTS.up" "${COLLECTOR:-}"
exit 0
