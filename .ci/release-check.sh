#!/usr/bin/env bash
# Release check: builds the release natives (cmake/release/) and proves them on
# their oldest target systems, on this machine:
#   linux-x86_64  in a Debian 11 root (glibc 2.31, bullseye's Java 17), chroot
#   linux-arm64   under qemu-aarch64-static with Debian 11 arm64 (glibc 2.31,
#                 bullseye's arm64 Java 17)
# On each, the JUnit console launcher runs
#   ReleaseSmokeTest   the loaded library is the release file for the platform,
#                      the process runs on glibc 2.31 (libc-2.31.so mapped),
#                      and real HTTP and HTTPS downloads (5 MB, SHA-256 checked)
#                      from serve.py on 127.0.0.1 arrive whole
#   NativeLibraryTest  the loader's platform naming and unsupported-platform error
#   RawLayerTest       transfers, callbacks and misuse against the Jetty server
#   DriftTest          generated Java tables against the loaded libcurl
# and the output must hold no JNI warning (-Xcheck:jni). When a drop-in jar
# (mvn package -Prelease-natives) newer than the natives exists,
# ReleaseSmokeTest also runs from it alone (x86_64), and it and the natives jars
# must carry byte-identical copies of the tested libraries.
#
#   .ci/release-check.sh            (from .ci/run, after mvn verify)
#
# Needs: root, debootstrap, qemu-user-static, python3, openssl, and compiled
# classes and test classes (mvn verify, or mvn test-compile; run here if
# missing). Cold (empty ~/.cache/curlew/release) about 6-10 min on 2 cores;
# warm well under a minute. CURLEW_RELEASE_PLATFORMS narrows the platforms.
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
cd "$project"
platforms=${CURLEW_RELEASE_PLATFORMS:-linux-x86_64 linux-arm64}
work=$project/target/release-check
natives=$project/target/release-natives
t0=$(date +%s)
log() { printf 'curlew release-check: [%3ds] %s\n' "$(( $(date +%s) - t0 ))" "$*" >&2; }
mkdir -p "$work"

# --- classes --------------------------------------------------------------------
if [ ! -f target/test-classes/io/curlew/ReleaseSmokeTest.class ] ||
   [ ! -f target/classes/io/curlew/raw/jni/CurlewNative.class ]; then
  log "no compiled test classes; running mvn test-compile"
  mvn -q test-compile
fi

# --- release natives (cached root and stacks) -----------------------------------------
CURLEW_RELEASE_PLATFORMS=$platforms cmake/release/build-release-natives.sh "$natives" target/classes
log "release natives ready"

# --- test class path and the JUnit console launcher --------------------------------------
cp_file=$work/classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
fi
deps=$(tr ':' '\n' < "$cp_file" | grep -v -E '/(org/junit|org/opentest4j|org/apiguardian)/' | paste -sd: -)
junit=$(tr ':' '\n' < "$cp_file" | sed -n 's:.*/junit-platform-engine/\([^/]*\)/.*:\1:p' | head -n 1)
console=$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$junit/junit-platform-console-standalone-$junit.jar
if [ ! -f "$console" ]; then
  mvn -q dependency:get -Dtransitive=false \
    -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit" >&2
fi

# --- the bullseye Java systems (cached) ------------------------------------------------------
for platform in $platforms; do
  case "$platform" in
    linux-x86_64) .ci/release/make-jre-root.sh amd64 >/dev/null ;;
    linux-arm64) .ci/release/make-jre-root.sh arm64 >/dev/null ;;
  esac
done
log "bullseye Java roots ready"

# --- served data, certificate and the local server ----------------------------------------
rm -rf "$work/www" "$work/tls" "$work"/reports-*
mkdir -p "$work/www" "$work/tls"
head -c 5000000 /dev/urandom > "$work/www/blob.bin"
size=$(stat -c %s "$work/www/blob.bin")
sha=$(sha256sum "$work/www/blob.bin" | cut -d' ' -f1)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$work/tls/key.pem" -out "$work/tls/cert.pem" 2>/dev/null
coproc SERVER { exec python3 "$project/.ci/release/serve.py" "$work/www" \
  "$work/tls/cert.pem" "$work/tls/key.pem" --max-seconds 900; }
