#!/usr/bin/env bash
# bench/inventory-list.sh [HOSTS] -- benchmark (not a test): `nodefix inventory --list` vs `ansible-inventory
# --list` on the same generated inventory directory, HOSTS hosts (default 1000):
#   inv/hosts.yaml      k3s_cluster with children server (3 hosts) and agent (the rest, as a range per 100),
#                       rack_NN groups of 50 hosts each, a few inventory vars per group
#   inv/group_vars/     all.yml, k3s_cluster.yml, server.yml, agent/ (a directory of two files), rack_NN.yml
#   inv/host_vars/      one file per host (ansible_host and two more variables)
# Each tool runs 3 times (after one warm-up run that is not counted); the median wall time is printed, with
# the tool's own CPU time (user+sys of the reaped processes) and the machine's busy CPU time (/proc/stat: all
# but idle and iowait, other users' load included) over its 3 runs, and `uptime` before and after. The two outputs are compared (they must be equal).
# Build nodefix first: mvn -B -q -o package -DskipTests. Env: NODEFIX=<repo>/bin/nodefix, BENCH_DIR=/tmp/...
set -uo pipefail

REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$REPO/bench/lib/cpu.sh"
HOSTS=${1:-1000}
NODEFIX=${NODEFIX:-$REPO/bin/nodefix}
DIR=${BENCH_DIR:-/tmp/nodefix-bench-inventory-list}
RUNS=3

generate() {
  rm -rf "$DIR" && mkdir -p "$DIR/inv/group_vars/agent" "$DIR/inv/host_vars" "$DIR/cwd" "$DIR/ansible-home"
  python3 - "$DIR/inv" "$HOSTS" <<'PY'
import os, sys
inv, n = sys.argv[1], int(sys.argv[2])
names = ["node%04d" % i for i in range(1, n + 1)]
servers, agents = names[:3], names[3:]
with open(os.path.join(inv, "hosts.yaml"), "w") as f:
    f.write("k3s_cluster:\n  vars:\n    cluster_name: bench\n    ansible_port: 22\n  children:\n")
    f.write("    server:\n      hosts:\n" + "".join("        %s:\n" % h for h in servers))
    f.write("      vars:\n        role_note: control-plane\n")
    f.write("    agent:\n      hosts:\n" + "".join("        %s:\n          agent_index: %d\n" % (h, i) for i, h in enumerate(agents)))
    f.write("      vars:\n        role_note: worker\n")
    racks = {}
    for i, h in enumerate(names):
        racks.setdefault("rack_%02d" % (i // 50), []).append(h)
    for rack, hosts in racks.items():
        f.write("%s:\n  hosts:\n%s  vars:\n    rack: %s\n" % (rack, "".join("    %s:\n" % h for h in hosts), rack))
gv = os.path.join(inv, "group_vars")
open(os.path.join(gv, "all.yml"), "w").write("ansible_user: debian\nk3s_version: v1.31.12+k3s1\nntp: [192.0.2.123]\n")
open(os.path.join(gv, "k3s_cluster.yml"), "w").write("token: changeme\napi_port: 6443\nextra: {a: 1, b: [true, null]}\n")
open(os.path.join(gv, "server.yml"), "w").write("extra_server_args: --disable traefik\n")
open(os.path.join(gv, "agent", "10-main.yml"), "w").write("extra_agent_args: ''\nrole_note: agent-from-group_vars\n")
open(os.path.join(gv, "agent", "20-more.yaml"), "w").write("agent_label: worker\n")
for i in range(0, n, 50):
    open(os.path.join(gv, "rack_%02d.yml" % (i // 50)), "w").write("rack_switch: sw-%02d\n" % (i // 50))
for i, h in enumerate(names):
    open(os.path.join(inv, "host_vars", h + ".yml"), "w").write(
        "ansible_host: 10.%d.%d.%d\nserial: SN%06d\nlabels: {zone: z%d}\n" % (i // 65536, i // 256 % 256, i % 256 + 1, i, i % 3))
PY
}

# run TOOL OUTFILE -> prints wall microseconds
run() {
  local start end
  start=$(now_us)
  if [[ $1 == nodefix ]]; then
    "$NODEFIX" inventory --list -i "$DIR/inv" > "$2" 2> "$2.err"
  else
    (cd "$DIR/cwd" && ANSIBLE_HOME="$DIR/ansible-home" ANSIBLE_NOCOLOR=1 ansible-inventory -i "$DIR/inv" --list > "$2" 2> "$2.err")
  fi
  local rc=$?
  end=$(now_us)
  [[ $rc == 0 ]] || { echo "$1 failed (exit $rc):" >&2; cat "$2.err" >&2; exit 1; }
  echo $((end - start))
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

generate
echo "inventory: $DIR/inv ($HOSTS hosts, $(find "$DIR/inv" -type f | wc -l) files)"
echo "uptime before: $(uptime)"
declare -A MEDIAN CPU
for tool in nodefix ansible; do
  run "$tool" "$DIR/$tool.json" > /dev/null   # warm-up (page cache, CDS), not counted
  times=()
  m0=$(machine_ticks); c0=$(client_ticks)
  for ((i = 1; i <= RUNS; i++)); do times+=("$(run "$tool" "$DIR/$tool.json")"); done
  m1=$(machine_ticks); c1=$(client_ticks)
  MEDIAN[$tool]=$(median "${times[@]}")
  CPU[$tool]=$(ticks_s $((m1 - m0)))
  printf '%-8s runs: %s ms; median %s ms; over %d runs: tool CPU %s s, machine busy CPU %s s\n' "$tool" \
    "$(for t in "${times[@]}"; do printf '%d ' $((t / 1000)); done)" $((MEDIAN[$tool] / 1000)) "$RUNS" \
    "$(ticks_s $((c1 - c0)))" "${CPU[$tool]}"
done
echo "uptime after:  $(uptime)"
if cmp -s "$DIR/nodefix.json" "$DIR/ansible.json"; then
  echo "outputs: identical ($(wc -c < "$DIR/nodefix.json") bytes)"
else
  echo "outputs: DIFFER (diff $DIR/nodefix.json $DIR/ansible.json)"
fi
awk -v n="${MEDIAN[nodefix]}" -v a="${MEDIAN[ansible]}" 'BEGIN { printf "ansible/nodefix median ratio: %.2f\n", a / n }'
