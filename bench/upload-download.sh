#!/usr/bin/env bash
# Uploads one large file through the browser's upload endpoint and downloads it again, interrupted and resumed,
# against the packaged app running with a small heap. Prints throughput, peak heap and RSS, and checks that the
# stored and downloaded SHA-256 equal the source's. Traffic stays on 127.0.0.1.
#
#   bench/upload-download.sh [size-in-MiB] [heap]      defaults: 2048 256m
set -euo pipefail

SIZE_MIB=${1:-2048}
HEAP=${2:-256m}
PORT=18282
PG_PORT=54582
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/reelgate-bench.XXXXXX)"
BASE="http://127.0.0.1:$PORT"
JAR_COOKIES="$WORK/cookies"
APP_PID=""

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

echo "== building the jar"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
JAR=$(ls "$ROOT"/target/reelgate-*.jar | grep -v plain | head -1)

echo "== making a ${SIZE_MIB} MiB file of random bytes"
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$WORK/film.bin"
SOURCE_SHA=$(sha256sum "$WORK/film.bin" | cut -c1-64)

echo "== starting the app with -Xmx$HEAP"
java -Xmx"$HEAP" -jar "$JAR" --server.port=$PORT --reelgate.embedded-postgres.port=$PG_PORT \
  --reelgate.embedded-postgres.data-directory="$WORK/pg" --reelgate.storage.filesystem-root="$WORK/files" \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done

(while kill -0 "$APP_PID" 2>/dev/null; do
   ps -o rss= -p "$APP_PID" >> "$WORK/rss"
   jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9\n' >> "$WORK/heap"
   sleep 1
 done) &

T=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/signup" | csrf)
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -X POST "$BASE/signup" --data-urlencode "_csrf=$T" \
  -d "email=bench@example.test&displayName=Bench&password=a-long-enough-password&accountType=CREATOR"
T=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/studio/bundles/new" | csrf)
EDITOR=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{redirect_url}' -X POST "$BASE/studio/bundles" \
  --data-urlencode "_csrf=$T" -d "title=Bench&summary=Benchmark&description=")
T=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$EDITOR" | csrf)

echo "== upload"
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -F "file=@$WORK/film.bin;type=video/mp4;filename=film.mp4" \
  -w 'upload: HTTP %{http_code}, %{time_total} s, %{speed_upload} bytes/s\n' "$EDITOR/files?_csrf=$T"
FILE_ID=$(curl -s -b "$JAR_COOKIES" "$EDITOR" | grep -o '/downloads/[0-9a-f-]*' | head -1 | cut -d/ -f3)
STORED_SHA=$(curl -s -b "$JAR_COOKIES" "$EDITOR" | grep -o 'SHA-256 [0-9a-f]*' | head -1 | cut -d' ' -f2)

echo "== download, cut off after 2 s, then resumed"
timeout 2 curl -s -b "$JAR_COOKIES" -o "$WORK/out.bin" "$BASE/downloads/$FILE_ID" || true
echo "partial: $(stat -c %s "$WORK/out.bin") bytes"
curl -s -b "$JAR_COOKIES" -C - -o "$WORK/out.bin" \
  -w 'resume: HTTP %{http_code}, %{time_total} s, %{speed_download} bytes/s\n' "$BASE/downloads/$FILE_ID"
rm -f "$WORK/film.bin"
curl -s -b "$JAR_COOKIES" -o /dev/null -w 'full download: %{time_total} s, %{speed_download} bytes/s\n' \
  "$BASE/downloads/$FILE_ID"
DOWNLOADED_SHA=$(sha256sum "$WORK/out.bin" | cut -c1-64)

echo "== results"
echo "peak heap used: $(sort -n "$WORK/heap" | tail -1) KB (max heap $HEAP)"
echo "RSS: $(sort -n "$WORK/rss" | head -1)..$(sort -n "$WORK/rss" | tail -1) KB"
echo "source     sha256 $SOURCE_SHA"
echo "stored     sha256 $STORED_SHA"
echo "downloaded sha256 $DOWNLOADED_SHA"
[ "$SOURCE_SHA" = "$STORED_SHA" ] && [ "$SOURCE_SHA" = "$DOWNLOADED_SHA" ] && echo "OK: all three match" \
  || { echo "MISMATCH"; exit 1; }
