#!/usr/bin/env bash
# Checks the self-contained install as a user gets it (root, Debian; test.sh runs it after mvn -Pdist verify):
#  1. the .deb: apt-get install ./target/nodefix_*.deb; nodefix on PATH, from a directory outside the checkout:
#     --version, the class-data archive made at install and usable by the image's JVM, a user without write
#     access running it, `play fix-vxlan-checksum --check` against a lab (the shipped playbook, by name); then
#     apt-get remove, and nothing left behind;
#  2. the .tar.gz: unpacked read-only, linked onto PATH, run by a user: the archive goes to that user's cache.
# The lab: LAB_PREFIX=nfxh on 10.99.120.0/24 (override with the LAB_* variables), taken down at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
target=${1:-$root/target}
deb=$(ls "$target"/nodefix_*.deb 2>/dev/null | head -1)
tarball=$(ls "$target"/nodefix-*-linux-*.tar.gz 2>/dev/null | head -1)
[ -n "$deb" ] && [ -n "$tarball" ] || { echo "check-install: no .deb/.tar.gz in $target; run mvn -Pdist package" >&2; exit 1; }
export LAB_PREFIX=${LAB_PREFIX:-nfxh} LAB_BRIDGE=${LAB_BRIDGE:-nfxhbr0} LAB_NET=${LAB_NET:-10.99.120}
export LAB_DIR=${LAB_DIR:-/tmp/nfxh-lab} LAB_INVENTORY=${LAB_INVENTORY:-/tmp/nfxh-inventory.yaml}
work=$(mktemp -d /tmp/nodefix-check-install.XXXXXX)
chmod 755 "$work"
step() { printf '\n== %s\n' "$*"; }
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }
cleanup() {
  "$root/lab/lab" down >/dev/null 2>&1 || true
  if dpkg -s nodefix >/dev/null 2>&1; then DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq nodefix >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"   # outside the checkout from here on

step "apt-get install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
[ "$(command -v nodefix)" = /usr/bin/nodefix ] || fail "nodefix is not /usr/bin/nodefix on PATH: $(command -v nodefix)"
[ "$(readlink -f /usr/bin/nodefix)" = /opt/nodefix/bin/nodefix ] || fail "/usr/bin/nodefix does not lead to /opt/nodefix"

step "nodefix --version"
nodefix --version | tee "$work/version"
grep -Eq '^nodefix [0-9]' "$work/version" && grep -q '^commit ' "$work/version" && grep -q '^built ' "$work/version" \
  || fail "--version lacks version, commit or build date"

step "man pages and bash completion installed"
[ -f /usr/share/man/man1/nodefix.1.gz ] && [ -f /usr/share/man/man1/nodefix-play.1.gz ] \
  || fail "no man pages in /usr/share/man/man1"
[ -f /usr/share/bash-completion/completions/nodefix ] || fail "no bash completion"
step "the docs the help names are installed"
[ -f /usr/share/doc/nodefix/docs/fleets.md ] && [ -f /usr/share/doc/nodefix/docs/json.md ] \
  && [ -f /usr/share/doc/nodefix/README.md ] || fail "no docs in /usr/share/doc/nodefix"

step "the class-data archive made at install, usable by the image's own JVM"
jsa=/opt/nodefix/lib/app/nodefix.jsa
[ -f "$jsa" ] || fail "postinst made no $jsa"
/opt/nodefix/lib/runtime/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile="$jsa" \
  -cp /opt/nodefix/lib/app/nodefix.jar dev.nodefix.app.Main --version >/dev/null || fail "the JVM refuses $jsa"

step "a user who cannot write the install or a cache: nodefix playbooks"
mkdir -m 755 "$work/nobody"
chown nobody "$work/nobody"
setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent XDG_CACHE_HOME= nodefix playbooks \
  | tee "$work/playbooks"
grep -q '^fix-vxlan-checksum ' "$work/playbooks" || fail "nodefix playbooks does not list fix-vxlan-checksum"

step "lab/lab up 3 (LAB_PREFIX=$LAB_PREFIX, $LAB_NET.0/24)"
"$root/lab/lab" up 3 >"$work/lab-up.log" 2>&1 || { cat "$work/lab-up.log"; fail "lab/lab up"; }

step "nodefix play fix-vxlan-checksum --check -i $LAB_INVENTORY   (the shipped playbook, by name)"
rc=0
XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state nodefix play fix-vxlan-checksum --check -i "$LAB_INVENTORY" \
  --no-color | tee "$work/check" || rc=$?
[ "$rc" = 0 ] || fail "play --check exited $rc"
grep -Eq '^check: [1-9][0-9]* change\(s\) on 3 host\(s\) would be made; nothing changed' "$work/check" \
  || fail "play --check did not plan the fix on the 3 affected nodes"
[ -f "$work/cache/nodefix/playbooks/fix-vxlan-checksum.yaml" ] || fail "the shipped playbook was not run from the cache"
"$root/lab/lab" down >/dev/null

step "apt-get remove nodefix"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq nodefix >/dev/null
[ ! -e /usr/bin/nodefix ] && [ ! -e /opt/nodefix ] || fail "apt-get remove left $(ls -d /usr/bin/nodefix /opt/nodefix 2>/dev/null)"
hash -r

step "the .tar.gz, unpacked read-only and linked onto PATH: $tarball"
mkdir -p "$work/opt" "$work/bin"
tar -C "$work/opt" -xzf "$tarball"
chmod -R a-w "$work/opt/nodefix"
ln -s "$work/opt/nodefix/bin/nodefix" "$work/bin/nodefix"
setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$work/nobody" XDG_CACHE_HOME= PATH="$work/bin:$PATH" \
  nodefix --version | head -1
ls "$work"/nobody/.cache/nodefix/cds-*.jsa >/dev/null 2>&1 || fail "the tarball's first start made no archive in the user's cache"
chmod -R u+w "$work/opt"
echo
echo "check-install: OK"
