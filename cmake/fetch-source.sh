#!/usr/bin/env bash
# Puts one pinned third-party tarball into a directory, verified by SHA-256.
#
#   fetch-source.sh NAME FILE SHA256 DEBSRC UPSTREAM DEST_DIR
#
# Where the file comes from, first hit wins:
#   1. a pre-placed copy: every directory in $CURLEW_TARBALLS (colon-separated),
#      then $CURLEW_CACHE/tarballs (default ~/.cache/curlew/tarballs);
#   2. Debian's source package DEBSRC, through a private apt configuration whose
#      deb-src entries are derived from the machine's own apt sources (nothing
#      under /etc is changed);
#   3. the upstream release location UPSTREAM, when one is pinned and curl or
#      wget can reach it.
# A file whose checksum does not match is never used. When nothing works the
# script stops with a message that names the file and how to supply it.
set -euo pipefail

name=$1 file=$2 sha=$3 debsrc=$4 upstream=$5 dest=$6
cache=${CURLEW_CACHE:-$HOME/.cache/curlew}
store=$cache/tarballs
mkdir -p "$store" "$dest"

log() { printf 'curlew fetch: %s\n' "$*" >&2; }

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$sha" ]; }

deliver() {
  if [ "$1" != "$dest/$file" ]; then
    cp -f "$1" "$dest/$file.tmp" && mv -f "$dest/$file.tmp" "$dest/$file"
  fi
  log "$name: $file ($2)"
  exit 0
}

sha_ok "$dest/$file" && deliver "$dest/$file" "already in place"

IFS=: read -r -a dirs <<< "${CURLEW_TARBALLS:-}"
for d in "${dirs[@]}" "$store"; do
  [ -n "$d" ] || continue
  if [ -f "$d/$file" ]; then
    if sha_ok "$d/$file"; then
      deliver "$d/$file" "pre-placed in $d"
    fi
    log "$name: ignoring $d/$file: SHA-256 does not match the pin $sha"
  fi
done

# --- Debian source package through a private apt configuration -------------
apt_fetch() {
  command -v apt-get >/dev/null || return 1
  local apt=$cache/apt
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/work"
  if [ ! -f "$apt/src.list" ] || [ ! -s "$apt/src.list" ]; then
    # Mirror URIs come from the machine's own apt sources, never from here.
    local uris
    uris=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p';
              cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
                sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p'; } |
            tr ' ' '\n' | grep -v -- '-security' | sort -u)
    [ -n "$uris" ] || return 1
    : > "$apt/src.list"
    local u
    for u in $uris; do
      for s in trixie trixie-updates trixie-backports sid experimental; do
        echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $u $s main" >> "$apt/src.list"
      done
    done
  fi
  cat > "$apt/apt.conf" <<EOF
Dir::Etc::SourceList "$apt/src.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::State::Lists "$apt/lists";
Dir::Cache "$apt/cache";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT::Sandbox::User "root";
EOF
  export APT_CONFIG=$apt/apt.conf
  if [ ! -f "$apt/updated" ] || [ -n "$(find "$apt/updated" -mmin +1440 2>/dev/null)" ]; then
    log "$name: reading Debian source indexes (private apt configuration in $apt)"
    apt-get -qq update >&2 || return 1
    touch "$apt/updated"
  fi
  ( cd "$apt/work" && apt-get -qq source --download-only "$debsrc" >&2 ) || true
  if sha_ok "$apt/work/$file"; then
    cp -f "$apt/work/$file" "$store/$file"
    return 0
  fi
  return 1
}

if [ -n "$debsrc" ] && apt_fetch; then
  deliver "$store/$file" "Debian source package $debsrc"
fi

# --- upstream release tarball ------------------------------------------------
if [ -n "$upstream" ]; then
  tmp=$store/$file.download
  if command -v curl >/dev/null && curl -fsSL --max-time 300 -o "$tmp" "$upstream" 2>/dev/null ||
     command -v wget >/dev/null && wget -q -T 300 -O "$tmp" "$upstream" 2>/dev/null; then
    if sha_ok "$tmp"; then
      mv -f "$tmp" "$store/$file"
      deliver "$store/$file" "downloaded from $upstream"
    fi
    log "$name: $upstream does not match the pinned SHA-256"
  fi
  rm -f "$tmp"
fi

cat >&2 <<EOF

curlew: cannot obtain the source of $name.
  needed:  $file
  sha256:  $sha
  tried:   ${CURLEW_TARBALLS:+\$CURLEW_TARBALLS ($CURLEW_TARBALLS), }$store,
           Debian source package ${debsrc:-<none>}${upstream:+, $upstream}
Supply it by copying that file (same name, same checksum) into
  $store
or into a directory named in the CURLEW_TARBALLS environment variable, then build again.

EOF
exit 1
