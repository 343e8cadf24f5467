#!/usr/bin/env bash
# Measures downloads from the packaged app against nginx serving the very same stored file, over loopback only:
# single-stream throughput, the aggregate of 64 concurrent downloads (wrk), and the storefront page's latency while
# 500 slow downloads stay open. Samples the app's heap throughout. Needs curl, wrk and nginx (Debian packages
# `curl wrk nginx`); uses JDK 25 from /usr/lib/jvm/temurin-25-jdk-amd64 when present, else `java` on the PATH.
#
#   bench/downloads.sh [size-in-MiB] [heap] [slow-downloads]      defaults: 1024 512m 500
set -euo pipefail

SIZE_MIB=${1:-1024}
HEAP=${2:-512m}
SLOW=${3:-500}
PORT=18383
NGINX_PORT=18384
ACCEL_PORT=18385
PG_PORT=54583
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-25}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/reelgate-bench.XXXXXX)"
BASE="http://127.0.0.1:$PORT"
JAR_COOKIES="$WORK/cookies"
APP_PID=""
NGINX_PID=""
SAMPLER_PID=""
PREVIOUS_CC=""
SLOW_PIDS=()

JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JCMD="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd"

for tool in curl wrk nginx; do
  command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install -y curl wrk nginx)"; exit 2; }
done

cleanup() {
  for pid in "${SLOW_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$PREVIOUS_CC" ] && sysctl -qw net.ipv4.tcp_congestion_control="$PREVIOUS_CC"
  rm -rf "$WORK"
}
trap cleanup EXIT

# The kernel's TCP congestion control shapes loopback transfers more than either server does: with BBR's pacing a
# single stream runs at about 3 GB/s and swings by a third from one round to the next, with CUBIC (Linux's default)
# at more than twice that, steadily. CONGESTION=cubic (or bbr, ...) switches it for this run and back afterwards
# (root only); the results name the one used.
if [ -n "${CONGESTION:-}" ]; then
  PREVIOUS_CC=$(sysctl -n net.ipv4.tcp_congestion_control)
  sysctl -qw net.ipv4.tcp_congestion_control="$CONGESTION"
