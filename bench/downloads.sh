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
PG_PORT=54583
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-9}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/reelgate-bench.XXXXXX)"
BASE="http://127.0.0.1:$PORT"
JAR_COOKIES="$WORK/cookies"
APP_PID=""
NGINX_PID=""
SAMPLER_PID=""
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
  rm -rf "$WORK"
}
trap cleanup EXIT

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

echo "== starting the app on $("$JAVA" -version 2>&1 | head -1) with -Xmx$HEAP"
"$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port=$PORT --reelgate.embedded-postgres.port=$PG_PORT \
  --reelgate.embedded-postgres.data-directory="$WORK/pg" --reelgate.storage.filesystem-root="$WORK/files" \
  --reelgate.downloads.links.secret-file="$WORK/link-secret" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done

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
}
CONF
mkdir -p "$WORK/nginx-tmp"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT/film.mp4"
for _ in $(seq 1 20); do curl -sfI "$NGINX_URL" > /dev/null && break; sleep 0.5; done

(while kill -0 "$APP_PID" 2>/dev/null; do
   "$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9\n' >> "$WORK/heap"
   ps -o rss= -p "$APP_PID" >> "$WORK/rss"
   sleep 1
 done) &
SAMPLER_PID=$!

# One curl download of the whole file: bytes/s, and the time to the first byte in ms (on stderr, for the log).
single() {
  local out
  out=$(curl -s -o /dev/null -w '%{speed_download} %{time_starttransfer}' "$1")
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

echo "== warming the page cache and the JIT"
curl -s -o /dev/null "$NGINX_URL"; curl -s -o /dev/null "$APP_URL"; curl -s -o /dev/null "$APP_URL"
wrk -t1 -c4 -d5s "$BASE/" > /dev/null

# A single stream out of the page cache measures how fast one core copies memory, which swings between runs on a
# shared machine: the two servers take turns, round after round, and the medians are compared.
echo "== single stream ($ROUNDS interleaved rounds, median)"
: > "$WORK/single-app"; : > "$WORK/single-nginx"
for round in $(seq 1 "$ROUNDS"); do
  a=$(single "$APP_URL"); n=$(single "$NGINX_URL")
  echo "$a" >> "$WORK/single-app"; echo "$n" >> "$WORK/single-nginx"
  echo "round $round: app $(human "$a"), nginx $(human "$n")"
done
APP_SINGLE=$(median < "$WORK/single-app")
NGINX_SINGLE=$(median < "$WORK/single-nginx")
echo "median: app $(human "$APP_SINGLE"), nginx $(human "$NGINX_SINGLE"), ratio $(ratio "$APP_SINGLE" "$NGINX_SINGLE")"

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

echo "== results"
echo "app heap used: min $(sort -n "$WORK/heap" | head -1) KB, peak $(sort -n "$WORK/heap" | tail -1) KB (max $HEAP)"
echo "app RSS: $(sort -n "$WORK/rss" | head -1)..$(sort -n "$WORK/rss" | tail -1) KB"
