#!/usr/bin/env bash
# Installs what the tests and the local host need that is not a NuGet package:
# Debian's qpdf, poppler-utils, chromium and graphviz (when run as root and missing) and the npm test servers from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v qpdf >/dev/null || need+=(qpdf)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
command -v dot >/dev/null || need+=(graphviz)
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "setup: installing ${need[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: missing ${need[*]}; install them (Debian: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: Node.js and npm are required to run the DynamoDB (dynalite) and S3 (s3rver) test servers; install Node.js 20 or later" >&2
  exit 1
fi
if [[ -f tests/package-lock.json ]]; then
  if [[ ! -d tests/node_modules ]] || [[ tests/package-lock.json -nt tests/node_modules ]]; then
    echo "setup: installing test servers from tests/package-lock.json"
    npm ci --prefix tests --no-audit --no-fund --loglevel=error
  fi
fi
