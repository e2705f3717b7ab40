#!/usr/bin/env bash
# curlew benchmarks: C libcurl vs curlew vs the Java HTTP clients, side by side, in one run.
#
#   bench/run.sh            full run: every workload, 5 measured runs per cell (~55 min here)
#   bench/run.sh --quick    smaller workloads, 2 runs per cell (W2 only K=64, W4: 1 run),
#                           about 4 minutes on a loaded 2-core machine
#   options: --runs N       measured runs per cell
#            --only REGEX   only cells whose "workload client" matches (e.g. 'W1|W3')
#            --out DIR      where results go (default bench/results)
#            --merge RAW    an earlier raw file: the report shows its workloads, with those
#                           this run measured replaced (to redo a few cells of a full run)
#
# Needs: gcc, a JDK 17+, Maven, and nginx (installed with apt-get when missing). Builds the
# curlew jar when target/curlew-*-all.jar is missing (set CURLEW_TARBALLS as for the main
# build). Servers listen on 127.0.0.1 only and are stopped when the script ends.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
MODE=full
RUNS=
ONLY=.
OUT="$BENCH/results"
MERGE=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --runs) RUNS="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --merge) MERGE+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$MODE" = quick ]; then
  RUNS=${RUNS:-2}; W4RUNS=1
  W1_N=5000; W2_N=10000; W2_K="64"; W3_N=3; W4_K="1000 4000"; W4_HOLD=2000
else
  RUNS=${RUNS:-5}; W4RUNS=$RUNS
  W1_N=20000; W2_N=100000; W2_K="64 512"; W3_N=10; W4_K="1000 10000"; W4_HOLD=5000
