#!/usr/bin/env bash
# Builds the static third-party stack (cmake/CMakeLists.txt: zlib, brotli,
# zstd, nghttp2, OpenSSL, libcurl) for one release platform inside the
# bullseye build root, once per key, and prints the installed prefix:
#   $CURLEW_CACHE/release/work/deps/<platform>-<key>
# (the build tree itself lives inside the root, in /build/<platform>-<key>)
# <key> hashes the pinned versions, the superbuild and its patches, this script, the root's
# toolchain identity, the platform and SOURCE_DATE_EPOCH. An unchanged stack is
# never rebuilt; mvn clean does not touch it.
#
#   build-stack.sh linux-x86_64|linux-arm64
#
# CURLEW_JOBS (default 2) bounds the parallel compile jobs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
platform=${1:?usage: build-stack.sh linux-x86_64|linux-arm64}
jobs=${CURLEW_JOBS:-2}

case "$platform" in
  linux-x86_64) arch=x86_64 cross="" ;;
  linux-arm64) arch=aarch64 cross=aarch64-linux-gnu- ;;
  *) echo "curlew: no release build for platform $platform" >&2; exit 2 ;;
esac

log() { printf 'curlew release: %s\n' "$*" >&2; }

root=${CURLEW_ROOT:-$("$here/build-root.sh")}
export CURLEW_ROOT=$root
SOURCE_DATE_EPOCH=$("$here/source-date-epoch.sh")
export SOURCE_DATE_EPOCH

key=$( { cat "$project/cmake/versions.cmake" "$project/cmake/CMakeLists.txt" \
             "$project"/cmake/patches/*.patch "$here/build-stack.sh" "$root/.curlew-toolchain";
         echo "$platform $SOURCE_DATE_EPOCH"; } | sha256sum | cut -c1-16)
work=$cache/release/work
prefix=$work/deps/$platform-$key
# The build tree lives inside the root at a fixed path: OpenSSL records its
# compiler flags, -ffile-prefix-map=<build tree> included, in the library
# ("compiler: ..."), so a host path there would make the bytes depend on
# where the cache is.
build=/build/$platform-$key

if [ -f "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi

mkdir -p "$work/deps" "$work/logs"
exec 9> "$work/deps/.$platform-$key.lock"
flock 9
if [ -f "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi

# Sources are fetched on the host (the root has no apt configuration for
# them) into the directory where the superbuild looks first.
var() { sed -n "s/^set($1 \"\{0,1\}\([^\")]*\)\"\{0,1\})\$/\1/p" "$project/cmake/versions.cmake"; }
rm -rf "${root:?}$build"
mkdir -p "$root$build/sources"
for dep in CURL OPENSSL NGHTTP2 ZLIB BROTLI ZSTD; do
  bash "$project/cmake/fetch-source.sh" "$dep" "$(var ${dep}_FILE)" "$(var ${dep}_SHA256)" \
    "$(var ${dep}_DEBSRC)" "$(var ${dep}_UPSTREAM)" "$root$build/sources" 2>> "$work/logs/fetch.log"
done

logfile=$work/logs/stack-$platform.log
log "building the static stack for $platform in the build root (cold: 2-3 min; log: $logfile)"
start=$(date +%s)
rm -rf "$prefix"
if ! (cd "$project" &&
      "$here/in-root.sh" cmake -S "$project/cmake" -B "$build" -G Ninja \
        -DCURLEW_DEPS_PREFIX="$prefix" -DCURLEW_TARGET_ARCH="$arch" \
        -DCURLEW_CROSS="$cross" -DCURLEW_JOBS="$jobs" &&
      "$here/in-root.sh" cmake --build "$build" -j "$jobs") > "$logfile" 2>&1; then
  tail -n 30 "$logfile" >&2
  log "the $platform stack failed to build (full log: $logfile)"
  exit 1
fi
touch "$prefix/.complete"
rm -rf "${root:?}$build"
log "$platform stack built in $(( $(date +%s) - start )) s"
echo "$prefix"
