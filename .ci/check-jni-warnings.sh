#!/usr/bin/env bash
# Fails when a test JVM printed a JNI warning (-Xcheck:jni) or crashed: both go
# straight to the JVM's native stdout, which surefire keeps in *.dumpstream and
# the per-test output files.
set -euo pipefail
target=${1:-target}
reports=$(ls -d "$target"/surefire-reports* 2>/dev/null || true)
[ -n "$reports" ] || exit 0
pattern='WARNING in native method|FATAL ERROR in native method|JNI call made|SIGPIPE handler modified|A fatal error has been detected'
# shellcheck disable=SC2086
if grep -rEl "$pattern" $reports >/dev/null 2>&1; then
  echo "curlew: JNI warnings or a JVM crash in the test output:" >&2
  grep -rEh "$pattern" $reports | sort | uniq -c | head -20 >&2
  exit 1
fi
if ls "$target"/../hs_err_pid*.log >/dev/null 2>&1; then
  echo "curlew: a test JVM crashed: $(ls "$target"/../hs_err_pid*.log)" >&2
  exit 1
fi
echo "curlew: no JNI warnings or crashes in" $reports
