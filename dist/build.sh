#!/usr/bin/env bash
# Builds nodefix's self-contained install from target/nodefix.jar (mvn -Pdist package runs it after the jar;
# or run it yourself after mvn package): no JDK is needed where it is installed.
#   TARGET/dist/nodefix/                        the image: bin/nodefix (the launcher), lib/app/nodefix.jar,
#                                               lib/app/nodefix.classlist, lib/runtime (a jlink'd Java 17),
#                                               share/man/man1 (man pages), share/completion (bash, zsh),
#                                               share/doc/nodefix (README.md, docs/ as the help texts name them)
#   TARGET/nodefix-VERSION-linux-ARCH.tar.gz    that image, to unpack anywhere and link bin/nodefix onto PATH
#   TARGET/nodefix_DEBVERSION_ARCH.deb          that image in /opt/nodefix, /usr/bin/nodefix a link to its launcher,
#                                               man pages in /usr/share/man/man1, bash completion, the docs in
#                                               /usr/share/doc/nodefix (README.md, docs/)
# The class list is recorded here from a few offline commands; the class-data archive made from it depends on
# the jar's final path, so the launcher makes it on the first start (the .deb's postinst does, as root).
# Usage: dist/build.sh [TARGET]   (default target; needs jlink and dpkg-deb)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
target=$(cd "${1:-$root/target}" && pwd -P)
jar=$target/nodefix.jar
[ -f "$jar" ] || { echo "dist/build.sh: $jar is not built; run mvn package first" >&2; exit 1; }
props=$target/classes/dev/nodefix/cli/build.properties   # written by the build beside the jar's classes
version=$(sed -n 's/^version=//p' "$props" 2>/dev/null || true)
[ -n "$version" ] || { echo "dist/build.sh: no version in $props; run mvn package first" >&2; exit 1; }
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
# the modules jdeps finds (jdeps --print-module-deps --ignore-missing-deps target/nodefix.jar), and the
# providers it cannot see: elliptic-curve crypto (sshj's ecdh/ecdsa), the JDK's charsets, zip file systems
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.security.jgss,java.sql
modules=$modules,jdk.httpserver,jdk.crypto.ec,jdk.charsets,jdk.unsupported,jdk.zipfs

dist=$target/dist
image=$dist/nodefix
rm -rf "$dist"
mkdir -p "$image/bin" "$image/lib/app"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$image/lib/runtime"
cp "$jar" "$image/lib/app/nodefix.jar"
cp "$root/bin/nodefix" "$image/bin/nodefix"
chmod 755 "$image/bin/nodefix"
# man pages and shell completion, generated from the command model by the build (prepare-package)
[ -f "$target/man/nodefix.1" ] && [ -f "$target/completion/nodefix.bash" ] \
  || { echo "dist/build.sh: $target/man or $target/completion is missing; run mvn package first" >&2; exit 1; }
mkdir -p "$image/share/man/man1" "$image/share/completion"
cp "$target"/man/*.1 "$image/share/man/man1/"
cp "$target"/completion/nodefix.bash "$target"/completion/nodefix.zsh "$image/share/completion/"
# the docs the help texts name (docs/playbooks.md, docs/json.md, docs/fleets.md ...), as in the repository
mkdir -p "$image/share/doc/nodefix"
cp "$root/README.md" "$image/share/doc/nodefix/"
cp -r "$root/docs" "$image/share/doc/nodefix/docs"

# The class list: what the commands that start most often load (help, inventory, the playbooks, an offline
# diagnosis, an SSH connection attempt to a closed local port). Nothing here reaches the network.
train=$dist/train
mkdir -p "$train/home"
cat > "$train/inventory.yaml" <<'YAML'
all:
  hosts:
    train-1: {ansible_host: 127.0.0.1, ansible_port: 9, ansible_user: nobody}
YAML
classlists=()
record() {
  local list=$train/classes.$((${#classlists[@]} + 1))
  classlists+=("$list")
  (cd "$train" && HOME=$train/home XDG_STATE_HOME=$train/state XDG_CACHE_HOME=$train/cache \
    "$image/lib/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$list" \
    -cp "$image/lib/app/nodefix.jar" dev.nodefix.app.Main "$@" </dev/null >/dev/null 2>&1) || true
}
record --help
record --version
record inventory --list -i "$train/inventory.yaml"
record inventory --graph -i "$root/inventory/hosts.yaml"
record playbooks
record play fix-vxlan-checksum --syntax-check
record diagnose --from "$root/src/test/resources/diagnose/corpus/cases/flannel-1279-rhel7"
record ping -i "$train/inventory.yaml" --connect-timeout 2
awk '!seen[$0]++' "${classlists[@]}" > "$image/lib/app/nodefix.classlist"
rm -rf "$train"
# the image must start without the build's JDK: the launcher makes the archive and runs from it
(cd / && "$image/bin/nodefix" --version)
rm -f "$image/lib/app/nodefix.jsa"

tarball=$target/nodefix-$version-linux-$arch.tar.gz
tar -C "$dist" -czf "$tarball" nodefix
echo "built $tarball"

# The .deb: the image under /opt/nodefix, /usr/bin/nodefix a link to its launcher (owned by the package).
debversion=${version/-/\~}
deb=$dist/deb
mkdir -p "$deb/opt" "$deb/usr/bin" "$deb/DEBIAN"
cp -a "$image" "$deb/opt/nodefix"
ln -s /opt/nodefix/bin/nodefix "$deb/usr/bin/nodefix"
mkdir -p "$deb/usr/share/man/man1" "$deb/usr/share/bash-completion/completions"
for page in "$image"/share/man/man1/*.1; do gzip -9n < "$page" > "$deb/usr/share/man/man1/${page##*/}.gz"; done
cp "$image/share/completion/nodefix.bash" "$deb/usr/share/bash-completion/completions/nodefix"
mkdir -p "$deb/usr/share/doc"
cp -r "$image/share/doc/nodefix" "$deb/usr/share/doc/nodefix"
sed -e "s/@VERSION@/$debversion/" -e "s/@ARCH@/$arch/" \
    -e "s/@SIZE@/$(du -sk "$deb/opt" | cut -f1)/" "$root/dist/deb/control" > "$deb/DEBIAN/control"
install -m 755 "$root/dist/deb/postinst" "$root/dist/deb/prerm" "$deb/DEBIAN/"
out=$target/nodefix_${debversion}_$arch.deb
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$out" >/dev/null
rm -rf "$deb"
echo "built $out"
