#!/usr/bin/env bash
# Makes (once) a minimal Debian 11 "bullseye" system for one CPU that can run
# Java: bullseye's libc6 (glibc 2.31), libgcc, libstdc++, zlib and
# openjdk-17-jre-headless, unpacked with dpkg -x. Nothing is installed on the
# host: the packages come through a private apt configuration (no
# dpkg --add-architecture, nothing under /etc changes) from the mirror the
# host already uses (cmake/release/mirror.sh). Prints the root's path:
#   $CURLEW_CACHE/release/jre-<arch>-<key>
#
#   make-jre-root.sh amd64|arm64
#
# amd64 runs with chroot (run-java.sh), arm64 under qemu-aarch64-static -L.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
arch=${1:?usage: make-jre-root.sh amd64|arm64}
packages="libc6 libgcc-s1 libstdc++6 zlib1g openjdk-17-jre-headless"

log() { printf 'curlew release-check: %s\n' "$*" >&2; }

key=$( { echo "$arch $packages"; cat "$here/make-jre-root.sh"; } | sha256sum | cut -c1-12)
root=$cache/release/jre-$arch-$key
if [ -f "$root/.curlew-packages" ]; then
  echo "$root"
  exit 0
fi
mkdir -p "$cache/release"
exec 9> "$cache/release/.jre-$arch.lock"
flock 9
if [ -f "$root/.curlew-packages" ]; then
  echo "$root"
  exit 0
fi

apt=$cache/release/apt-bullseye-$arch
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs"
: > "$apt/status"
mirror=$("$project/cmake/release/mirror.sh" main)
security=$("$project/cmake/release/mirror.sh" security)
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
cat > "$apt/sources.list" <<SRC
deb [arch=$arch signed-by=$keyring] $mirror bullseye main
deb [arch=$arch signed-by=$keyring] $mirror bullseye-updates main
deb [arch=$arch signed-by=$keyring] $security bullseye-security main
SRC
cat > "$apt/apt.conf" <<CONF
Dir::Etc::SourceList "$apt/sources.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::State::Lists "$apt/lists";
Dir::State::status "$apt/status";
Dir::Cache "$apt/cache";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT::Architecture "$arch";
APT::Architectures { "$arch"; };
APT::Sandbox::User "root";
CONF
export APT_CONFIG=$apt/apt.conf
log "fetching bullseye $arch packages: $packages"
apt-get -qq update >&2

# A partial mirror may index a version it does not serve: fall back to the
# next version apt knows, newest first.
rm -f "$apt/debs"/*.deb "$apt/debs/packages.txt.tmp"
for p in $packages; do
  ok=""
  for v in $(apt-cache madison "$p" | awk -F'|' '{gsub(/ /, "", $2); print $2}'); do
    if (cd "$apt/debs" && apt-get -qq download "$p=$v" >/dev/null 2>&1); then
      ok=$v
      break
    fi
    log "$p=$v is indexed but could not be downloaded; trying an older version"
  done
  [ -n "$ok" ] || { log "cannot download $p for $arch"; exit 1; }
  echo "$p $ok $arch" >> "$apt/debs/packages.txt.tmp"
done

rm -rf "$root.tmp"
mkdir -p "$root.tmp"
for d in "$apt/debs"/*.deb; do
  dpkg-deb -x "$d" "$root.tmp"
done
mkdir -p "$root.tmp/proc" "$root.tmp/dev" "$root.tmp/tmp" "$root.tmp/etc"
mv "$apt/debs/packages.txt.tmp" "$root.tmp/.curlew-packages"
rm -f "$apt/debs"/*.deb "$apt/debs/packages.txt.tmp"
rm -rf "$root"
mv "$root.tmp" "$root"
log "$arch Java root ready: $(tr '\n' ';' < "$root/.curlew-packages")"
echo "$root"
