#!/usr/bin/env bash
# Builds everything native that the JavaCPP link step needs, for one platform:
#   1. the static third-party stack (cmake/CMakeLists.txt), cached outside
#      target/ under $CURLEW_CACHE/deps/<platform>-<key>, where <key> hashes the
#      pinned versions, the superbuild and the compiler: an unchanged stack is
#      never rebuilt, not even after `mvn clean`;
#   2. the curlew shim archive (native/), in <build-dir>/shim.
# Then it links <build-dir>/deps to the cached prefix, which is where the
# Maven build finds the archives.
#
#   build-native.sh <build-dir> [platform]      platform: linux-x86_64 (default)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$1
platform=${2:-linux-x86_64}
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
jobs=${CURLEW_JOBS:-$(nproc 2>/dev/null || echo 2)}
java_home=${CURLEW_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}}

case "$platform" in
  linux-x86_64) arch=x86_64 cross="" ;;
  linux-arm64)  arch=aarch64 cross=${CURLEW_CROSS-aarch64-linux-gnu-} ;;
  *) echo "curlew: unsupported build platform $platform" >&2; exit 2 ;;
esac
cc=${cross}gcc

key=$( { cat "$root/cmake/versions.cmake" "$root/cmake/CMakeLists.txt" "$root"/cmake/patches/*.patch;
         "$cc" --version | head -n 1; echo "$platform"; } | sha256sum | cut -c1-16)
prefix=$cache/deps/$platform-$key

# One build of a given stack at a time, across processes and checkouts.
mkdir -p "$cache/deps"
exec 9>"$cache/deps/$platform-$key.lock"
flock 9

if [ ! -f "$prefix/.complete" ]; then
  echo "curlew: building the static native stack for $platform into $prefix (once per version set)" >&2
  work=$cache/build/$platform-$key
  rm -rf "$prefix"
  mkdir -p "$work"
  cmake -S "$root/cmake" -B "$work" -G Ninja \
    -DCURLEW_DEPS_PREFIX="$prefix" -DCURLEW_TARGET_ARCH="$arch" \
    -DCURLEW_CROSS="$cross" -DCURLEW_JOBS="$jobs" >&2
  cmake --build "$work" -j "$jobs" >&2
  touch "$prefix/.complete"
  flock -u 9
  # The build tree is only needed to rebuild; the prefix is what is kept.
  rm -rf "$work"
fi

mkdir -p "$build"
ln -sfn "$prefix" "$build/deps"

cmake -S "$root/native" -B "$build/shim" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$cc" -DCURLEW_DEPS="$prefix" -DCURLEW_JAVA_HOME="$java_home" \
  -DCURLEW_TARGET_ARCH="$arch" >/dev/null
cmake --build "$build/shim" >&2
