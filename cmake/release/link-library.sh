#!/usr/bin/env bash
# Links the release libjnicurlew.so of one platform inside the bullseye build
# root: the curlew shim archive (native/CMakeLists.txt) compiled with the
# root's compiler, then JavaCPP's JNI glue for io.curlew.raw.jni.CurlewNative
# linked with the shim and the static stack (build-stack.sh). JavaCPP runs on
# the host JDK; its compiler is chroot-cxx.sh.
#
#   link-library.sh PLATFORM CLASSES_DIR OUT_DIR [WORK_DIR]
#
# Writes OUT_DIR/io/curlew/raw/jni/PLATFORM/libjnicurlew.so, the layout of the
# natives jars. CLASSES_DIR holds the compiled classes (target/classes);
# WORK_DIR (default OUT_DIR/../release-build) keeps the shim build tree.
# Release-only link flags, next to the host build's (pom.xml):
#   -Wl,--wrap=fcntl64   native/glibc_compat.c binds fcntl64 to the old fcntl
#                        symbol, so the library needs no GLIBC_2.28.
#   -ldl                 dlopen/dlsym live in libdl before glibc 2.34.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
platform=${1:?usage: link-library.sh PLATFORM CLASSES_DIR OUT_DIR [WORK_DIR]}
classes=$(cd "${2:?classes directory}" && pwd)
mkdir -p "${3:?output directory}"
out=$(cd "$3" && pwd)
mkdir -p "${4:-$out/../release-build}"
work=$(cd "${4:-$out/../release-build}" && pwd)/$platform

case "$platform" in
  linux-x86_64) arch=x86_64 cross="" system="" ;;
  linux-arm64) arch=aarch64 cross=aarch64-linux-gnu-
               system="-DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR=aarch64" ;;
  *) echo "curlew: no release build for platform $platform" >&2; exit 2 ;;
esac

log() { printf 'curlew release: %s\n' "$*" >&2; }

root=${CURLEW_ROOT:-$("$here/build-root.sh")}
export CURLEW_ROOT=$root
prefix=$("$here/build-stack.sh" "$platform")
java_home=${CURLEW_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}}
javacpp_version=$(sed -n 's:.*<javacpp.version>\(.*\)</javacpp.version>.*:\1:p' "$project/pom.xml" | head -n 1)
javacpp_jar=${CURLEW_JAVACPP_JAR:-$HOME/.m2/repository/org/bytedeco/javacpp/$javacpp_version/javacpp-$javacpp_version.jar}
[ -f "$javacpp_jar" ] || { log "JavaCPP $javacpp_version not found at $javacpp_jar (run mvn package once, or set CURLEW_JAVACPP_JAR)"; exit 1; }

# Everything the root must see besides the project and the cache.
export CURLEW_ROOT_BINDS="$out:$work${CURLEW_ROOT_BINDS:+:$CURLEW_ROOT_BINDS}"
export CURLEW_ROOT_RO_BINDS="$classes:$java_home${CURLEW_ROOT_RO_BINDS:+:$CURLEW_ROOT_RO_BINDS}"

mkdir -p "$work/shim"
# shellcheck disable=SC2086
(cd "$work" &&
 "$here/in-root.sh" cmake -S "$project/native" -B "$work/shim" -G Ninja \
   -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="${cross}gcc" $system \
   -DCURLEW_DEPS="$prefix" -DCURLEW_JAVA_HOME="$java_home" -DCURLEW_TARGET_ARCH="$arch" >/dev/null &&
 "$here/in-root.sh" cmake --build "$work/shim" > "$work/shim-build.log" 2>&1) || {
  cat "$work/shim-build.log" >&2; log "the $platform shim failed to build"; exit 1; }

dest=$out/io/curlew/raw/jni/$platform
mkdir -p "$dest"
# Relink only when an input changed: the shim archive, the JNI class, the
# stack (its prefix path carries its key), the JDK headers, JavaCPP and this
# script.
stamp=$( { cat "$work/shim/libcurlew_shim.a" "$classes/io/curlew/raw/jni/CurlewNative.class" \
             "$project/native/exports.map" "$project"/native/*.h "$here/link-library.sh" \
             "$here/chroot-cxx.sh" "$here/canonical-jni-source.py" "$javacpp_jar" "$java_home/include/jni.h" "$root/.curlew-toolchain";
           echo "$prefix $platform"; } | sha256sum | cut -d' ' -f1)
if [ -f "$dest/libjnicurlew.so" ] && [ "$(cat "$work/link.stamp" 2>/dev/null)" = "$stamp" ]; then
  log "$platform: library up to date"
  echo "$dest/libjnicurlew.so"
  exit 0
fi
rm -f "$dest/libjnicurlew.so" "$work/link.stamp"
L=$prefix/lib
if ! CURLEW_RELEASE_CXX=${cross}g++ "$java_home/bin/java" -cp "$javacpp_jar" org.bytedeco.javacpp.tools.Builder \
  -classpath "$classes" -d "$dest" -properties "$platform" \
  -Dplatform.compiler="$here/chroot-cxx.sh" \
  -Dplatform.includepath="$project/native:$prefix/include" \
  -Xcompiler -DCURL_STATICLIB -Xcompiler -fvisibility=hidden \
  -Xcompiler "-ffile-prefix-map=$dest=." \
  -Xcompiler -Wl,--whole-archive -Xcompiler "$work/shim/libcurlew_shim.a" \
  -Xcompiler -Wl,--no-whole-archive \
  -Xcompiler "$L/libcurl.a" -Xcompiler "$L/libnghttp2.a" \
  -Xcompiler "$L/libssl.a" -Xcompiler "$L/libcrypto.a" \
  -Xcompiler "$L/libbrotlidec.a" -Xcompiler "$L/libbrotlicommon.a" \
  -Xcompiler "$L/libzstd.a" -Xcompiler "$L/libz.a" \
  -Xcompiler -ldl -Xcompiler -static-libstdc++ -Xcompiler -static-libgcc \
  -Xcompiler -Wl,--wrap=fcntl64 -Xcompiler -Wl,-z,defs \
  -Xcompiler "-Wl,--version-script=$project/native/exports.map" \
  -Xcompiler -Wl,--gc-sections -Xcompiler -Wl,-z,relro,-z,now \
  io.curlew.raw.jni.CurlewNative > "$work/javacpp.log" 2>&1 ||
   [ ! -f "$dest/libjnicurlew.so" ]; then
  cat "$work/javacpp.log" >&2
  log "JavaCPP did not link $dest/libjnicurlew.so"
  exit 1
fi
echo "$stamp" > "$work/link.stamp"
echo "$dest/libjnicurlew.so"
