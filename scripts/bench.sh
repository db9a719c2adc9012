#!/usr/bin/env bash
# Regenerates BENCHMARKS.md, benchmarks/e2e.png and benchmarks/results/*.json on this machine:
#   cold start of the functions' one `bootstrap` program built three ways (Native AOT, plain JIT, ReadyToRun), fresh
#   processes against a Runtime API endpoint with dynalite behind, and artifact sizes; warm handler benchmarks
#   (BenchmarkDotNet) and the warm POST /orders loop under Native AOT against JIT tier 1; end-to-end capacity through
#   the local host (wrk, closed loop, in memory and on dynalite) and POST latency at a fixed offered rate (open loop);
#   a cost sample (dynalite + s3rver) priced per million orders; and the same warm, end-to-end and fixed-rate runs of
#   the baseline commit (the last one before the architecture rework) for the before/after columns.
#   Last, Lighthouse on the shop page (scripts/lighthouse.sh: mobile profile, signed out and signed in), summary in
#   benchmarks/results/lighthouse.json; its scores are recorded in README.md.
# Every target is judged on a ratio measured in the same run (AOT / JIT, after / before), never on an absolute time.
# Before each timed phase the bench waits for a quiet machine (CPU idle from /proc/stat); if it does not come within
# the maximum wait the bench stops and says so, unless --allow-noisy, which measures anyway and marks the report.
#
# usage: scripts/bench.sh [--quick] [--no-baseline] [--report-only] [--allow-noisy]
#   --quick        shorter runs (about 12 minutes instead of about 35): fewer iterations and cold starts, shorter windows
#   --no-baseline  skip the baseline commit (no before/after columns)
#   --report-only  measure nothing: rewrite BENCHMARKS.md and the plot from benchmarks/results/*.json (after editing the
#                  template benchmarks/report/BENCHMARKS.template.md)
#   --allow-noisy  when the machine does not become quiet before a phase, measure anyway and mark the report noisy
# environment: BENCH_BASELINE=<commit> measures another baseline; BENCH_OUT=<dir> moves the scratch folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=full
baseline=${BENCH_BASELINE:-fc4c297}
report_only=false
noisy_flag=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --no-baseline) baseline="" ;;
    --report-only) report_only=true ;;
    --allow-noisy) noisy_flag=(--allow-noisy) ;;
    *) echo "bench: unknown option $arg (use --quick, --no-baseline, --report-only, --allow-noisy)" >&2; exit 2 ;;
  esac
done

if $report_only; then
  dotnet build benchmarks/OrderProcessing.Benchmarks -c Release -v quiet -nologo
  plot=${BENCH_OUT:-$root/artifacts/bench}/plot
  dotnet benchmarks/OrderProcessing.Benchmarks/bin/Release/net10.0/OrderProcessing.Benchmarks.dll report \
    --results benchmarks/results --template benchmarks/report/BENCHMARKS.template.md --out BENCHMARKS.md --plot-data "$plot"
  gnuplot -e "memory='$plot/e2e-memory.dat'; dynalite='$plot/e2e-dynalite.dat'; out='benchmarks/e2e.png'" benchmarks/report/e2e.gnuplot
  echo "bench: rewrote BENCHMARKS.md and benchmarks/e2e.png from benchmarks/results/"
  exit 0
fi

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
out=${BENCH_OUT:-$root/artifacts/bench}
results=$out/results
rm -rf "$results" "$out/logs"
mkdir -p "$results" "$out/logs"

# The "start" load reading comes before the bench's own build, so it shows what else the machine was doing (the
# runner is not built yet: read /proc/loadavg here, in the same JSON shape the runner appends to).
read -r l1 l5 l15 _ </proc/loadavg
printf '[{"phase":"start (before the build)","at":"%s","load1":%s,"load5":%s,"load15":%s}]\n' "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" "$l1" "$l5" "$l15" >"$results/load.json"

