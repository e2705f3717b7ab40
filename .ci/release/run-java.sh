#!/usr/bin/env bash
# Runs bullseye's Java 17 (make-jre-root.sh) on its own glibc 2.31:
#   amd64: chroot into the root, in a private mount namespace with /proc, /dev,
#          a fresh /tmp and, at their host paths, the project and
#          CURLEW_RUN_BINDS (colon-separated; read-only);
#   arm64: qemu-aarch64-static -L <root> (binfmt_misc is not needed), which
#          looks files up in the root first and then on the host.
# The working directory is / for amd64, so pass absolute paths.
#
#   run-java.sh amd64|arm64 JAVA_ARGS...
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
arch=${1:?usage: run-java.sh amd64|arm64 JAVA_ARGS...}
shift

if [ "$arch" = --inside ]; then
  root=$1
  shift
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount -t tmpfs -o size=512m tmpfs "$root/tmp"
  mkdir -p "$root$project"
  mount --bind "$project" "$root$project"
  IFS=: read -r -a ro <<< "${CURLEW_RUN_BINDS:-}"
  for p in "${ro[@]}"; do
    [ -n "$p" ] && [ -e "$p" ] || continue
    mkdir -p "$root$p"
    mount --bind "$p" "$root$p"
    mount -o remount,ro,bind "$root$p"
  done
  [ -f "$root/etc/hosts" ] || printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"
  exec chroot "$root" /usr/lib/jvm/java-17-openjdk-amd64/bin/java "$@"
fi

root=$("$here/make-jre-root.sh" "$arch")
case "$arch" in
  amd64) exec unshare --mount --propagation private "$here/run-java.sh" --inside "$root" "$@" ;;
  arm64)
    command -v qemu-aarch64-static >/dev/null || {
      echo "curlew: qemu-aarch64-static is missing: apt-get install qemu-user-static" >&2; exit 1; }
    exec qemu-aarch64-static -L "$root" "$root/usr/lib/jvm/java-17-openjdk-arm64/bin/java" "$@" ;;
  *) echo "curlew: no Java root for $arch" >&2; exit 2 ;;
esac
