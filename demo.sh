#!/usr/bin/env bash
# The lab demo, on a fresh Debian machine as root: installs what it needs, builds nodefix, brings up a
# 3-node simulated k3s cluster (real sshd per node), and drives it with nodefix over SSH with strict
# host-key checking: fingerprint, diagnose, fix with playbooks/fix-vxlan-checksum.yaml (offload off now +
# udev rule + systemd unit, each change journaled), survive a reboot, roll everything back and check the
# nodes are as before. Tears the lab down at the end unless KEEP_LAB=1.
set -euo pipefail
cd "$(dirname "$0")"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# diagnose's exit code is its verdict (0 not affected, 10 affected, 11 at risk, 12 unknown): check the one expected
expect_exit() { local want=$1 rc=0; shift; "$@" || rc=$?; echo "(exit $rc)"; [[ $rc = "$want" ]] || { echo "expected exit $want" >&2; exit 1; }; }
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  step "installing JDK 17 and Maven"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven
fi
step "installing the lab's packages (lab/lab deps)"
lab/lab deps
step "building nodefix (mvn package)"
mvn -B -q package -DskipTests
[ "${KEEP_LAB:-0}" = 1 ] || trap 'step "lab/lab down"; lab/lab down' EXIT
step "lab/lab up 3   (1 k3s server + 2 agents, each a network namespace with its own sshd)"
lab/lab up 3
step "bin/nodefix inventory --graph -i inventory/lab.yaml"
bin/nodefix inventory --graph -i inventory/lab.yaml
step "bin/nodefix ping -i inventory/lab.yaml   (strict host keys from the lab's known_hosts)"
bin/nodefix ping -i inventory/lab.yaml
step "bin/nodefix run -i inventory/lab.yaml -a 'hostname; ethtool -k flannel.1 | grep tx-checksum-ip-generic'"
bin/nodefix run -i inventory/lab.yaml -a 'hostname; ethtool -k flannel.1 | grep tx-checksum-ip-generic'
step "bin/nodefix run -l agent -a 'iptables -t nat -S KUBE-POSTROUTING'   (the unfixed kube-proxy rule)"
bin/nodefix run -i inventory/lab.yaml -l agent -a 'iptables -t nat -S KUBE-POSTROUTING'
step "bin/nodefix facts -i inventory/lab.yaml   (one SSH round trip per node: kernel, iptables, backend, offload, kube-proxy fix)"
bin/nodefix facts -i inventory/lab.yaml
step "bin/nodefix diagnose -i inventory/lab.yaml --probe --target 10.43.0.10:80   (verdict, evidence, the fix; a real TCP connect from each node to a ClusterIP)"
expect_exit 10 bin/nodefix diagnose -i inventory/lab.yaml --probe --target 10.43.0.10:80
export XDG_STATE_HOME=${XDG_STATE_HOME:-$(mktemp -d /tmp/nodefix-demo-state.XXXXXX)}   # the run journal of this demo
step "snapshot of every node's /etc and /var/lib (to compare after the rollback)"
snapshot() { for n in $(lab/lab status | awk '/^ *labn/ {print $1}'); do
  lab/lab exec "$n" sh -c 'find /etc /var/lib -xdev -type f ! -path "/var/lib/nodefix/*" -exec sha256sum {} + 2>/dev/null | sort; ethtool -k flannel.1 | grep tx-checksum-ip-generic'
done; }
snapshot > "$XDG_STATE_HOME/before.txt"
step "bin/nodefix play playbooks/diagnose.yaml   (the same diagnosis as a playbook: findings are ignored failures)"
bin/nodefix play playbooks/diagnose.yaml -i inventory/lab.yaml -e probe_target=10.43.0.10:80
step "bin/nodefix play playbooks/fix-vxlan-checksum.yaml --check --diff   (the plan, with diffs; nothing changes)"
bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i inventory/lab.yaml --check --diff
step "bin/nodefix play playbooks/fix-vxlan-checksum.yaml --yes   (offload off now, udev rule, systemd unit; server first, health gate between batches)"
bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i inventory/lab.yaml --yes -e probe_target=10.43.0.10:80
step "the same playbook again   (idempotent: nothing to change, no run recorded)"
bin/nodefix play playbooks/fix-vxlan-checksum.yaml -i inventory/lab.yaml --yes
step "bin/nodefix diagnose   (offload off and persisted: not affected)"
expect_exit 0 bin/nodefix diagnose -i inventory/lab.yaml
step "lab/lab reboot   (flannel.1 re-created with offload on; udev rules and device-bound units fire)"
lab/lab reboot
step "bin/nodefix run -a 'ethtool -k flannel.1 | grep tx-checksum-ip-generic'   (still off: the fix persisted)"
bin/nodefix run -i inventory/lab.yaml -a 'ethtool -k flannel.1 | grep tx-checksum-ip-generic'
step "bin/nodefix runs   (every change journaled here and on each node under /var/lib/nodefix)"
bin/nodefix runs
step "bin/nodefix rollback --last --yes   (every change of the playbook run undone, last first)"
bin/nodefix rollback --last --yes -i inventory/lab.yaml
step "bin/nodefix diagnose   (back to the start: affected)"
expect_exit 10 bin/nodefix diagnose -i inventory/lab.yaml
step "the nodes' /etc, /var/lib and offload state compared with the snapshot"
snapshot > "$XDG_STATE_HOME/after.txt"
if diff -u "$XDG_STATE_HOME/before.txt" "$XDG_STATE_HOME/after.txt"; then
  echo "identical to before the fix ($(wc -l < "$XDG_STATE_HOME/before.txt") files and feature lines)"
else
  echo "the nodes differ from before the fix (see the diff above)" >&2; exit 1
fi
