#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt already uses, so no mirror
# host name is ever written into the project:
#
#   mirror.sh [main|security]     main (default): the .../debian archive,
#                                 security: the .../debian-security archive
#
# Reads deb822 files (/etc/apt/sources.list.d/*.sources) first, then
# one-line lists. CURLEW_DEBIAN_MIRROR / CURLEW_DEBIAN_SECURITY override.
set -euo pipefail

kind=${1:-main}
case "$kind" in
  main) [ -z "${CURLEW_DEBIAN_MIRROR:-}" ] || { echo "$CURLEW_DEBIAN_MIRROR"; exit 0; } ;;
  security) [ -z "${CURLEW_DEBIAN_SECURITY:-}" ] || { echo "$CURLEW_DEBIAN_SECURITY"; exit 0; } ;;
  *) echo "usage: mirror.sh [main|security]" >&2; exit 2 ;;
esac

uris=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
          sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n'
        { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
          sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p')
uris=$(echo "$uris" | grep -E '^https?://' | sed 's:/*$::' | awk '!seen[$0]++' || true)

if [ "$kind" = security ]; then
  found=$(echo "$uris" | grep -E -- '-security$' | head -n 1 || true)
  # Derive it from the main archive when only that one is configured.
  [ -n "$found" ] || found=$(echo "$uris" | grep -v -- '-security$' | head -n 1 | sed 's:$:-security:')
else
  found=$(echo "$uris" | grep -v -- '-security$' | grep -E '/debian$' | head -n 1 || true)
  [ -n "$found" ] || found=$(echo "$uris" | grep -v -- '-security$' | head -n 1 || true)
fi
if [ -z "$found" ]; then
  echo "curlew: no Debian mirror found in the apt sources; set CURLEW_DEBIAN_MIRROR" >&2
  exit 1
fi
echo "$found"
