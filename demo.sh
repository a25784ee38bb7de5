#!/usr/bin/env bash
# The lab demo, on a fresh Debian machine as root: installs what it needs, builds nodefix, brings up a
# 3-node simulated k3s cluster (real sshd per node), and drives it with nodefix over SSH with strict
# host-key checking. Tears the lab down at the end unless KEEP_LAB=1.
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
