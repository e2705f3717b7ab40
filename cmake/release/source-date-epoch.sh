#!/usr/bin/env bash
# Prints the SOURCE_DATE_EPOCH of the release natives: the commit time of the
# last change to the pinned versions (cmake/versions.cmake), so the date
# OpenSSL records ("built on") moves only when the pins do, and two builds of
# the same pins give byte-identical libraries. An exported SOURCE_DATE_EPOCH
# wins; outside a git checkout a fixed date is used.
set -euo pipefail

if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  echo "$SOURCE_DATE_EPOCH"
  exit 0
fi
project=$(cd "$(dirname "$0")/../.." && pwd)
epoch=$(git -C "$project" log -1 --format=%ct -- cmake/versions.cmake 2>/dev/null || true)
echo "${epoch:-1767225600}"
