#!/usr/bin/env bash
# Builds curl's own test harness for the libcurl that curlew bundles: the curl
# CLI, curlinfo and the `testdeps` target (test servers, the C `libtests`,
# unit tests), from the same pinned tarball and patches, configured with the
# same switches and linked against the same static dependency prefix.
# runtests.pl decides which tests can run from `src/curl -V` and curlinfo, so
# they must describe exactly the libcurl the JVM loads.
#
#   curl-testsuite.sh <deps-prefix>
#
# <deps-prefix> is the static stack build-native.sh made (target/native/deps).
# Prints the directory holding the source tree (curl-<version>/) and the build
# tree (build/) on stdout; progress goes to stderr. The result is cached in
# $CURLEW_CACHE/curltests/<key>, where <key> hashes every input, so a second
# run does nothing. Never downloads anything but what fetch-source.sh fetches.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps=$(readlink -f "${1:?usage: curl-testsuite.sh <deps-prefix>}")
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
# The machine is shared: two jobs at most, whatever nproc says.
jobs=${CURLEW_JOBS:-2}

[ -f "$deps/lib/libcurl.a" ] && [ -f "$deps/include/curl/curl.h" ] || {
  echo "curlew: $deps is not a curlew dependency prefix (run mvn generate-sources first)" >&2
  exit 2
}

# The pinned curl, as versions.cmake names it.
pin() { sed -n "s/^set($1 \"\{0,1\}\([^\")]*\)\"\{0,1\})$/\1/p" "$root/cmake/versions.cmake"; }
version=$(pin CURL_VERSION)
file=$(pin CURL_FILE)
sha=$(pin CURL_SHA256)
[ -n "$version" ] && [ -n "$file" ] && [ -n "$sha" ] || {
  echo "curlew: cannot read the curl pin from cmake/versions.cmake" >&2
  exit 2
}

# curlew's libcurl configuration, taken from the superbuild itself (every -D of
# the ExternalProject_Add(curl ...) block) rather than copied, so the two
# cannot drift apart. ${P} there is the dependency prefix.
mapfile -t curl_args < <(awk '/^ExternalProject_Add\(curl$/,/\)$/' "$root/cmake/CMakeLists.txt" |
  grep -o -- '-D[A-Za-z0-9_]*=[^ )]*' | sed "s|\${P}|$deps|g" |
  grep -v -e '^-DBUILD_CURL_EXE=' -e '^-DBUILD_TESTING=' -e '^-DBUILD_SHARED_LIBS=')
[ "${#curl_args[@]}" -gt 20 ] || {
  echo "curlew: could not read curl's options from cmake/CMakeLists.txt" >&2
  exit 2
}

# Everything that changes the result: the pins, the superbuild (options),
# the patches, this script, the toolchain and the dependency prefix (its path
# carries build-native.sh's own key).
key=$( { cat "$root/cmake/versions.cmake" "$root/cmake/CMakeLists.txt" "$root"/cmake/patches/*.patch "$0";
         gcc --version | head -n 1; cmake --version | head -n 1; echo "$deps"; } |
       sha256sum | cut -c1-16)
out=$cache/curltests/$key

# One build per key at a time, across processes and worktrees.
mkdir -p "$cache/curltests"
exec 9>"$cache/curltests/$key.lock"
flock 9

if [ ! -f "$out/.complete" ]; then
  echo "curlew: building curl $version's test suite into $out (once per input set)" >&2
  rm -rf "$out"
  mkdir -p "$out/tarball"
  bash "$root/cmake/fetch-source.sh" CURL "$file" "$sha" "$(pin CURL_DEBSRC)" \
    "$(pin CURL_UPSTREAM)" "$out/tarball" >&2
  tar -xzf "$out/tarball/$file" -C "$out"
  rm -rf "$out/tarball"
  src=$out/curl-$version
  [ -d "$src" ] || { echo "curlew: $file did not unpack to curl-$version/" >&2; exit 1; }
  # The same patches, in the same order, as the superbuild applies.
  for p in "$root"/cmake/patches/curl-*.patch; do
    [ -f "$p" ] || continue
    patch -d "$src" -p1 --forward --quiet -i "$p" >&2
  done
  # Release build with a static libcurl, as curlew links it. The CLI and the
  # test programs are what is added; certificates are skipped (they need the
  # openssl tool, and TLS tests need stunnel, which is not required here).
  cmake -S "$src" -B "$out/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DCMAKE_C_COMPILER=gcc -DBUILD_SHARED_LIBS=OFF \
    "${curl_args[@]}" \
    -DBUILD_CURL_EXE=ON -DBUILD_TESTING=ON -D_CURL_SKIP_BUILD_CERTS=ON >&2
  cmake --build "$out/build" -j "$jobs" >&2
  cmake --build "$out/build" -j "$jobs" --target testdeps >&2
  # Object files are only needed to rebuild, which never happens in place.
  find "$out/build" -name '*.o' -delete
  touch "$out/.complete"
fi

echo "$out"
