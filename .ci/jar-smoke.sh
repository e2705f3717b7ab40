#!/usr/bin/env bash
# Checks the jars as a user would run them: the drop-in jar's tour on JDK 17 and on
# JDK 25 (native access denied unless granted), loading the native library from the jar
# alone; the io.curlew module on the module path; and the one clear error when the
# library cannot be loaded.
#
#   jar-smoke.sh <drop-in jar> [jdk25 home] [module path: classes jar:natives jar:javacpp jar]
set -euo pipefail
jar=$1
jdk25=${2:-/usr/lib/jvm/temurin-25-jdk-amd64}
module_path=${3:-}
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
fail() { echo "curlew jar smoke: $*" >&2; exit 1; }

run_tour() {
  local java=$1; shift
  # a fresh extraction directory: the library must come out of the jar
  "$java" -Dorg.bytedeco.javacpp.cachedir="$cache/$(basename "$(dirname "$(dirname "$java")")")$RANDOM" \
    "$@" > "$cache/out.txt" 2>&1 || { cat "$cache/out.txt" >&2; fail "the tour failed on $java"; }
  grep -q '^== done' "$cache/out.txt" || { cat "$cache/out.txt" >&2; fail "the tour did not finish on $java"; }
  ! grep -qi 'warning' "$cache/out.txt" || { cat "$cache/out.txt" >&2; fail "warnings on $java"; }
}

run_tour java --enable-native-access=ALL-UNNAMED -jar "$jar"
echo "curlew jar smoke: tour OK on $(java -version 2>&1 | head -n 1)"
if [ -x "$jdk25/bin/java" ]; then
  run_tour "$jdk25/bin/java" --enable-native-access=ALL-UNNAMED --illegal-native-access=deny \
    -jar "$jar"
  echo "curlew jar smoke: tour OK on $("$jdk25/bin/java" -version 2>&1 | head -n 1) with --illegal-native-access=deny"
fi

if [ -n "$module_path" ]; then
  # the natives jar is an automatic module nothing requires: it has to be added
  natives_jar=$(realpath "$(echo "$module_path" | cut -d: -f2)")
  (cd "$cache" && jar xf "$natives_jar" META-INF/MANIFEST.MF)
  natives=$(sed -n 's/^Automatic-Module-Name: *\([^[:space:]]*\).*/\1/p' "$cache/META-INF/MANIFEST.MF")
  java_mp=java
  deny=()
  if [ -x "$jdk25/bin/java" ]; then
    java_mp=$jdk25/bin/java
    deny=(--illegal-native-access=deny)
  fi
  run_tour "$java_mp" --module-path "$module_path" --add-modules "$natives" \
    --enable-native-access=org.bytedeco.javacpp,io.curlew "${deny[@]}" -m io.curlew/io.curlew.tools.Tour
  echo "curlew jar smoke: tour OK with io.curlew on the module path ($natives added)"
fi

out=$(java -Dcurlew.library.path=/nonexistent/libjnicurlew.so -cp "$jar" io.curlew.tools.Tour 2>&1 || true)
echo "$out" | grep -q 'CurlewLoadError' || { echo "$out" >&2; fail "no CurlewLoadError for a missing library"; }
echo "$out" | grep -q '/nonexistent/libjnicurlew.so (no such file)' || { echo "$out" >&2; fail "the error does not name the path tried"; }
echo "curlew jar smoke: a missing library gives one CurlewLoadError naming what was tried"
