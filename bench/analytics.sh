#!/usr/bin/env bash
# Loads a year of synthetic analytics events (default: 1,000 bundles of 100 creators, 1,000,000 events) into a
# throw-away embedded PostgreSQL, rolls them up and times the studio's dashboard query. See bench/README.md.
# Settings (environment): BENCH_BUNDLES, BENCH_CREATORS, BENCH_EVENTS, BENCH_RUNS (timed queries per case).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.reelgate.analytics.AnalyticsBenchmark
