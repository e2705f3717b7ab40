#!/usr/bin/env bash
# The sanitizer run of curlew's native code: builds an AddressSanitizer +
# UndefinedBehaviorSanitizer variant of libjnicurlew.so and runs the JUnit
# tests that drive the native code hardest against it, in a JVM with the ASan
# runtime preloaded. Fails on any test failure, JVM crash or sanitizer report.
#
#   .ci/asan-check.sh [--classpath CP] [--selftest] [TEST-CLASS...]
#
# Needs a built checkout (`mvn -DskipTests package`, or the Maven build that
# calls this in its verify phase): target/classes, target/test-classes and
# target/native/deps (the static third-party stack of cmake/build-native.sh).
#   --classpath CP  the test class path (the Maven build passes it); without
#                   it, Maven's dependency plugin writes it, offline
#   --selftest      the negative control instead: a library with a
#                   deliberate heap overflow, signed overflow and leak
#                   (src/test/native/asan_selftest.c) must make the run fail
#                   with the matching report, each; exits 0 only if all do
#   TEST-CLASS      fully qualified test classes to run instead of the default
#                   (for --selftest: TransferTest, one small test)
#
# Everything goes under target/asan/. Only curlew's own code is instrumented:
# the C shims (native/*.c) and the JavaCPP-generated JNI glue. libcurl,
# OpenSSL and the rest are the same uninstrumented static archives as in the
# shipped library; ASan still checks every malloc/free they make, since its
# runtime replaces the allocator process-wide.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=$root/target
out=$target/asan

classpath=""
selftest=0
tests=()
while [ $# -gt 0 ]; do
  case "$1" in
    --classpath) classpath=$2; shift 2 ;;
    --selftest) selftest=1; shift ;;
    -*) echo "asan-check: unknown option $1" >&2; exit 2 ;;
    *) tests+=("$1"); shift ;;
  esac
done

