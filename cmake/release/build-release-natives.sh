#!/usr/bin/env bash
# Builds the release natives: libjnicurlew.so for linux-x86_64 and
# linux-arm64, compiled in a Debian 11 (glibc 2.31) root so they load on old
# glibc, each checked against the documented GLIBC floor (the build fails when
# a library needs a newer symbol version). Cold: the root (about 1 min) and the
# two static stacks (about 2-3 min each) are built once and cached under
# $CURLEW_CACHE/release; warm: only the shims and the JavaCPP links run.
#
#   build-release-natives.sh [OUT_DIR] [CLASSES_DIR]
#
# OUT_DIR (default target/release-natives) receives
#   io/curlew/raw/jni/<platform>/libjnicurlew.so
# the layout of the natives jars and of the drop-in jar. CLASSES_DIR (default
# target/classes) must hold the compiled classes (mvn compile).
# CURLEW_RELEASE_PLATFORMS narrows the platform list. Needs root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
out=${1:-$project/target/release-natives}
classes=${2:-$project/target/classes}
platforms=${CURLEW_RELEASE_PLATFORMS:-linux-x86_64 linux-arm64}
# The floor is documented once, in the loader that names it in its errors.
floor=$(sed -n 's/.*String GLIBC_FLOOR = "\([0-9.]*\)".*/\1/p' \
  "$project/src/main/java/io/curlew/raw/jni/NativeLibrary.java")
[ -n "$floor" ] || { echo "curlew: GLIBC_FLOOR not found in NativeLibrary.java" >&2; exit 1; }

log() { printf 'curlew release: %s\n' "$*" >&2; }
[ -f "$classes/io/curlew/raw/jni/CurlewNative.class" ] || {
  log "no compiled classes in $classes; run mvn compile (or mvn package) first"; exit 1; }

t0=$(date +%s)
CURLEW_ROOT=$("$here/build-root.sh")
export CURLEW_ROOT
SOURCE_DATE_EPOCH=$("$here/source-date-epoch.sh")
export SOURCE_DATE_EPOCH
log "root ready after $(( $(date +%s) - t0 )) s; SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"

for platform in $platforms; do
  t=$(date +%s)
  "$here/build-stack.sh" "$platform" >/dev/null
  lib=$("$here/link-library.sh" "$platform" "$classes" "$out")
  bash "$project/cmake/check-library.sh" "$lib" "$floor" >&2
  log "$platform done in $(( $(date +%s) - t )) s: $(sha256sum "$lib" | cut -c1-16)  $lib"
done
log "release natives built in $(( $(date +%s) - t0 )) s (GLIBC floor $floor)"
