#!/usr/bin/env bash
# Uploads files of random bytes through the tus endpoint (one PATCH each, streamed by curl) to the packaged app
# running with a small heap, and compares each with a plain `cp` + `sync` of the same file to the same disk.
# Prints throughput, the ratio to cp, the app's peak RSS during each upload, and checks the stored SHA-256.
# Traffic stays on 127.0.0.1. Uses JDK 25 from /usr/lib/jvm/temurin-25-jdk-amd64 when present (JAVA=... to choose),
# else `java` on the PATH.
#
#   bench/tus-upload.sh [sizes-in-MiB] [heap]      defaults: "1024 4096" 256m
set -euo pipefail

SIZES=${1:-1024 4096}
HEAP=${2:-256m}
if [ -z "${JAVA:-}" ]; then
  JAVA=java
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
PORT=18283
PG_PORT=54583
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${BENCH_DIR:-/tmp}/reelgate-tus-bench.XXXXXX")"
BASE="http://127.0.0.1:$PORT"
COOKIES="$WORK/cookies"
APP_PID=""
SAMPLER_PID=""

cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
meta_csrf() { grep -o 'name="csrf-token" content="[^"]*"' | head -1 | sed 's/.*content="//; s/"$//'; }
now() { date +%s.%N; }

echo "== building the jar"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
JAR=$(ls "$ROOT"/target/reelgate-*.jar | grep -v plain | head -1)

echo "== starting the app on $("$JAVA" -version 2>&1 | head -1) with -Xmx$HEAP"
"$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port=$PORT --reelgate.embedded-postgres.port=$PG_PORT \
  --reelgate.embedded-postgres.data-directory="$WORK/pg" --reelgate.storage.filesystem-root="$WORK/files" \
  --reelgate.uploads.staging-directory="$WORK/staging" ${APP_ARGS:-} > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done
grep -o 'Uploads are hashed with.*' "$WORK/app.log" | head -1 || echo "(the digest engine was not logged)"

# RSS in KB every 0.2 s, appended to whichever file "$WORK/rss-target" names.
echo "$WORK/rss-idle" > "$WORK/rss-target"
(while kill -0 "$APP_PID" 2>/dev/null; do
   ps -o rss= -p "$APP_PID" >> "$(cat "$WORK/rss-target")" 2>/dev/null || true
   sleep 0.2
 done) &
SAMPLER_PID=$!

T=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/signup" | csrf)
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -X POST "$BASE/signup" --data-urlencode "_csrf=$T" \
  -d "email=bench@example.test&displayName=Bench&password=a-long-enough-password&accountType=CREATOR"

RESULTS="$WORK/results"
for SIZE_MIB in $SIZES; do
  echo "== $SIZE_MIB MiB"
  T=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/studio/bundles/new" | csrf)
  EDITOR=$(curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -w '%{redirect_url}' -X POST "$BASE/studio/bundles" \
    --data-urlencode "_csrf=$T" -d "title=Bench $SIZE_MIB&summary=Benchmark&description=")
  BUNDLE=${EDITOR##*/}
  TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$EDITOR" | meta_csrf)

  head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$WORK/film.bin"
  SOURCE_SHA=$(sha256sum "$WORK/film.bin" | cut -c1-64)
  BYTES=$(stat -c %s "$WORK/film.bin")
  sync

  START=$(now)
  cp "$WORK/film.bin" "$WORK/copy.bin" && sync
  CP_S=$(echo "$(now) - $START" | bc -l)
  rm -f "$WORK/copy.bin"
  sync

  echo "$WORK/rss-$SIZE_MIB" > "$WORK/rss-target"
  START=$(now)
  LOCATION=$(curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -D - -X POST "$BASE/studio/uploads" \
    -H "X-CSRF-TOKEN: $TOKEN" -H "Tus-Resumable: 1.0.0" -H "Upload-Length: $BYTES" \
    -H "Upload-Metadata: bundle $(printf %s "$BUNDLE" | base64 -w0),filename $(printf film.mp4 | base64 -w0)" \
    | grep -i '^location:' | tr -d '\r' | cut -d' ' -f2)
  CODE=$(curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -w '%{http_code}' -X PATCH -T "$WORK/film.bin" \
    -H "X-CSRF-TOKEN: $TOKEN" -H "Tus-Resumable: 1.0.0" -H "Upload-Offset: 0" -H "Expect:" \
    -H "Content-Type: application/offset+octet-stream" "$BASE$LOCATION")
  TUS_S=$(echo "$(now) - $START" | bc -l)
  echo "$WORK/rss-idle" > "$WORK/rss-target"

  STORED_SHA=$(curl -s -b "$COOKIES" "$EDITOR" | grep -o 'SHA-256 [0-9a-f]*' | head -1 | cut -d' ' -f2)
  MBS=$(echo "$BYTES / 1000000 / $TUS_S" | bc -l)
  CP_MBS=$(echo "$BYTES / 1000000 / $CP_S" | bc -l)
  RATIO=$(echo "$CP_S / $TUS_S" | bc -l)
  PEAK=$(sort -n "$WORK/rss-$SIZE_MIB" | tail -1)
  printf '%s MiB: PATCH HTTP %s, tus %.1f s (%.0f MB/s), cp+sync %.1f s (%.0f MB/s), ratio %.2f, peak RSS %d MiB, sha %s\n' \
    "$SIZE_MIB" "$CODE" "$TUS_S" "$MBS" "$CP_S" "$CP_MBS" "$RATIO" $((PEAK / 1024)) \
    "$([ "$SOURCE_SHA" = "$STORED_SHA" ] && echo match || echo MISMATCH)" | tee -a "$RESULTS"
  rm -f "$WORK/film.bin"
  [ "$SOURCE_SHA" = "$STORED_SHA" ] || { echo "stored SHA-256 $STORED_SHA differs from $SOURCE_SHA"; exit 1; }
done

echo "== results (-Xmx$HEAP)"
cat "$RESULTS"
