#!/usr/bin/env bash
# Publishes every function as the one Native AOT executable `bootstrap` for Lambda's provided.al2023 runtime (x86_64):
#   scripts/publish-functions.sh [OUT]      (OUT defaults to artifacts/functions)
# OUT then holds only `bootstrap`, ready to zip as the functions' package; its symbols (bootstrap.dbg) go to
# OUT-symbols, outside the package. Every trim/AOT/ILC warning fails the publish (see the project file).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-artifacts/functions}
symbols="${out%/}-symbols"
rm -rf "$out" "$symbols"
dotnet publish OrderProcessing.Functions.Bootstrap/OrderProcessing.Functions.Bootstrap.csproj -c Release -r linux-x64 -o "$out" -nologo
mkdir -p "$symbols"
if [[ -f "$out/bootstrap.dbg" ]]; then
  mv "$out/bootstrap.dbg" "$symbols/"
fi
# Nothing but the executable belongs in the package.
find "$out" -mindepth 1 ! -name bootstrap -exec rm -rf {} +
echo "publish-functions: $out/bootstrap ($(stat -c %s "$out/bootstrap") bytes); symbols in $symbols"
