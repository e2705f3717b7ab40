#!/usr/bin/env bash
# Makes (once) the Debian 11 "bullseye" build root in which the release
# natives are compiled: glibc 2.31, gcc 10, cmake 3.18, ninja, perl, and the
# aarch64 cross toolchain. Built with debootstrap from the Debian mirror this
# machine already uses (mirror.sh), cached under
#   $CURLEW_CACHE/release/root-bullseye-<key>
# where <key> hashes the suite, the package list and this script. Prints the
# root's path on stdout. Needs root (debootstrap, chroot).
#
#   build-root.sh
#
# The root also records its toolchain identity in /.curlew-toolchain, which
# build-stack.sh puts into the key of the cached dependency prefixes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
suite=bullseye
packages=cmake,ninja-build,perl,make,gcc,g++,g++-aarch64-linux-gnu,libc6-dev-arm64-cross

key=$( { echo "$suite $packages"; cat "$here/build-root.sh"; } | sha256sum | cut -c1-12)
root=$cache/release/root-$suite-$key

log() { printf 'curlew release: %s\n' "$*" >&2; }

if [ -f "$root/.curlew-toolchain" ]; then
  echo "$root"
  exit 0
fi

[ "$(id -u)" = 0 ] || { log "making the build root needs root (debootstrap, chroot)"; exit 1; }
command -v debootstrap >/dev/null || {
  log "debootstrap is missing: apt-get install debootstrap"; exit 1; }

mkdir -p "$cache/release"
exec 9> "$cache/release/.root.lock"
flock 9
if [ -f "$root/.curlew-toolchain" ]; then
  echo "$root"
  exit 0
fi

mirror=$("$here/mirror.sh" main)
tmp=$root.tmp
rm -rf "$tmp"
log "making the $suite build root in $root (debootstrap, about a minute)"
start=$(date +%s)
debootstrap --variant=buildd --include="$packages" "$suite" "$tmp" "$mirror" \
  > "$cache/release/debootstrap.log" 2>&1 || {
  tail -n 20 "$cache/release/debootstrap.log" >&2
  log "debootstrap failed (full log: $cache/release/debootstrap.log)"
  exit 1
}
# The downloaded packages are not needed once installed.
rm -f "$tmp"/var/cache/apt/archives/*.deb

# The toolchain identity: what ends up in the binaries besides the sources.
chroot "$tmp" dpkg-query -W -f '${Package} ${Version} ${Architecture}\n' \
  libc6 libc6-dev gcc-10 g++-10 binutils libc6-dev-arm64-cross gcc-10-aarch64-linux-gnu \
  g++-10-aarch64-linux-gnu binutils-aarch64-linux-gnu cmake ninja-build perl \
  > "$tmp/.curlew-toolchain"
rm -rf "$root"
mv "$tmp" "$root"
log "build root ready in $(( $(date +%s) - start )) s: $(head -n 1 "$root/.curlew-toolchain")"
echo "$root"
