#!/usr/bin/env bash
# Watching online through the app: packaging speed of a generated 10-minute 1080p H.264 film (remux) and of an MPEG-4
# Part 2 clip (the x264 ladder), the heap while packaging, and the time from pressing play to the first frame in
# Chromium. Runs io.reelgate.library.WatchBenchmark on the test classpath; see bench/README.md.
# Settings (environment): BENCH_SECONDS (film length, default 600), BENCH_GOP_SECONDS (keyframe interval, 4),
# LADDER_SECONDS (the ladder clip, 30; 0 skips it), BENCH_RUNS (first-frame runs, 10), HEAP (512m),
# KEEP=dir (keep the generated sources there and reuse them).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ffmpeg >/dev/null || { echo "needs ffmpeg (apt-get install ffmpeg)" >&2; exit 1; }
[ -x /usr/bin/chromium-headless-shell ] || [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] \
  || { echo "needs chromium (apt-get install chromium-headless-shell)" >&2; exit 1; }

# JDK 25 when present (the app's requests then run on virtual threads, as in production), else java on the PATH.
JAVA=java
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  JAVA=$JAVA_HOME/bin/java
fi
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
# The same opens as the jar's manifest, so uploads hash as in production.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$JAVA" -Xmx"${HEAP:-512m}" \
    --add-opens java.base/sun.security.provider=ALL-UNNAMED --add-opens java.base/java.security=ALL-UNNAMED \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.reelgate.library.WatchBenchmark
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