# --- tools --------------------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
command -v zip >/dev/null || need+=(zip)
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing ${need[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "bench: missing ${need[*]}; install them (Debian: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi
if ! command -v node >/dev/null; then
  echo "bench: Node.js is required for dynalite and s3rver (the test servers of tests/package.json)" >&2
  exit 1
fi
if [[ ! -d tests/node_modules ]] || [[ tests/package-lock.json -nt tests/node_modules ]]; then
  echo "bench: installing the test servers from tests/package-lock.json"
  npm ci --prefix tests --no-audit --no-fund --loglevel=error
fi

# --- build ----------------------------------------------------------------------------------------------------------
echo "bench: building"
dotnet build benchmarks/OrderProcessing.Benchmarks -c Release -v quiet -nologo
dotnet build OrderProcessing.Local -c Release -v quiet -nologo
# The same bootstrap program three ways: Native AOT as deployed (the one publish script), then framework-dependent
# JIT and ReadyToRun builds of it; each folder is zipped beside it (FOLDER.zip) as Lambda's package would be.
rm -rf "$out"/publish-aot "$out"/publish-jit "$out"/publish-r2r "$out"/publish-*.zip "$out"/warmloop-*
scripts/publish-functions.sh "$out/publish-aot" >/dev/null
bootstrap_project=OrderProcessing.Functions.Bootstrap
dotnet publish "$bootstrap_project" -c Release -r linux-x64 --self-contained false -p:PublishAot=false -v quiet -nologo -o "$out/publish-jit"
dotnet publish "$bootstrap_project" -c Release -r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -v quiet -nologo -o "$out/publish-r2r"
for build in aot jit r2r; do
  rm -f "$out/publish-$build"/*.dbg # symbols stay outside the package
  (cd "$out/publish-$build" && zip -qr9 "../publish-$build.zip" .)
done
# The warm loop, published the same two ways.
dotnet publish benchmarks/OrderProcessing.WarmLoop -c Release -r linux-x64 -v quiet -nologo -o "$out/warmloop-aot"
dotnet publish benchmarks/OrderProcessing.WarmLoop -c Release -r linux-x64 --self-contained false -p:PublishAot=false -v quiet -nologo -o "$out/warmloop-jit"

runner=(dotnet "$root/benchmarks/OrderProcessing.Benchmarks/bin/Release/net10.0/OrderProcessing.Benchmarks.dll")
host="$root/OrderProcessing.Local/bin/Release/net10.0/OrderProcessing.Local.dll"
load() { "${runner[@]}" load --phase "$1" --out "$results/load.json"; }
quiet() { "${runner[@]}" quiet --phase "$1" --out "$results/load.json" "${noisy_flag[@]}" || exit 3; }

# The baseline: the last commit before the architecture rework, built from its own sources with its own benchmark
# projects (today's read projects the baseline does not have: the topology, the transport, the dev tools), so before and
# after run the same measurements in the same session. A baseline without a harness of its own gets today's overlaid.
base_runner=() base_host=""
if [[ -n $baseline ]]; then
  echo "bench: building baseline $baseline"
  base_src=$out/baseline-src
  rm -rf "$base_src"
  mkdir -p "$base_src"
  git archive "$baseline" | tar -x -C "$base_src"
  if [[ ! -d $base_src/benchmarks/OrderProcessing.Benchmarks ]]; then
    cp -r benchmarks "$base_src/benchmarks"
    rm -rf "$base_src"/benchmarks/*/bin "$base_src"/benchmarks/*/obj
  fi
  dotnet build "$base_src/benchmarks/OrderProcessing.Benchmarks" -c Release -v quiet -nologo
  dotnet build "$base_src/OrderProcessing.Local" -c Release -v quiet -nologo
  base_runner=(dotnet "$base_src/benchmarks/OrderProcessing.Benchmarks/bin/Release/net10.0/OrderProcessing.Benchmarks.dll")
  base_host="$base_src/OrderProcessing.Local/bin/Release/net10.0/OrderProcessing.Local.dll"
  baseline=$(git rev-parse --short "$baseline")
fi

# --- local servers: dynalite and s3rver on free loopback ports, stopped on exit --------------------------------------
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_for() { # file, text
  for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "bench: server did not start; see $1" >&2; cat "$1" >&2; exit 1
}
dynalite_port=$("${runner[@]}" free-port)
node tests/node_modules/dynalite/cli.js --host 127.0.0.1 --port "$dynalite_port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >"$out/logs/dynalite.log" 2>&1 &
pids+=($!)
s3_port=$("${runner[@]}" free-port)
s3_dir=$(mktemp -d)
node tests/node_modules/s3rver/bin/s3rver.js --directory "$s3_dir" --address 127.0.0.1 --port "$s3_port" >"$out/logs/s3rver.log" 2>&1 &
pids+=($!)
wait_for "$out/logs/dynalite.log" "listening at"
wait_for "$out/logs/s3rver.log" "listening on"
dynamodb=http://127.0.0.1:$dynalite_port
s3=http://127.0.0.1:$s3_port

# Fixed offered rates for latency: well below capacity on this machine even when loaded (in memory the host completes
# over 800 orders/s, on dynalite its pipeline about 80/s), so the numbers are latency, not queueing.
memory_rate=200 dynalite_rate=40
if [[ $mode == quick ]]; then
  cold_runs=5 cost_orders=30 window=5 warmup=8 memory_levels=1,16,64 dynalite_levels=16
  warm_flag=(--quick) loop_rounds=3 rate_window=10
else
  cold_runs=20 cost_orders=200 window=20 warmup=10 memory_levels=1,16,64 dynalite_levels=1,16,64
  warm_flag=() loop_rounds=7 rate_window=40
fi

# --- measurements ----------------------------------------------------------------------------------------------------
"${runner[@]}" sizes --aot "$out/publish-aot" --jit "$out/publish-jit" --r2r "$out/publish-r2r" --out "$results/sizes.json"
quiet "cold start"
echo "bench: cold start ($cold_runs fresh processes per build and function)"
"${runner[@]}" coldstart --dynamodb "$dynamodb" --aot "$out/publish-aot" --jit "$out/publish-jit" --r2r "$out/publish-r2r" \
  --runs "$cold_runs" --out "$results/coldstart.json"
load "after cold start"

quiet "warm loop (Native AOT / JIT)"
echo "bench: warm POST /orders loop, Native AOT against JIT tier 1 ($loop_rounds processes each)"
"${runner[@]}" warm-loop --aot "$out/warmloop-aot/OrderProcessing.WarmLoop" --jit "$out/warmloop-jit/OrderProcessing.WarmLoop" --rounds "$loop_rounds" --out "$results/warm-loop.json"
load "after warm loop"

quiet "warm benchmarks"
echo "bench: warm handler benchmarks"
"${runner[@]}" warm "${warm_flag[@]}" --out "$results/warm.json" >"$out/logs/warm.log" 2>&1 || { tail -50 "$out/logs/warm.log"; exit 1; }
if ((${#base_runner[@]})); then
  "${base_runner[@]}" warm "${warm_flag[@]}" --out "$results/warm-before.json" >"$out/logs/warm-before.log" 2>&1 || { tail -50 "$out/logs/warm-before.log"; exit 1; }
fi
load "after warm benchmarks"

quiet "end to end (capacity)"
echo "bench: end to end through the local host (capacity, closed loop)"
"${runner[@]}" e2e --host "$host" --wrk-script "$root/benchmarks/load/post-orders.lua" --logs "$out/logs/e2e" --out "$results/e2e-memory.json" \
  --storage memory --concurrency "$memory_levels" --seconds "$window" --warmup "$warmup" --paused-levels 16 --mail-paused-levels 16
load "after end to end (in memory)"
"${runner[@]}" e2e --host "$host" --wrk-script "$root/benchmarks/load/post-orders.lua" --logs "$out/logs/e2e" --out "$results/e2e-dynalite.json" \
  --storage dynalite --concurrency "$dynalite_levels" --seconds "$window" --warmup "$warmup" --products 200 --dynamodb "$dynamodb" --s3 "$s3"
load "after end to end (dynalite)"
if [[ -n $base_host ]]; then
  "${base_runner[@]}" e2e --host "$base_host" --wrk-script "$root/benchmarks/load/post-orders.lua" --logs "$out/logs/e2e-before" --out "$results/e2e-before.json" \
    --storage memory --concurrency "$memory_levels" --seconds "$window" --warmup "$warmup"
  load "after end to end (baseline, in memory)"
fi

echo "bench: POST latency at a fixed offered rate (open loop)"
rate() { # build host storage rate [extra...]
  "${runner[@]}" latency --host "$2" --logs "$out/logs/latency" --out "$results/latency.json" --build "$1" --storage "$3" --rate "$4" \
    --seconds "$rate_window" --warmup "$warmup" "${@:5}"
}
quiet "latency (in memory)"
rate after "$host" memory "$memory_rate"
quiet "latency (dynalite)"
rate after "$host" dynalite "$dynalite_rate" --products 200 --dynamodb "$dynamodb" --s3 "$s3"
if [[ -n $base_host ]]; then
  quiet "latency (baseline, in memory)"
  rate before "$base_host" memory "$memory_rate"
fi
load "after latency"
"${runner[@]}" merge-e2e --inputs "$results/e2e-memory.json,$results/e2e-dynalite.json" --out "$results/e2e.json"
rm "$results/e2e-memory.json" "$results/e2e-dynalite.json"

quiet "cost sample"
echo "bench: cost sample ($cost_orders orders against dynalite and s3rver)"
"${runner[@]}" cost --dynamodb "$dynamodb" --s3 "$s3" --orders "$cost_orders" --out "$results/cost.json"

quiet "lighthouse"
echo "bench: Lighthouse on the shop page (mobile profile, signed out and signed in)"
scripts/lighthouse.sh --out "$results" --no-check
load "end"

# --- report ----------------------------------------------------------------------------------------------------------
baseline_arg=()
[[ -n $baseline ]] && baseline_arg=(--baseline "$baseline")
"${runner[@]}" run-info --mode "$mode" --commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!BENCHMARKS.md' ':!benchmarks/results' ':!benchmarks/e2e.png' || echo '+uncommitted')" \
  "${baseline_arg[@]}" --started "$started" --out "$results/run.json"
"${runner[@]}" report --results "$results" --template benchmarks/report/BENCHMARKS.template.md --out BENCHMARKS.md --plot-data "$out/plot"
gnuplot -e "memory='$out/plot/e2e-memory.dat'; dynalite='$out/plot/e2e-dynalite.dat'; out='benchmarks/e2e.png'" benchmarks/report/e2e.gnuplot
rm -rf benchmarks/results
mkdir -p benchmarks/results
cp "$results"/*.json benchmarks/results/
rm -rf "$s3_dir"
echo "bench: wrote BENCHMARKS.md, benchmarks/e2e.png and benchmarks/results/ ($mode mode)"
