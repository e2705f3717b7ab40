#!/usr/bin/env bash
# Runs one command inside the release build root (build-root.sh), in the
# current directory, in a private mount namespace: the mounts it makes vanish
# with the command and never show on the host.
#
#   in-root.sh COMMAND [ARGS...]
#
# Visible inside at their host paths: the project, $CURLEW_CACHE/release/work
# (the dependency prefixes), and read-only /usr/lib/jvm (jni.h and
# the JDK JavaCPP adds to the include path) and the $CURLEW_TARBALLS
# directories. CURLEW_ROOT (default: build-root.sh's answer) picks the root;
# CURLEW_ROOT_BINDS / CURLEW_ROOT_RO_BINDS add colon-separated read-write /
# read-only directories.
set -euo pipefail

if [ "${1:-}" = --inside ]; then
  root=$2 cwd=$3
  shift 3
  mount -t proc proc "$root/proc"
  IFS=: read -r -a rw <<< "$CURLEW_IN_ROOT_RW"
  IFS=: read -r -a ro <<< "$CURLEW_IN_ROOT_RO"
  for p in "${rw[@]}" "${ro[@]}"; do
    [ -n "$p" ] && [ -d "$p" ] || continue
    mkdir -p "$root$p"
    mount --bind "$p" "$root$p"
  done
  for p in "${ro[@]}"; do
    [ -n "$p" ] && [ -d "$p" ] || continue
    mount -o remount,ro,bind "$root$p"
  done
  unset TMPDIR
  exec chroot "$root" /bin/sh -c 'cd "$1" || exit 125; shift; exec "$@"' sh "$cwd" "$@"
fi

here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
root=${CURLEW_ROOT:-$("$here/build-root.sh")}
mkdir -p "$cache/release/work"

CURLEW_IN_ROOT_RW="$project:$(cd "$cache/release/work" && pwd -P)${CURLEW_ROOT_BINDS:+:$CURLEW_ROOT_BINDS}"
CURLEW_IN_ROOT_RO="/usr/lib/jvm${CURLEW_TARBALLS:+:$CURLEW_TARBALLS}${CURLEW_ROOT_RO_BINDS:+:$CURLEW_ROOT_RO_BINDS}"
export CURLEW_IN_ROOT_RW CURLEW_IN_ROOT_RO
exec unshare --mount --propagation private "$here/in-root.sh" --inside "$root" "$PWD" "$@"
