#!/usr/bin/env bash
# Start-up of the installed package against the checkout: `nodefix --help` and `nodefix inventory --list`
# (wall time of the whole process, median of RUNS, default 11, after one warm-up run each), as root.
# Installs target/nodefix_*.deb (mvn -Pdist package) unless nodefix is installed already, and removes it again
# if it installed it. The checkout's class-data archive (target/nodefix.jsa) is made first, as the first
# remote command after a build makes it. No lab needed; always exits 0.
#   sudo bench/startup.sh
#   sudo RUNS=21 bench/startup.sh
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${RUNS:-11}
installed_here=0
if ! dpkg -s nodefix >/dev/null 2>&1; then
  deb=$(ls "$root"/target/nodefix_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || { echo "startup: no target/nodefix_*.deb; run mvn -Pdist package"; exit 0; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null && installed_here=1
fi
work=$(mktemp -d /tmp/nodefix-startup.XXXXXX)
trap '[ $installed_here = 1 ] && DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq nodefix >/dev/null; rm -rf "$work"' EXIT
cp "$root/inventory/hosts.yaml" "$work/hosts.yaml"
cd "$work"
# the checkout's archive, as the first run/ping/facts/diagnose after a build makes it
"$root/bin/nodefix" diagnose --from "$root/src/test/resources/diagnose/corpus/cases/flannel-1279-rhel7" >/dev/null 2>&1

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() {   # prints the median wall time in ms of RUNS runs of "$@"
  "$@" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done | median
}
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -r), $(nproc) CPUs, RUNS=$runs; uptime: $(uptime)"
echo "# installed: $(readlink -f /usr/bin/nodefix), $(nodefix --version | head -1); checkout: $root/bin/nodefix"
printf '%-40s %12s %12s\n' command "installed ms" "checkout ms"
for cmd in "--help" "inventory --list -i hosts.yaml"; do
  # shellcheck disable=SC2086
  printf '%-40s %12s %12s\n' "nodefix $cmd" "$(time_of /usr/bin/nodefix $cmd)" "$(time_of "$root/bin/nodefix" $cmd)"
done
# the .tar.gz's first start makes its archive in the user's cache (once); later starts run from it
tarball=$(ls "$root"/target/nodefix-*-linux-*.tar.gz 2>/dev/null | head -1)
if [ -n "$tarball" ]; then
  mkdir -p "$work/opt" "$work/cache"
  tar -C "$work/opt" -xzf "$tarball" && chmod -R a-w "$work/opt/nodefix"
  t0=$(date +%s%N); XDG_CACHE_HOME=$work/cache "$work/opt/nodefix/bin/nodefix" --help >/dev/null 2>&1; t1=$(date +%s%N)
  echo "# .tar.gz, read-only: first --help $(( (t1 - t0) / 1000000 )) ms (makes the archive in the cache)," \
    "then $(XDG_CACHE_HOME=$work/cache time_of "$work/opt/nodefix/bin/nodefix" --help) ms"
  chmod -R u+w "$work/opt"
fi
echo "# uptime after: $(uptime)"
exit 0