server_pid=$SERVER_PID
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
read -r -t 30 ports <&"${SERVER[0]}" || { log "the local server did not start"; exit 1; }
http=${ports#http=}; http=${http%% *}
https=${ports##*https=}
log "local server: http://127.0.0.1:$http https://127.0.0.1:$https"

# --- the tests, per platform ----------------------------------------------------------
# run_tests PLATFORM LABEL CLASS_PATH TEST_CLASS...
run_tests() {
  local platform=$1 label=$2 classpath=$3 arch speed cds t
  shift 3
  case "$platform" in
    linux-x86_64) arch=amd64 ;;
    linux-arm64) arch=arm64 ;;
    *) log "no test system for $platform"; return 1 ;;
  esac
  local lib=$natives/io/curlew/raw/jni/$platform/libjnicurlew.so
  local out=$work/$platform-$label.log
  local selects=()
  for c in "$@"; do selects+=("--select-class=$c"); done
  # Speed under emulation: C1 only, and an application class-data archive
  # (made by the first run, used by the next ones; keyed by the class path).
  cds=$work/cds-$arch-$label-$(echo "$classpath" | sha256sum | cut -c1-12).jsa
  if [ -f "$cds" ]; then
    speed="-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$cds"
  else
    rm -f "$work"/cds-"$arch-$label"-*.jsa
    speed="-XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit=$cds"
  fi
  t=$(date +%s)
  # shellcheck disable=SC2086
  if ! CURLEW_RUN_BINDS="$HOME/.m2/repository" timeout 600 .ci/release/run-java.sh "$arch" \
      $speed -Xss2m -Xcheck:jni --enable-native-access=ALL-UNNAMED \
      -Dorg.bytedeco.javacpp.cachedir="$work/javacpp-cache-$arch-$label" \
      -Dcurlew.smoke.platform="$platform" \
      -Dcurlew.smoke.library.sha256="$(sha256sum "$lib" | cut -d' ' -f1)" \
      -Dcurlew.smoke.http="http://127.0.0.1:$http/blob.bin" \
      -Dcurlew.smoke.https="https://127.0.0.1:$https/blob.bin" \
      -Dcurlew.smoke.ca="$work/tls/cert.pem" \
      -Dcurlew.smoke.size="$size" -Dcurlew.smoke.sha256="$sha" -Dcurlew.smoke.libc=libc-2.31.so \
      -jar "$console" execute --disable-banner --disable-ansi-colors --fail-if-no-tests \
      --details=tree --reports-dir="$work/reports-$platform-$label" \
      --class-path="$classpath" "${selects[@]}" > "$out" 2>&1; then
    tail -n 60 "$out" >&2
    log "$platform ($label): FAILED after $(( $(date +%s) - t )) s (full output: $out)"
    return 1
  fi
  if grep -E 'WARNING in native method|FATAL ERROR in native method|JNI call made' "$out" >&2; then
    log "$platform ($label): JNI warnings (full output: $out)"
    return 1
  fi
  grep -E '^curlew smoke:' "$out" | sed "s/^/  [$platform] /" >&2 || true
  log "$platform ($label): passed in $(( $(date +%s) - t )) s: $(grep -E 'tests (successful|failed)' "$out" |
    tr -s ' []' ' ' | paste -sd, -)"
}

# The drop-in jar, when mvn package -Prelease-natives made it after the
# natives were last linked (otherwise it is stale and its checks are skipped).
dropin=$(ls "$project"/target/curlew-*-all.jar 2>/dev/null | head -n 1 || true)
if [ -n "$dropin" ] && [ -n "$(find "$natives" -name libjnicurlew.so -newer "$dropin")" ]; then
  log "$dropin is older than the natives (rerun mvn package -Prelease-natives): jar checks skipped"
  dropin=""
fi

status=0
for platform in $platforms; do
  # The release natives come first on the class path, so their library wins
  # over the host build's in target/classes.
  run_tests "$platform" natives \
    "$natives:$project/target/test-classes:$project/target/classes:$deps" \
    io.curlew.ReleaseSmokeTest io.curlew.raw.jni.NativeLibraryTest \
    io.curlew.raw.RawLayerTest io.curlew.DriftTest || status=1
  # The shipped drop-in jar alone (it bundles JavaCPP): loader, extraction from
  # the jar, transfers. On x86_64 only: under qemu a second JVM costs 15-20 s
  # and proves nothing the natives run (both platforms' libraries on the class
  # path) and the byte comparison below do not.
  if [ -n "$dropin" ] && [ "$platform" = linux-x86_64 ]; then
    run_tests "$platform" drop-in \
      "$dropin:$project/target/test-classes:$(echo "$deps" | tr ':' '\n' | grep -v /org/bytedeco/ | paste -sd: -)" \
      io.curlew.ReleaseSmokeTest || status=1
  fi
done
if [ -n "$dropin" ]; then
  # Every jar carries exactly the libraries tested above.
  for platform in $platforms; do
    entry=io/curlew/raw/jni/$platform/libjnicurlew.so
    want=$(sha256sum < "$natives/$entry")
    for jar in "$dropin" "${dropin%-all.jar}-$platform.jar"; do
      if [ "$(unzip -p "$jar" "$entry" 2>/dev/null | sha256sum)" != "$want" ]; then
        log "$jar does not carry the tested $entry"
        status=1
      fi
    done
  done
  [ "$status" != 0 ] || log "the drop-in and natives jars carry the tested libraries"
elif ! ls "$project"/target/curlew-*-all.jar >/dev/null 2>&1; then
  log "no drop-in jar (mvn package -Prelease-natives makes one): jar checks skipped"
fi

server_in=${SERVER[1]}
exec {server_in}>&-
wait "$server_pid" 2>/dev/null || true
trap - EXIT
if [ "$status" != 0 ]; then
  log "FAILED"
  exit 1
fi
log "release check passed in $(( $(date +%s) - t0 )) s"
