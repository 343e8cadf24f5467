#!/usr/bin/env bash
# The catalog pages at scale (issue 22): for each size, starts the packaged app on a fresh embedded PostgreSQL,
# seeds that many published bundles of 200 creators with SQL generate_series (bench/catalog-seed.sql), warms up,
# then loads each page with wrk and prints p50, p95, p99 and requests per second (bench/catalog-report.lua),
# EXPLAIN ANALYZE of the statements the pages run (bench/catalog-explain.sql), the app's heap and the database size.
# Then (issue 19) the storefront through nginx with the shipped config/nginx-cache.conf, straight from the app, and a
# static copy of it served by nginx itself, with the number of requests that reached the app through the cache.
# Needs curl, wrk, psql and nginx (Debian packages `curl wrk postgresql-client nginx`; without nginx that part is
# left out); uses JDK 25 from
# /usr/lib/jvm/temurin-25-jdk-amd64 when present (virtual threads), else `java` on the PATH.
#
#   bench/catalog.sh [bundles...]            default: 100000 1000000
#   DURATION=15 CONNECTIONS=32 THREADS=2 WARMUP=5 HEAP=512m CREATORS=200 bench/catalog.sh 100000
#   EXPLAIN_ONLY=1 bench/catalog.sh 1000000  seed and explain, no wrk
#   SKIP_BUILD=1 START_TIMEOUT=900 ...       use target/reelgate-*.jar as built; wait longer for the app to start
#   DATA=/var/tmp/catalog bench/catalog.sh   keep each size's database in DATA/<size> and reuse it once seeded
#   JAVA_OPTS='-XX:+UseParallelGC' ...       more JVM flags for the app; NO_NGINX=1 leaves the nginx part out
set -euo pipefail

SIZES=("${@:-100000 1000000}")
read -r -a SIZES <<< "${SIZES[*]}"
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5}
HEAP=${HEAP:-512m}
JAVA_OPTS=${JAVA_OPTS:-}
DATA=${DATA:-}
CREATORS=${CREATORS:-200}
PORT=${PORT:-18393}
PG_PORT=${PG_PORT:-54593}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/reelgate-catalog-bench.XXXXXX)"
BASE="http://127.0.0.1:$PORT"
APP_PID=""

JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JCMD="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd"

for tool in curl wrk psql; do
  command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install -y curl wrk postgresql-client)"; exit 2; }
done

NGINX_PID=""
stop_nginx() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
}
stop_app() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
cleanup() {
  stop_nginx
  stop_app
  rm -rf "$WORK"
}
trap cleanup EXIT

sql() { psql -X -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres "$@"; }
value() { sql -At -c "$1"; }

