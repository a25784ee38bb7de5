#!/usr/bin/env bash
# The lab demo, on a fresh Debian machine as root: installs what it needs, builds nodefix, brings up a
# 3-node simulated k3s cluster (real sshd per node), and drives it with nodefix over SSH with strict
# host-key checking: fingerprint, diagnose, fix (offload off now + udev rule + systemd unit, each change
# journaled), survive a reboot, roll everything back. Tears the lab down at the end unless KEEP_LAB=1.
set -euo pipefail
cd "$(dirname "$0")"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
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
bin/nodefix diagnose -i inventory/lab.yaml --probe --target 10.43.0.10:80
export XDG_STATE_HOME=${XDG_STATE_HOME:-$(mktemp -d /tmp/nodefix-demo-state.XXXXXX)}   # the run journal of this demo
RULE='SUBSYSTEM=="net", ACTION=="add|change|move", ENV{INTERFACE}=="flannel.1", RUN+="/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off"'
UNIT='[Unit]
Description=Disable tx checksum offload on flannel.1 (nodefix)
After=sys-devices-virtual-net-flannel.1.device

[Service]
Type=oneshot
ExecStart=/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off

[Install]
WantedBy=sys-devices-virtual-net-flannel.1.device'
step "fix, 1/3: bin/nodefix run -m ethtool -a 'iface=flannel.1 features.tx-checksum-ip-generic=off' --diff --yes   (now)"
bin/nodefix run -i inventory/lab.yaml -m ethtool -a 'iface=flannel.1 features.tx-checksum-ip-generic=off' --diff --yes
step "fix, 2/3: bin/nodefix run -m udev_rule -a 'name=90-flannel.rules content=...' --diff --yes   (whenever flannel.1 appears)"
bin/nodefix run -i inventory/lab.yaml -m udev_rule -a "name=90-flannel.rules content='$RULE'" --diff --yes
step "fix, 3/3: bin/nodefix run -m systemd_unit -a 'name=flannel-tx-checksum-offload-disable.service enabled=on content=...' --yes"
bin/nodefix run -i inventory/lab.yaml -m systemd_unit -a "name=flannel-tx-checksum-offload-disable.service enabled=on content='$UNIT'" --yes
step "bin/nodefix run -m ethtool ... --yes again   (idempotent: nothing to change)"
bin/nodefix run -i inventory/lab.yaml -m ethtool -a 'iface=flannel.1 features.tx-checksum-ip-generic=off' --yes
step "bin/nodefix diagnose   (offload off and persisted)"
bin/nodefix diagnose -i inventory/lab.yaml
step "lab/lab reboot   (flannel.1 re-created with offload on; udev rules and device-bound units fire)"
lab/lab reboot
step "bin/nodefix run -a 'ethtool -k flannel.1 | grep tx-checksum-ip-generic'   (still off: the fix persisted)"
bin/nodefix run -i inventory/lab.yaml -a 'ethtool -k flannel.1 | grep tx-checksum-ip-generic'
step "bin/nodefix runs   (every change journaled here and on each node under /var/lib/nodefix)"
bin/nodefix runs
step "bin/nodefix rollback --last --yes, three times   (last run first; files restored byte for byte)"
for _ in 1 2 3; do bin/nodefix rollback --last --yes -i inventory/lab.yaml; done
step "bin/nodefix diagnose   (back to the start: affected)"
bin/nodefix diagnose -i inventory/lab.yaml
