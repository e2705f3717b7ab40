#!/usr/bin/env bash
# JavaCPP's platform.compiler for the release natives: runs the C++ compiler
# driver named by CURLEW_RELEASE_CXX (default g++; aarch64-linux-gnu-g++ for
# linux-arm64) inside the bullseye build root, in the current directory, with
# the arguments JavaCPP gives. Paths stay valid because in-root.sh mounts the
# project, the dependency cache and /usr/lib/jvm at their host paths.
# The generated .cpp sources are first put in a fixed function order
# (canonical-jni-source.py), so the library is reproducible.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sources=()
for a in "$@"; do
  case "$a" in *.cpp) [ -f "$a" ] && sources+=("$a") ;; esac
done
[ ${#sources[@]} = 0 ] || python3 "$here/canonical-jni-source.py" "${sources[@]}"
exec "$here/in-root.sh" "${CURLEW_RELEASE_CXX:-g++}" "$@"
