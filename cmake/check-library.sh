#!/usr/bin/env bash
# Checks a built libjnicurlew.so: it depends on libc-family libraries only,
# it exports JNI entry points only, and (with a second argument) it needs no
# GLIBC symbol version newer than that floor.
#
#   check-library.sh <libjnicurlew.so> [glibc-floor, e.g. 2.25]
set -euo pipefail

lib=$1
floor=${2:-}
fail() { echo "curlew: library check failed for $lib: $*" >&2; exit 1; }

[ -f "$lib" ] || fail "no such file"

needed=$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for n in $needed; do
  case "$n" in
    libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*.so.*) ;;
    *) fail "it needs $n; only libc-family libraries are allowed" ;;
  esac
done

exported=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^$' || true)
bad=$(echo "$exported" | grep -v -E '^(Java_|JNI_OnLoad$|JNI_OnUnload$)' || true)
[ -z "$bad" ] || fail "it exports non-JNI symbols: $(echo "$bad" | head -5 | tr '\n' ' ')"
count=$(echo "$exported" | grep -c '^Java_' || true)

newest=$(objdump -T "$lib" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
if [ -n "$floor" ] && [ -n "$newest" ]; then
  if [ "$(printf '%s\n%s\n' "$floor" "$newest" | sort -V | tail -n 1)" != "$floor" ]; then
    culprits=$(objdump -T "$lib" | grep -E "GLIBC_$newest\b" | awk '{print $NF}' | tr '\n' ' ')
    fail "it needs GLIBC_$newest ($culprits), above the floor GLIBC_$floor"
  fi
fi

echo "curlew: $lib ok: needs [$(echo $needed)], exports $count JNI functions, newest symbol GLIBC_$newest"