# The default selection: the test classes that drive curlew's native code in
# this JVM (the event loop and streaming, easy, callbacks, TLS options, debug
# logging, caches, misuse, multi, share, mime, URL, WebSocket, the raw layer,
# multi handle reuse),
# the engine's first, before other tests' leftovers are around. The example
# tests are left out: they run their code in child processes.
if [ ${#tests[@]} -eq 0 ] && [ $selftest = 1 ]; then
  tests=(io.curlew.easy.TransferTest)
elif [ ${#tests[@]} -eq 0 ]; then
  tests=(
    io.curlew.async.CurlClientTest
    io.curlew.async.StreamingTest
    io.curlew.async.StreamingUploadTest
    io.curlew.easy.CacheFilesTest
    io.curlew.easy.CallbackTest
    io.curlew.easy.DefaultsAndLoggingTest
    io.curlew.easy.MisuseTest
    io.curlew.easy.TlsAndCaTest
    io.curlew.easy.TransferTest
    io.curlew.more.MimeTest
    io.curlew.more.MultiTest
    io.curlew.more.ShareTest
    io.curlew.more.UrlTest
    io.curlew.more.WebSocketTest
    io.curlew.raw.RawLayerTest
    io.curlew.CurlMultiReuseTest
  )
fi

fail() { echo "asan-check: $*" >&2; exit 1; }

[ -f "$target/classes/io/curlew/raw/jni/CurlewNative.class" ] \
  || fail "no target/classes: build first (mvn -DskipTests package)"
[ -d "$target/test-classes/io/curlew" ] \
  || fail "no target/test-classes: build first (mvn -DskipTests package)"
deps=$(readlink -f "$target/native/deps") \
  || fail "no target/native/deps: build first (mvn -DskipTests package)"
[ -f "$deps/lib/libcurl.a" ] || fail "no static libcurl in $deps"

# The ASan runtime has to come first in the process (LD_PRELOAD, since the
# JVM itself is not instrumented); gcc says where its own one is.
libasan=$(gcc -print-file-name=libasan.so)
[ -f "$libasan" ] || fail "gcc has no libasan.so (Debian: libasan8, which gcc's libgcc-*-dev brings)"

if [ -z "$classpath" ]; then
  mkdir -p "$out"
  # pinned, so that the prefix does not need a newer plugin than the build has
  mvn -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/test.classpath" >&2
  classpath=$target/test-classes:$target/classes:$(cat "$out/test.classpath")
fi
javacpp_jar=$(tr ':' '\n' <<<"$classpath" | grep -m1 '/javacpp-[0-9][^/]*\.jar$') \
  || fail "no javacpp jar on the class path"

java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
java_home=$("$java_bin" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.home = //p')

san_flags="-fsanitize=address,undefined -fno-omit-frame-pointer -g"

# 1. The C shims, from native/CMakeLists.txt as in cmake/build-native.sh, with
#    the sanitizers added. No build type: Release would add -DNDEBUG.
build_shim() {
  cmake -S "$root/native" -B "$out/shim" -G Ninja -DCMAKE_BUILD_TYPE= \
    -DCMAKE_C_COMPILER=gcc "-DCMAKE_C_FLAGS=$san_flags" \
    -DCURLEW_DEPS="$deps" -DCURLEW_JAVA_HOME="$java_home" \
    -DCURLEW_TARGET_ARCH=x86_64 >/dev/null
  cmake --build "$out/shim" >&2
}

# 2. The JNI glue and the link, by JavaCPP's Builder with the options of the
#    javacpp-build execution in pom.xml, the sanitizers added and -O1 -g in
#    place of its stripped -O3. The generated .cpp files stay beside the
#    library (-nodelete). Extra arguments are more objects and link options.
build_library() {
  local dir=$1; shift
  local opts=(
    $san_flags -DCURL_STATICLIB -fvisibility=hidden
    -Wl,--whole-archive "$out/shim/libcurlew_shim.a" -Wl,--no-whole-archive
    "$@"
    "$deps/lib/libcurl.a" "$deps/lib/libnghttp2.a" "$deps/lib/libssl.a"
    "$deps/lib/libcrypto.a" "$deps/lib/libbrotlidec.a" "$deps/lib/libbrotlicommon.a"
    "$deps/lib/libzstd.a" "$deps/lib/libz.a"
    -ldl -static-libstdc++ -static-libgcc -Wl,-z,defs
    "-Wl,--version-script=$root/native/exports.map" -Wl,--gc-sections
    -Wl,-z,relro,-z,now
  )
  local x=() o
  for o in "${opts[@]}"; do x+=(-Xcompiler "$o"); done
  mkdir -p "$dir"
  "$java_bin" -cp "$javacpp_jar:$target/classes" org.bytedeco.javacpp.tools.Builder \
    -cp "$target/classes" -d "$dir" -nodelete \
    "-Dplatform.compiler.default=-march=x86-64 -m64 -O1" \
    "-Dplatform.includepath=$root/native:$deps/include" \
    "${x[@]}" io.curlew.raw.jni.CurlewNative >"$dir/build.log" 2>&1 \
    || { cat "$dir/build.log" >&2; fail "building $dir/libjnicurlew.so failed"; }
  [ -f "$dir/libjnicurlew.so" ] || fail "no $dir/libjnicurlew.so"
}

# 3. One JVM, the ASan runtime preloaded, the library picked by
#    curlew.library.path (NativeLibrary), the tests run by JUnit's console
#    launcher. ASan reports go to files under <run>/logs, UBSan's (whose
#    log_path this gcc's runtime ignores next to ASan) to the output.
#   ASAN_OPTIONS: the JVM takes SIGSEGV, SIGBUS, SIGFPE and SIGILL for its own
#     implicit null and range checks and safepoints, so ASan must not handle
#     them and must let the JVM install its handlers. exitcode 23 tells an
#     ASan (or leak) stop apart from a failed test. Use of a returned stack
#     frame is checked too (a shim handing out a pointer to a local), and
#     string functions read their whole argument (strict_string_checks).
#   Leak checking at JVM exit (CURLEW_ASAN_LEAKS=0 turns it off): LeakSanitizer
#     calls a block leaked when no word of scanned memory points at it. Here
#     it scans the loaded modules' data and the heap blocks only: scanning
#     the threads (stacks, registers, TLS) faults on memory the JVM keeps
#     protected, and so does the class data sharing archive (hence
#     -Xshare:off). It never sees the Java heap or the JVM's metadata, so the
#     JVM "leaks" megabytes: .ci/asan-lsan.supp drops those by the function
#     that allocated them, which also keeps the check at seconds. What fails
#     the run is a *direct* leak allocated by curlew's library: a block of
#     the shims, the glue, libcurl or its stack that nothing points at
#     (leaked_by_curlew). Indirect leaks are left out: a block that only
#     unscanned memory holds is in use, and so is what it points at. This
#     works because the tests close what they open (the shared client of
#     io.curlew.testing.Driver closes in a shutdown hook, which runs before
#     the check): a handle that only a live Java object held at exit would
#     count as a leak too.
#   CURLEW_ASAN_OPTIONS, when set, is appended to ASAN_OPTIONS (later options
#     win), e.g. fast_unwind_on_malloc=0 for allocation stacks through code
#     built without frame pointers (libcurl, OpenSSL), at some cost in time.
#   UBSAN_OPTIONS: stop at the first report, with a stack.
run_tests() {
  local lib=$1 run=$2; shift 2
  rm -rf "$run"
  mkdir -p "$run/logs"
  local sel=() t
  for t in "${tests[@]}"; do sel+=(--select-class "$t"); done
  local rc=0
  env LD_PRELOAD="$libasan" \
    ASAN_OPTIONS="handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0:handle_abort=0:allow_user_segv_handler=1:use_sigaltstack=0:detect_stack_use_after_return=1:strict_string_checks=1:halt_on_error=1:exitcode=23:detect_leaks=${CURLEW_ASAN_LEAKS:-1}:log_path=$run/logs/asan${CURLEW_ASAN_OPTIONS:+:$CURLEW_ASAN_OPTIONS}" \
    LSAN_OPTIONS="use_stacks=0:use_registers=0:use_tls=0:suppressions=$root/.ci/asan-lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=24" \
    "$@" \
    "$java_bin" -Xss4m -Xshare:off --enable-native-access=ALL-UNNAMED \
      -XX:ErrorFile="$run/hs_err_pid%p.log" \
      -Dcurlew.library.path="$lib" \
      -Dcurlew.examples.dir="$root/examples" -Dcurlew.native.deps="$deps" \
      -cp "$classpath" org.junit.platform.console.ConsoleLauncher execute \
      --disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
      --reports-dir="$run/reports" \
      "${sel[@]}" >"$run/output.log" 2>&1 || rc=$?
  echo "$rc" >"$run/exit-code"
}

# The direct leaks in LeakSanitizer reports whose allocating frame (#1, the
# caller of malloc) is in curlew's library: the shims (native/), the glue
# (the generated .cpp) or the static stack linked into libjnicurlew.so.
leaked_by_curlew() {
  awk 'BEGIN { RS = "" }
       /^Direct leak of/ {
         n = split($0, line, "\n"); site = ""
         for (i = 2; i <= n; i++) if (line[i] ~ /^ *#1 /) { site = line[i]; break }
         if (site ~ /libjnicurlew\.so|native\/|jni(curlew|javacpp)\.cpp:|asan_selftest\.c/ &&
             site !~ / in CRYPTO_[a-z]*alloc /) { print; print "" }
       }' "$@"
}

# Prints what went wrong in a run to stderr; returns 0 only for a clean run:
# no sanitizer error, no leak of curlew's, no JVM crash, every test passed.
check_run() {
  local run=$1 rc bad=0 f
  rc=$(cat "$run/exit-code")
  for f in "$run"/logs/* "$run/output.log"; do
    [ -f "$f" ] || continue
    # an ASan error in a log file, or on stderr if it could not reach one
    if grep -q 'ERROR: AddressSanitizer' "$f"; then
      echo "asan-check: AddressSanitizer report in $f:" >&2
      sed -n '/ERROR: AddressSanitizer/,/^SUMMARY/p' "$f" | head -n 60 >&2
      bad=1
    fi
    if grep -q 'runtime error: ' "$f"; then
      echo "asan-check: UndefinedBehaviorSanitizer report in $f:" >&2
      grep -A 20 'runtime error: ' "$f" | head -n 40 >&2
      bad=1
    fi
    if grep -q 'LeakSanitizer has encountered a fatal error' "$f"; then
      echo "asan-check: the leak check itself failed in $f:" >&2
      grep -B 3 -A 3 'LeakSanitizer has encountered' "$f" >&2
      bad=1
    fi
  done
  if ls "$run"/logs/* >/dev/null 2>&1; then
    leaked_by_curlew "$run"/logs/* >"$run/leaks.txt"
    if [ -s "$run/leaks.txt" ]; then
      echo "asan-check: LeakSanitizer: memory allocated by curlew's library and lost:" >&2
      head -n 60 "$run/leaks.txt" >&2
      bad=1
    fi
  fi
  if ls "$run"/hs_err_pid*.log >/dev/null 2>&1; then
    echo "asan-check: the JVM crashed: $(ls "$run"/hs_err_pid*.log)" >&2
    bad=1
  fi
  # The tests' verdict: the console launcher's exit code, unless the leak
  # check at exit replaced it (exit 23 with a leak report and no error).
  local leak_exit=0
  if [ "$rc" = 23 ] && grep -qs 'ERROR: LeakSanitizer: detected memory leaks' "$run"/logs/* \
      && ! grep -qs 'ERROR: AddressSanitizer' "$run"/logs/* "$run/output.log"; then
    leak_exit=1
  fi
  if [ "$rc" = 0 ] || [ $leak_exit = 1 ]; then
    if ! grep -q '^Test run finished' "$run/output.log" \
        || ! grep -qE '^\[ +0 tests failed +\]' "$run/output.log" \
        || ! grep -qE '^\[ +0 containers failed +\]' "$run/output.log"; then
      echo "asan-check: tests failed or the run did not finish" >&2
      bad=1
    fi
  else
    case "$rc" in
      23) echo "asan-check: AddressSanitizer stopped the JVM (exit 23)" >&2 ;;
      24) echo "asan-check: UndefinedBehaviorSanitizer stopped the JVM (exit 24)" >&2 ;;
      *) echo "asan-check: the test JVM exited with $rc" >&2 ;;
    esac
    bad=1
  fi
  if [ $bad = 1 ]; then
    sed -n '/^Failures (/,/^Test run finished/p' "$run/output.log" | head -n 80 >&2
    grep -E '^\[ +[0-9]+ tests (successful|failed|aborted) +\]' "$run/output.log" >&2 || true
  fi
  return $bad
}

start=$SECONDS
build_shim

if [ $selftest = 0 ]; then
  build_library "$out/lib"
  echo "asan-check: built $out/lib/libjnicurlew.so in $((SECONDS - start)) s; running ${#tests[@]} test classes" >&2
  run_tests "$out/lib/libjnicurlew.so" "$out/run"
  if ! check_run "$out/run"; then
    fail "FAILED (full output: $out/run/output.log)"
  fi
  # the console launcher's summary
  sed -n '/^Test run finished/,/tests failed/p' "$out/run/output.log" >&2
  echo "asan-check: no ASan, UBSan or curlew leak report, all tests passed ($((SECONDS - start)) s)" >&2
  exit 0
fi

# Negative control: the same build and run, plus src/test/native/asan_selftest.c
# wrapped around curlew_easy_init; each kind of error must fail the run with
# its own report, located in that file.
gcc $san_flags -O1 -fPIC -c "$root/src/test/native/asan_selftest.c" -o "$out/asan_selftest.o"
build_library "$out/selftest" "$out/asan_selftest.o" -Wl,--wrap=curlew_easy_init
ok=1
for kind in heap ubsan leak; do
  case $kind in
    heap) want='ERROR: AddressSanitizer: heap-buffer-overflow' ;;
    ubsan) want='runtime error: signed integer overflow' ;;
    leak) want='memory allocated by curlew.s library and lost' ;;
  esac
  run_tests "$out/selftest/libjnicurlew.so" "$out/selftest-$kind" CURLEW_ASAN_SELFTEST=$kind
  if check_run "$out/selftest-$kind" 2>"$out/selftest-$kind/check.log"; then
    echo "asan-check: selftest $kind: the run passed although the library has a deliberate error" >&2
    ok=0
  elif grep -q "$want" "$out/selftest-$kind/check.log" \
      && grep -q 'asan_selftest.c' "$out/selftest-$kind/check.log"; then
    echo "asan-check: selftest $kind: failed as it must, with: $(grep -m1 -o "$want.*" "$out/selftest-$kind/check.log")" >&2
  else
    echo "asan-check: selftest $kind: failed, but not with '$want' at asan_selftest.c:" >&2
    cat "$out/selftest-$kind/check.log" >&2
    ok=0
  fi
done
[ $ok = 1 ] || fail "the negative control did not catch every deliberate error"
echo "asan-check: negative control ok: every deliberate error was reported ($((SECONDS - start)) s)" >&2
