#!/usr/bin/env bash
# Lighthouse (mobile emulation, Debian's Chromium) on the main pages of a running Reelgate with demo data:
# the storefront, a bundle page, the login page, and, signed in as the demo accounts, a checkout, the library and
# the studio dashboard. Prints the four category scores per page and keeps the JSON reports in $OUT.
# Needs node/npx (Lighthouse is fetched from npm by npx on first use) and /usr/bin/chromium.
#
#   ./mvnw spring-boot:run -Dspring-boot.run.arguments=--reelgate.demo=true    # in another shell
#   bench/lighthouse.sh                      BASE=http://localhost:8080 OUT=target/lighthouse
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
OUT=${OUT:-target/lighthouse}
LIGHTHOUSE=${LIGHTHOUSE:-lighthouse@12.8.2}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
mkdir -p "$OUT"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# Signs in with curl and prints the session cookie header for Lighthouse's --extra-headers.
session() {
  : > "$JAR"
  local token
  token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | csrf)
  curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$token" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" "$BASE/login"
  awk '$6 == "SESSION" { print "SESSION=" $7 }' "$JAR"
}

audit() { # name url [cookie]
  local headers=()
  [ -n "${3:-}" ] && headers=(--extra-headers "{\"Cookie\": \"$3\"}")
  npx --yes "$LIGHTHOUSE" "$2" --quiet --output=json --output-path="$OUT/$1.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" "${headers[@]}" > /dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    console.log(process.argv[2].padEnd(10), ["performance", "accessibility", "best-practices", "seo"]
      .map(k => k + " " + (c[k] && c[k].score != null ? c[k].score.toFixed(2) : "n/a")).join("  "));
  ' "$(readlink -f "$OUT/$1.json")" "$1"
}

BUNDLE=$(curl -s "$BASE/" | grep -o 'href="/bundles/[0-9a-f-]*"' | head -1 | sed 's/href="//; s/"$//')
audit storefront "$BASE/"
audit bundle "$BASE$BUNDLE"
audit login "$BASE/login"

VIEWER=$(session viewer@demo.reelgate.test demo-viewer-pass)
audit library "$BASE/library" "$VIEWER"
# A checkout page: the first paid demo bundle the viewer does not own yet (the simulated gateway's order summary).
for b in $(curl -s "$BASE/" | grep -o 'href="/bundles/[0-9a-f-]*"' | sed 's/href="//; s/"$//' | sort -u); do
  page=$(curl -s -b "$JAR" "$BASE$b")
  if grep -q 'Buy for' <<< "$page"; then
    token=$(csrf <<< "$page")
    order=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR" --data-urlencode "_csrf=$token" "$BASE/checkout/${b#/bundles/}" | sed "s|^$BASE||")
    case "$order" in /checkout/simulated/*) audit checkout "$BASE$order" "$VIEWER"; break ;; esac
  fi
done
audit studio "$BASE/studio" "$(session creator@demo.reelgate.test demo-creator-pass)"