fi

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# --- build ---------------------------------------------------------------------------------
JAR=$(ls "$ROOT"/target/curlew-*-all.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/native" "$ROOT/cmake" "$ROOT/pom.xml" \
    -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  log "building curlew (mvn package -DskipTests): the jar is missing or older than its sources"
  (cd "$ROOT" && mvn -q package -DskipTests)
  JAR=$(ls "$ROOT"/target/curlew-*-all.jar | head -1)
fi
DEPS="$ROOT/target/native/deps"
[ -f "$DEPS/lib/libcurl.a" ] || { echo "no static stack in $DEPS: build curlew first" >&2; exit 1; }

log "building the Java harness"
(cd "$BENCH" && mvn -q package -Dcurlew.jar="$JAR")
CP="$BENCH/target/curlew-bench-0.1.0-SNAPSHOT.jar:$JAR:$BENCH/target/lib/*"

log "compiling the C baselines against $DEPS"
CBIN="$BENCH/target/c"
mkdir -p "$CBIN"
gcc -O2 -g -Wall -DCURL_STATICLIB -I"$DEPS/include" -o "$CBIN/cbench" "$BENCH/c/cbench.c" \
  "$DEPS/lib/libcurl.a" "$DEPS/lib/libnghttp2.a" "$DEPS/lib/libssl.a" "$DEPS/lib/libcrypto.a" \
  "$DEPS/lib/libbrotlidec.a" "$DEPS/lib/libbrotlicommon.a" "$DEPS/lib/libzstd.a" \
  "$DEPS/lib/libz.a" -pthread -ldl
gcc -O2 -Wall -o "$CBIN/longpoll" "$BENCH/c/longpoll.c"

# --- servers -------------------------------------------------------------------------------
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx-light from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y nginx-light >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y nginx-light >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

free_port() { # first port from $1 nobody listens on
  local p=$1
  while ss -Htln "sport = :$p" | grep -q .; do p=$((p + 1)); done
  echo "$p"
}
H1_PORT=$(free_port "${BENCH_PORT:-18080}")
H2_PORT=$(free_port $((H1_PORT + 1)))
LP_PORT=$(free_port $((H2_PORT + 1)))

WORK=$(mktemp -d /tmp/curlew-bench.XXXXXX)
chmod 755 "$WORK"
NGINX_PID=; LP_PID=
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$LP_PID" ] && kill "$LP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/www" "$WORK/tmp"
head -c 1024 /dev/urandom > "$WORK/www/1k"
head -c $((100 << 20)) /dev/urandom > "$WORK/www/100m"
chmod 644 "$WORK/www/"*
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 7 \
  -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
chmod 644 "$WORK/key.pem"
cat > "$WORK/nginx.conf" <<EOF
# one worker: the client gets the other core
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
worker_rlimit_nofile 19000;
events { worker_connections 18000; multi_accept on; }
http {
  access_log off;
  default_type application/octet-stream;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 600s;
  keepalive_requests 100000000;
  client_body_temp_path $WORK/tmp/body; proxy_temp_path $WORK/tmp/proxy;
  fastcgi_temp_path $WORK/tmp/fcgi; uwsgi_temp_path $WORK/tmp/uwsgi; scgi_temp_path $WORK/tmp/scgi;
  server {
    listen 127.0.0.1:$H1_PORT backlog=4096;
    root $WORK/www;
  }
  server {
    listen 127.0.0.1:$H2_PORT ssl http2 backlog=4096;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    http2_max_concurrent_streams 1000;
    root $WORK/www;
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/error.log" &
NGINX_PID=$!
"$CBIN/longpoll" --port "$LP_PORT" --hold "$W4_HOLD" &
LP_PID=$!
for _ in $(seq 50); do
  curl_ok=1
  (exec 3<>/dev/tcp/127.0.0.1/$H1_PORT) 2>/dev/null || curl_ok=0
  (exec 3<>/dev/tcp/127.0.0.1/$LP_PORT) 2>/dev/null || curl_ok=0
  [ $curl_ok = 1 ] && break
  sleep 0.1
done
# Pin nginx's worker to the last CPU. W3 pins the client to the first: bulk transfers cost
# about 0.62 instead of 0.38 CPU-s/GiB (C and curlew alike) whenever the scheduler puts
# client and server on the same core, which otherwise decides the W3 table.
LAST_CPU=$(( $(nproc) - 1 ))
for w in $(pgrep -P "$NGINX_PID" 2>/dev/null); do taskset -pc "$LAST_CPU" "$w" >/dev/null || true; done
log "nginx on 127.0.0.1:$H1_PORT (HTTP/1.1) and :$H2_PORT (HTTP/2 + TLS), long-poll server on :$LP_PORT"

U1K="http://127.0.0.1:$H1_PORT/1k"
U1K_H2="https://127.0.0.1:$H2_PORT/1k"
U100M="http://127.0.0.1:$H1_PORT/100m"
ULP="http://127.0.0.1:$LP_PORT/poll/$W4_HOLD"
ULP_WARM="http://127.0.0.1:$LP_PORT/poll/1"
CA="$WORK/cert.pem"

# --- the run -------------------------------------------------------------------------------
mkdir -p "$OUT"
STAMP=$(date +%Y%m%d-%H%M%S)
RAW="$OUT/raw-$STAMP-$MODE.txt"
JAVA=${JAVA:-java}
JFLAGS=(-Xmx2g -XX:+UseG1GC)

{
  echo "ENV date $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "ENV mode $MODE (measured runs per cell: $RUNS; W4: $W4RUNS processes)"
  echo "ENV cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
  echo "ENV kernel $(uname -sr)"
  echo "ENV os $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "ENV jdk $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "ENV jvm flags ${JFLAGS[*]}"
  echo "ENV curlew $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src/main native cmake 2>/dev/null || echo ' + uncommitted changes'), $(basename "$JAR") of $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ)"
  echo "ENV libcurl $("$CBIN/cbench" --version)"
  echo "ENV gcc $(gcc -dumpfullversion)"
  echo "ENV nginx $("$NGINX" -v 2>&1 | sed 's/.*: //'), 1 worker process pinned to CPU $LAST_CPU; W3 clients pinned to CPU 0"
  echo "ENV clients OkHttp 5.5.1, Apache HttpClient 5.6.5, Jetty HttpClient 12.1.14, JavaCPP $(ls "$BENCH"/target/lib 2>/dev/null | grep -o 'javacpp-[0-9.]*' | head -1 || echo bundled)"
  echo "ENV load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RAW"

cell() { # cell WORKLOAD CLIENT -- command...
  local wl=$1 cl=$2; shift 3
  if ! echo "$wl $cl" | grep -Eq -- "$ONLY"; then return 0; fi
  log "$wl $cl (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "LOAD $wl $cl $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW"
  local err="$WORK/err.txt"
  if ! timeout 900 "$@" 2>"$err" | grep '^RESULT' >> "$RAW"; then
    log "  FAILED: $(tail -3 "$err" | tr '\n' ' ')"
    echo "FAIL $wl $cl $(tail -1 "$err")" >> "$RAW"
  elif [ -s "$err" ]; then
    log "  stderr: $(head -3 "$err" | tr '\n' ' ')"
  fi
}

c_cell() { # c_cell WORKLOAD CLIENT MODE args...
  local wl=$1 cl=$2 m=$3; shift 3
  cell "$wl" "$cl" -- "${PIN[@]}" "$CBIN/cbench" "$m" --workload "$wl" --client "$cl" --iters "$ITERS" "$@"
}
j_cell() { # j_cell WORKLOAD CLIENT args...
  local wl=$1 cl=$2; shift 2
  cell "$wl" "$cl" -- "${PIN[@]}" "$JAVA" "${JFLAGS[@]}" -cp "$CP" io.curlew.bench.Main \
    --workload "$wl" --client "$cl" --iters "$ITERS" "$@"
}

ITERS=$RUNS
PIN=()

# W1: sequential small GETs on one connection
A=(--url "$U1K" --n "$W1_N" --k 1)
c_cell W1 c-easy easy "${A[@]}"
c_cell W1 c-multi multi "${A[@]}"
for cl in curlew-easy curlew-multi curlew-engine-1 curlew-engine jdk okhttp apache-classic apache-async jetty; do
  j_cell W1 $cl "${A[@]}"
done

# W2: many small GETs with K in flight: HTTP/1.1 (K connections), HTTP/2 over TLS (multiplexed)
for k in $W2_K; do
  A=(--url "$U1K" --n "$W2_N" --k $k)
  c_cell "W2-h1-k$k" c-multi multi "${A[@]}"
  for cl in curlew-multi curlew-engine-1 curlew-engine jdk okhttp apache-classic apache-async jetty; do
    j_cell "W2-h1-k$k" $cl "${A[@]}"
  done
done
for k in $W2_K; do
  A=(--url "$U1K_H2" --h2 --cafile "$CA" --n "$W2_N" --k $k)
  c_cell "W2-h2-k$k" c-multi multi "${A[@]}"
  for cl in curlew-multi curlew-engine-1 curlew-engine jdk okhttp apache-async jetty; do
    j_cell "W2-h2-k$k" $cl "${A[@]}"
  done
done

# W3: 100 MiB downloads to a discarding sink, one at a time
A=(--url "$U100M" --n "$W3_N" --k 1 --warmup-n 2)
PIN=(taskset -c 0)
c_cell W3 c-easy easy "${A[@]}"
c_cell W3 c-multi multi "${A[@]}"
for cl in curlew-easy curlew-easy-ondata curlew-multi curlew-engine-1 jdk okhttp apache-classic apache-async jetty; do
  j_cell W3 $cl --mode bulk "${A[@]}"
done
PIN=()

# W4: K concurrent long-polls (held by the server), one fresh process per run
ITERS=1
for k in $W4_K; do
  # warm-up: 2,000 quick polls, 200 at a time (JIT warm, only 200 handles/connections
  # made before the measured run, for C as for Java)
  A=(--url "$ULP" --warmup-url "$ULP_WARM" --warmup-n 2000 --warmup-k 200 --n "$k" --k "$k")
  for r in $(seq "$W4RUNS"); do
    c_cell "W4-k$k" c-multi multi "${A[@]}"
    for cl in curlew-multi curlew-engine-1 curlew-engine jdk okhttp apache-async jetty; do
      j_cell "W4-k$k" $cl "${A[@]}"
    done
  done
done

echo "ENV load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW"
REPORT="$OUT/$STAMP-$MODE.md"
"$JAVA" -cp "$CP" io.curlew.bench.Report "${MERGE[@]}" "$RAW" > "$REPORT"
log "raw results: $RAW"
log "report: $REPORT"
cat "$REPORT"
