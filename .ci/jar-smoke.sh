#!/usr/bin/env bash
# Checks the drop-in jar as a user would run it: the tour on JDK 17 and on JDK 25
# (native access denied unless granted), loading the native library from the jar alone,
# and the one clear error when the library cannot be loaded.
#
#   jar-smoke.sh <drop-in jar> [jdk25 home]
set -euo pipefail
jar=$1
jdk25=${2:-/usr/lib/jvm/temurin-25-jdk-amd64}
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
fail() { echo "curlew jar smoke: $*" >&2; exit 1; }

run_tour() {
  local java=$1; shift
  # a fresh extraction directory: the library must come out of the jar
  "$java" "$@" -Dorg.bytedeco.javacpp.cachedir="$cache/$(basename "$(dirname "$(dirname "$java")")")" \
    -jar "$jar" > "$cache/out.txt" 2>&1 || { cat "$cache/out.txt" >&2; fail "the tour failed on $java"; }
  grep -q '^== done' "$cache/out.txt" || { cat "$cache/out.txt" >&2; fail "the tour did not finish on $java"; }
  ! grep -qi 'warning' "$cache/out.txt" || { cat "$cache/out.txt" >&2; fail "warnings on $java"; }
}

run_tour java --enable-native-access=ALL-UNNAMED
echo "curlew jar smoke: tour OK on $(java -version 2>&1 | head -n 1)"
if [ -x "$jdk25/bin/java" ]; then
  run_tour "$jdk25/bin/java" --enable-native-access=ALL-UNNAMED --illegal-native-access=deny
  echo "curlew jar smoke: tour OK on $("$jdk25/bin/java" -version 2>&1 | head -n 1) with --illegal-native-access=deny"
fi

out=$(java -Dcurlew.library.path=/nonexistent/libjnicurlew.so -cp "$jar" io.curlew.tools.Tour 2>&1 || true)
echo "$out" | grep -q 'CurlewLoadError' || { echo "$out" >&2; fail "no CurlewLoadError for a missing library"; }
echo "$out" | grep -q '/nonexistent/libjnicurlew.so (no such file)' || { echo "$out" >&2; fail "the error does not name the path tried"; }
echo "curlew jar smoke: a missing library gives one CurlewLoadError naming what was tried"