# The storefront three ways, wrk with the same settings: through nginx's proxy_cache (config/nginx-cache.conf as
# shipped, upstream, port and cache directory changed), straight from the app, and nginx serving a static copy of
# the page. The app's own request count (http_server_requests_seconds_count for uri "/") says how many of the
# cached run's requests reached it.
NGINX_PORT=18394
STATIC_PORT=18395
run_wrk() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/catalog-report.lua" "$1" \
    | grep '^RESULT' | sed 's/RESULT //'
}
app_storefront_requests() {
  curl -s "$BASE/actuator/prometheus" | grep '^http_server_requests_seconds_count' | grep 'uri="/"' \
    | awk '{ sum += $2 } END { printf "%d", sum }'
}
proxy_cache_figures() {
  local nginx_bin; nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  local dir="$WORK/nginx"
  rm -rf "$dir"; mkdir -p "$dir/temp" "$dir/static"
  curl -s "$BASE/" > "$dir/static/index.html"
  sed -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$PORT;#" -e "s#listen 80;#listen 127.0.0.1:$NGINX_PORT;#" \
    -e "s#/var/cache/nginx/reelgate#$dir/cache#" "$ROOT/config/nginx-cache.conf" > "$dir/reelgate.conf"
  cat > "$dir/nginx.conf" <<NGINX
daemon off;
user $(id -un) $(id -gn);
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/reelgate.conf;
    server {
        listen 127.0.0.1:$STATIC_PORT;
        default_type text/html;
        location = / { root $dir/static; try_files /index.html =404; }
    }
}
NGINX
  "$nginx_bin" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/" > /dev/null && break; sleep 0.1; done
  echo "== the storefront through nginx proxy_cache, from the app, and as a static file ($(nginx -v 2>&1 | sed 's/.*: //'))"
  echo "cache status of a second request: $(curl -s -o /dev/null -D - "http://127.0.0.1:$NGINX_PORT/" | tr -d '\r' | grep -i '^x-cache-status' | cut -d' ' -f2)"
  local before after cached direct static
  before=$(app_storefront_requests)
  cached=$(run_wrk "http://127.0.0.1:$NGINX_PORT/")
  after=$(app_storefront_requests)
  direct=$(run_wrk "$BASE/")
  static=$(run_wrk "http://127.0.0.1:$STATIC_PORT/")
  printf '| %-28s | %s |\n' "nginx proxy_cache" "$cached" "the app directly" "$direct" "nginx, static file" "$static"
  echo "requests that reached the app during the cached run: $(( after - before )) (Cache-Control: $(curl -s -D - -o /dev/null "$BASE/" | tr -d '\r' | grep -i '^cache-control' | cut -d' ' -f2-))"
  stop_nginx
}

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the jar"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
JAR=${JAR:-$(ls "$ROOT"/target/reelgate-*.jar | grep -v plain | head -1)}

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before starting"
for size in "${SIZES[@]}"; do
  if [ -n "$DATA" ]; then
    dir="$DATA/$size"; mkdir -p "$dir"
  else
    dir="$WORK"; rm -rf "$WORK/pg" "$WORK/files"
  fi
  echo "== $size bundles: starting the app on $("$JAVA" -version 2>&1 | head -1) with -Xmx$HEAP $JAVA_OPTS"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  "$JAVA" -Xmx"$HEAP" $JAVA_OPTS -jar "$JAR" --server.port=$PORT --reelgate.embedded-postgres.port=$PG_PORT \
    --reelgate.embedded-postgres.data-directory="$dir/pg" --reelgate.storage.filesystem-root="$dir/files" \
    --reelgate.downloads.links.secret-file="$WORK/link-secret" --logging.level.root=WARN >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  # A loaded machine (other builds on the same cores) can take minutes to start the JVM.
  for _ in $(seq 1 "${START_TIMEOUT:-600}"); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" > /dev/null || { echo "the app did not start"; tail -50 "$WORK/app.log"; exit 1; }

  if [ -f "$dir/seeded" ]; then
    echo "== reusing the database seeded in $dir"
  else
    echo "== seeding"
    start=$(date +%s)
    sql -v creators="$CREATORS" -v bundles="$size" -f "$ROOT/bench/catalog-seed.sql"
    echo "seeded in $(( $(date +%s) - start )) s"
    [ -n "$DATA" ] && touch "$dir/seeded"
  fi

  cursor=$(value "select id from bundles where status = 'PUBLISHED' order by published_at desc, id desc offset 12000 limit 1")
  creator=$(value "select id from accounts where display_name = 'Mina Kowalczyk'")
  creator_cursor=$(value "select id from bundles where owner_id = '$creator' order by published_at desc, id desc offset 30 limit 1")
  bundle=$(value "select id from bundles order by published_at desc offset 500 limit 1")

  echo "== EXPLAIN ANALYZE (each statement once, after a run that warms the cache)"
  sql -v cursor="$cursor" -v creator="$creator" -v creator_cursor="$creator_cursor" \
    -f "$ROOT/bench/catalog-explain.sql" > /dev/null 2>&1
  sql -v cursor="$cursor" -v creator="$creator" -v creator_cursor="$creator_cursor" \
    -f "$ROOT/bench/catalog-explain.sql" 2>&1 | grep -v NOTICE

  pages=("/" "/?before=$cursor" "/?q=harbor" "/?q=zeppelin" "/?q=%22silent+harbor%22" "/?q=Mina+Kowalczyk"
         "/?q=lum" "/?q=kowalczik" "/creators/$creator" "/creators/$creator?before=$creator_cursor"
         "/bundles/$bundle")
  for page in "${pages[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$page")
    [ "$status" = 200 ] || { echo "$page answered $status"; exit 1; }
  done
  if [ -z "${EXPLAIN_ONLY:-}" ]; then
    echo "== warming up: ${WARMUP} s of each page at 8 connections"
    for page in "${pages[@]}"; do wrk -t1 -c8 -d"${WARMUP}s" "$BASE$page" > /dev/null; done
    echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '| %-40s | %8s | %8s | %8s | %6s | %s |\n' page p50/ms p95/ms p99/ms req/s errors
    for page in "${pages[@]}"; do
      line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/catalog-report.lua" \
        "$BASE$page" | grep '^RESULT')
      read -r p50 p95 p99 rps non2xx errors timeouts <<< "$(echo "$line" | sed 's/[a-z0-9]*=//g; s/RESULT //')"
      shown=${page//$cursor/<12,000th>}; shown=${shown//$creator_cursor/<30th>}; shown=${shown//$creator/<mina>}
      shown=${shown//$bundle/<id>}
      printf '| %-40s | %8s | %8s | %8s | %6s | %s |\n' "$shown" "$p50" "$p95" "$p99" "$rps" \
        "$non2xx non-2xx, $errors errors ($timeouts timeouts)"
    done
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    if [ -z "${NO_NGINX:-}" ] && { command -v nginx > /dev/null || [ -x /usr/sbin/nginx ]; }; then
      proxy_cache_figures
    fi
  fi

  echo "== heap and database"
  "$JCMD" "$APP_PID" GC.heap_info 2>/dev/null | sed -n '2,3p' || true
  sql -c "select pg_size_pretty(pg_database_size('postgres')) as database,
                 pg_size_pretty(pg_total_relation_size('bundles')) as bundles_with_indexes,
                 pg_size_pretty(pg_relation_size('bundles_search_idx')) as search_index,
                 pg_size_pretty(pg_relation_size('bundles_storefront_idx')) as storefront_index,
                 (select count(*) from search_words) as search_words"
  stop_app
done
