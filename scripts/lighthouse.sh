#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, pinned in tests/package.json) on the shop page, mobile profile, in Debian's Chromium:
# starts the local host on a free loopback port, audits the page signed out and signed in as a customer
# (tests/lighthouse/audit.mjs), writes the summary to <out>/lighthouse.json and the full reports to
# artifacts/lighthouse/, and prints the scores. Fails when a page scores under 95 in a category or shifts its layout by
# 0.1 or more (issue 14 item 8), unless --no-check.
#
# usage: scripts/lighthouse.sh [--out DIR] [--no-check]
#   --out DIR    where lighthouse.json goes (default benchmarks/results; scripts/bench.sh passes its scratch folder)
#   --no-check   report only, never fail on the scores
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

out=$root/benchmarks/results
check=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --no-check) check=false; shift ;;
    *) echo "lighthouse: unknown option $1 (use --out DIR, --no-check)" >&2; exit 2 ;;
  esac
done

[[ -x /usr/bin/chromium ]] || { echo "lighthouse: /usr/bin/chromium is missing: run scripts/setup.sh as root, or apt-get install chromium" >&2; exit 1; }
[[ -d tests/node_modules/lighthouse && -d tests/node_modules/puppeteer-core ]] || npm ci --prefix tests --no-audit --no-fund
dotnet build OrderProcessing.Local/OrderProcessing.Local.csproj -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d)
# The host writes its notifications and mail under its working directory: keep them out of the checkout.
(cd "$work" && exec dotnet "$root/OrderProcessing.Local/bin/Release/net10.0/OrderProcessing.Local.dll" --port 0 \
  --notifications-file "$work/notifications.jsonl" >"$work/host.log" 2>&1) &
host=$!
trap 'kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; rm -rf "$work"' EXIT

url=""
for _ in $(seq 1 120); do
  url=$(grep -oE 'Ready at http://127\.0\.0\.1:[0-9]+' "$work/host.log" | head -1 | sed 's/^Ready at //') || true
  [[ -n $url ]] && break
  kill -0 "$host" 2>/dev/null || { cat "$work/host.log" >&2; echo "lighthouse: the host stopped before it was ready" >&2; exit 1; }
  sleep 0.5
done
[[ -n $url ]] || { cat "$work/host.log" >&2; echo "lighthouse: the host was not ready within 60 s" >&2; exit 1; }

mkdir -p "$out" artifacts/lighthouse
node tests/lighthouse/audit.mjs --base "$url/" --reports artifacts/lighthouse >"$work/lighthouse.json"
cp "$work/lighthouse.json" "$out/lighthouse.json"

check_flag=$($check && echo 1 || echo 0)
node -e '
  const summary = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const check = process.argv[2] === "1";
  let failed = false;
  console.log("| page | performance | accessibility | best practices | SEO | CLS | LCP (simulated) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const p of summary.pages) {
    const s = p.scores;
    console.log(`| ${p.page} | ${s.performance} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${p.cumulativeLayoutShift.toFixed(3)} | ${p.largestContentfulPaintMs} ms |`);
    const low = Object.entries(s).filter(([, v]) => v < 95).map(([k, v]) => `${k} ${v}`);
    if (p.cumulativeLayoutShift >= 0.1) low.push(`CLS ${p.cumulativeLayoutShift.toFixed(3)}`);
    if (low.length) { failed = true; console.error(`lighthouse: ${p.page} below target: ${low.join(", ")}; failing audits: ${p.failingAudits.join(", ")}`); }
  }
  process.exit(check && failed ? 1 : 0);
' "$out/lighthouse.json" "$check_flag"
echo "lighthouse: wrote $out/lighthouse.json and artifacts/lighthouse/"