fi

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
post() { curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{redirect_url}' -X POST "$@"; }
token() { curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$1" | csrf; }
# Follows the verification link the app mailed to $1, from its log (there is no SMTP server here): creators must
# confirm their address before publishing, viewers before a checkout.
verify_email() {
  local link=""
  for _ in $(seq 1 40); do
    link=$(grep -A12 "^To: $1\$" "$WORK/app.log" | grep -o '/email/verify?token=[A-Za-z0-9_-]*' | tail -1 || true)
    [ -n "$link" ] && break
    sleep 0.5
  done
  [ -n "$link" ] || { echo "no verification mail to $1 in the app's log"; exit 1; }
  post "$BASE/email/verify" --data-urlencode "_csrf=$(token "$BASE$link")" --data-urlencode "token=${link#*token=}" \
    > /dev/null
}

echo "== building the jar"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
JAR=$(ls "$ROOT"/target/reelgate-*.jar | grep -v plain | head -1)

echo "== making a ${SIZE_MIB} MiB file of random bytes"
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$WORK/film.bin"

# Starts the app on the work directory's database and files (again for the X-Accel-Redirect phase, with extra args).
start_app() {
  "$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port=$PORT --reelgate.embedded-postgres.port=$PG_PORT \
    --reelgate.embedded-postgres.data-directory="$WORK/pg" --reelgate.storage.filesystem-root="$WORK/files" \
    --reelgate.downloads.links.secret-file="$WORK/link-secret" "$@" >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" > /dev/null && return; sleep 1; done
  echo "the app did not start"; tail -50 "$WORK/app.log"; exit 1
}

echo "== starting the app on $("$JAVA" -version 2>&1 | head -1) with -Xmx$HEAP"
start_app

echo "== a creator publishes the file as a free bundle; a viewer gets it"
T=$(token "$BASE/signup")
post "$BASE/signup" --data-urlencode "_csrf=$T" \
  -d "email=creator@bench.test&displayName=Bench&password=a-long-enough-password&accountType=CREATOR" > /dev/null
verify_email creator@bench.test
T=$(token "$BASE/studio/bundles/new")
EDITOR=$(post "$BASE/studio/bundles" --data-urlencode "_csrf=$T" -d "title=Bench&summary=Benchmark&description=")
T=$(token "$EDITOR")
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -F "file=@$WORK/film.bin;type=video/mp4;filename=film.mp4" \
  -w 'upload: HTTP %{http_code}, %{time_total} s\n' "$EDITOR/files?_csrf=$T"
T=$(token "$EDITOR")
post "$EDITOR/publish" --data-urlencode "_csrf=$T" > /dev/null
BUNDLE=${EDITOR##*/}
rm -f "$JAR_COOKIES"
T=$(token "$BASE/signup")
post "$BASE/signup" --data-urlencode "_csrf=$T" \
  -d "email=viewer@bench.test&displayName=Viewer&password=a-long-enough-password&accountType=VIEWER" > /dev/null
verify_email viewer@bench.test
T=$(token "$BASE/bundles/$BUNDLE")
post "$BASE/checkout/$BUNDLE" --data-urlencode "_csrf=$T" > /dev/null
LINK=$(curl -s -b "$JAR_COOKIES" "$BASE/library" | { grep -o 'href="/dl/[^"]*"' || true; } | head -1 | cut -d'"' -f2)
[ -n "$LINK" ] || { echo "no signed link on the library page"; tail -50 "$WORK/app.log"; exit 1; }
APP_URL="$BASE$LINK"
STORED=$(find "$WORK/files" -type f -size +$((SIZE_MIB / 2))M | head -1)
rm -f "$WORK/film.bin"

echo "== starting nginx on 127.0.0.1:$NGINX_PORT, serving the stored file"
cat > "$WORK/nginx.conf" <<CONF
daemon off;
user root;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { }
  default_type video/mp4;
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /film.mp4 { alias $STORED; }
  }
  # The app behind nginx in X-Accel-Redirect mode, as in config/nginx-x-accel.conf.example.
  upstream reelgate { server 127.0.0.1:$PORT; keepalive 8; }
  server {
    listen 127.0.0.1:$ACCEL_PORT;
    location / {
      proxy_pass http://reelgate;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_buffering off;
    }
    location /_reelgate_files/ { internal; alias $WORK/files/; }
  }
}
CONF
mkdir -p "$WORK/nginx-tmp"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT/film.mp4"
for _ in $(seq 1 20); do curl -sfI "$NGINX_URL" > /dev/null && break; sleep 0.5; done

# Heap and RSS every second, paused while "$WORK/quiet" exists: each jcmd starts a JVM and attaches to the app's,
# which would take CPU from the single-stream rounds (and from the app's rounds only).
(while kill -0 "$APP_PID" 2>/dev/null; do
   if [ ! -e "$WORK/quiet" ]; then
     "$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9\n' >> "$WORK/heap"
     ps -o rss= -p "$APP_PID" >> "$WORK/rss"
   fi
   sleep 1
 done) &
SAMPLER_PID=$!

# One curl download of the whole file: bytes/s, and the time to the first byte in ms (on stderr, for the log).
single() {
  local out
  out=$($CLIENT curl -s -o /dev/null -w '%{speed_download} %{time_starttransfer}' "$1")
  echo "  first byte after $(awk -v t="${out#* }" 'BEGIN { printf "%.1f", t * 1000 }') ms" >&2
  echo "${out%% *}" | cut -d. -f1
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# wrk's "Transfer/sec" in bytes (it prints e.g. 1.52GB).
wrk_bytes() {
  wrk -t2 -c"$2" -d"${DURATION}s" --timeout 300s "$1" | awk '/Transfer\/sec/ {
    v=$2; u=substr(v, length(v)-1); n=substr(v, 1, length(v)-2)
    m = (u=="GB") ? 1073741824 : (u=="MB") ? 1048576 : (u=="KB") ? 1024 : 1; print int(n*m) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
human() { awk -v b="$1" 'BEGIN { printf "%.0f MB/s", b / 1000000 }'; }

# A server that has been up for a while has compiled its download path; one just started interprets it, and its first
# byte then comes 10 ms late, 7 % of a 1 GiB transfer at 7 GB/s. A few thousand one-byte range requests compile it.
warm_up() {
  curl -s -o /dev/null "$1"
  wrk -t1 -c2 -d5s -H "Range: bytes=0-0" "$1" | grep -E "Non-2xx|errors" || true
}

echo "== warming the page cache and the JIT"
curl -s -o /dev/null "$NGINX_URL"
warm_up "$APP_URL"
wrk -t1 -c4 -d5s "$BASE/" > /dev/null

# Both servers on core 0 and curl on core 1 during single streams (PIN=0 to let the scheduler place them): otherwise
# the scheduler moves client, sender and the kernel's loopback work between the two cores at random, and one
# round's speed swings by a third. Restores both cores afterwards.
pin() {
  [ "${PIN:-1}" = 1 ] && command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ] || { CLIENT=""; return; }
  for pid in "$APP_PID" $(pgrep -f "nginx -c $WORK/nginx.conf") $(pgrep -P "$NGINX_PID"); do
    taskset -a -p -c "$1" "$pid" > /dev/null
  done
  CLIENT="taskset -c $2"
}
CLIENT=""

# Single streams, the two URLs taking turns for ROUNDS rounds: prints each round and the medians, sets A_SINGLE
# and B_SINGLE. One stream out of the page cache measures how fast one core copies memory, which swings between runs;
# interleaving the servers and comparing medians keeps that swing out of the ratio.
rounds() {
  touch "$WORK/quiet"; pin 0 1
  : > "$WORK/single-a"; : > "$WORK/single-b"
  for round in $(seq 1 "$ROUNDS"); do
    a=$(single "$2"); b=$(single "$4")
    echo "$a" >> "$WORK/single-a"; echo "$b" >> "$WORK/single-b"
    echo "round $round: $1 $(human "$a"), $3 $(human "$b")"
  done
  pin 0,1 0,1; rm -f "$WORK/quiet"
  A_SINGLE=$(median < "$WORK/single-a")
  B_SINGLE=$(median < "$WORK/single-b")
  echo "median: $1 $(human "$A_SINGLE"), $3 $(human "$B_SINGLE"), ratio $(ratio "$A_SINGLE" "$B_SINGLE")"
}

echo "== single stream ($ROUNDS interleaved rounds, median)"
rounds app "$APP_URL" nginx "$NGINX_URL"
APP_SINGLE=$A_SINGLE
NGINX_SINGLE=$B_SINGLE

echo "== 64 concurrent downloads, ${DURATION}s each (wrk -c64)"
APP_64=$(wrk_bytes "$APP_URL" 64)
NGINX_64=$(wrk_bytes "$NGINX_URL" 64)
echo "app $(human "$APP_64"), nginx $(human "$NGINX_64"), ratio $(ratio "$APP_64" "$NGINX_64")"

echo "== storefront latency, idle"
wrk -t1 -c8 -d10s --latency "$BASE/" | grep -E '^ +(50|99)%|Requests/sec'

echo "== storefront latency with $SLOW slow downloads open (100 KB/s each)"
for _ in $(seq 1 "$SLOW"); do
  curl -s -o /dev/null --limit-rate 100k "$APP_URL" &
  SLOW_PIDS+=($!)
done
sleep 5
OPEN=$(ss -Htn state established "( sport = :$PORT )" | wc -l)
echo "connections open to the app: $OPEN"
wrk -t1 -c8 -d"${DURATION}s" --latency "$BASE/" | grep -E '^ +(50|99)%|Requests/sec|Non-2xx|errors'
for pid in "${SLOW_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
SLOW_PIDS=()

echo "== the app behind nginx in X-Accel-Redirect mode: the app checks the link, nginx sends the file"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
start_app --reelgate.storage.accel-redirect-prefix=/_reelgate_files/
ACCEL_URL="http://127.0.0.1:$ACCEL_PORT$LINK"
[ "$(curl -s -o /dev/null -w '%{size_download}' "$ACCEL_URL")" = "$(stat -c %s "$STORED")" ] \
  || { echo "X-Accel-Redirect did not deliver the whole file"; exit 1; }
warm_up "$ACCEL_URL"
rounds "app+nginx" "$ACCEL_URL" nginx "$NGINX_URL"
ACCEL_SINGLE=$A_SINGLE
ACCEL_NGINX=$B_SINGLE

echo "== results"
echo "TCP congestion control: $(sysctl -n net.ipv4.tcp_congestion_control 2>/dev/null || echo unknown)"
echo "single stream: app $(human "$APP_SINGLE") / nginx $(human "$NGINX_SINGLE") = $(ratio "$APP_SINGLE" "$NGINX_SINGLE")"
echo "single stream, X-Accel-Redirect: app+nginx $(human "$ACCEL_SINGLE") / nginx $(human "$ACCEL_NGINX") = $(ratio "$ACCEL_SINGLE" "$ACCEL_NGINX")"
echo "64 concurrent: app $(human "$APP_64") / nginx $(human "$NGINX_64") = $(ratio "$APP_64" "$NGINX_64")"
echo "app heap used: min $(sort -n "$WORK/heap" | head -1) KB, peak $(sort -n "$WORK/heap" | tail -1) KB (max $HEAP)"
echo "app RSS: $(sort -n "$WORK/rss" | head -1)..$(sort -n "$WORK/rss" | tail -1) KB"
