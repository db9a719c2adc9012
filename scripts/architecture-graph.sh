#!/usr/bin/env bash
# Draws the system's architecture from the topology itself (tools/OrderProcessing.Diagrams prints what
# OrderProcessing.Infra.Plan's ArchitectureGraph makes of SystemTopology and StorageSchema), so the picture in README
# cannot drift: a new function, queue or table appears by itself. A test (ArchitectureGraphTests) fails on a stale file.
#
# usage: scripts/architecture-graph.sh           rewrite docs/architecture.dot and docs/architecture.svg
#        scripts/architecture-graph.sh --check   fail when docs/architecture.dot differs from what the topology says
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  *) echo "architecture-graph: unknown option $1 (use --check)" >&2; exit 2 ;;
esac

graph=$(mktemp)
trap 'rm -f "$graph"' EXIT
dotnet run --project tools/OrderProcessing.Diagrams -c Release >"$graph"

if $check; then
  if ! diff -u docs/architecture.dot "$graph"; then
    echo "architecture-graph: docs/architecture.dot is out of date with the topology; run scripts/architecture-graph.sh" >&2
    exit 1
  fi
  echo "architecture-graph: docs/architecture.dot matches the topology"
  exit 0
fi

mkdir -p docs
cp "$graph" docs/architecture.dot
if ! command -v dot >/dev/null; then
  echo "architecture-graph: graphviz is missing (Debian: apt-get install graphviz; scripts/setup.sh installs it)" >&2
  exit 1
fi
dot -Tsvg docs/architecture.dot -o docs/architecture.svg
echo "architecture-graph: wrote docs/architecture.dot and docs/architecture.svg"
