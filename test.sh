#!/usr/bin/env bash
# Runs every nodefix test on a fresh Debian machine, as root: unit tests, in-JVM SSH server tests,
# and the integration tests (*IT) against a lab of simulated k3s nodes with real OpenSSH servers;
# then builds the self-contained install (-Pdist: .tar.gz and .deb) and checks it as a user gets it
# (dist/check-install.sh: apt-get install, nodefix from outside the checkout against a lab, apt-get remove).
# Installs what it needs first (JDK 17 + Maven if missing, the lab's apt packages, ansible-core).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null || ! command -v jlink >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven
fi
lab/lab deps
mvn -B -Pdist verify
dist/check-install.sh
