#!/usr/bin/env bash
# Deletes the published Lambda versions of a stack that nothing needs any more. Every `pulumi up` that changes a function
# publishes a new version and nothing deletes the old ones, while each keeps a copy of the package against Lambda's code
# storage quota (75 GB per region by default).
# For each function of the stack this keeps the version the `live` alias points at, the version published before it
# (the one to roll back to) and anything newer than the alias (a publish still in progress or one that failed), and
# deletes every older numbered version.
#
# Usage: scripts/prune-lambda-versions.sh <stack> [--dry-run]
# Needs: pulumi (logged in to the stack's backend), aws CLI v2 with credentials for the stack's account and region, jq.
set -euo pipefail

stack="${1:?usage: scripts/prune-lambda-versions.sh <stack> [--dry-run]}"
dry_run=false
if [[ "${2:-}" == "--dry-run" ]]; then
  dry_run=true
fi

alias_name=live
region="$(pulumi config get aws:region --stack "$stack")"

for function in $(pulumi stack output functions --json --stack "$stack" | jq -r '.[]'); do
  live="$(aws lambda get-alias --region "$region" --function-name "$function" --name "$alias_name" --query FunctionVersion --output text)"
  # Numbered versions only ($LATEST is not a version), oldest first; the CLI follows the pagination itself.
  versions="$(aws lambda list-versions-by-function --region "$region" --function-name "$function" \
    --query 'Versions[?Version!=`$LATEST`].Version' --output text | tr '\t' '\n' | sort -n)"
  previous="$(awk -v live="$live" '$1 < live' <<<"$versions" | tail -n 1)"
  keep_from="${previous:-$live}"

  echo "$function: alias $alias_name -> $live; keeping $keep_from and newer"
  for version in $versions; do
    if (( version < keep_from )); then
      if $dry_run; then
        echo "  would delete version $version"
      else
        echo "  deleting version $version"
        aws lambda delete-function --region "$region" --function-name "$function" --qualifier "$version"
      fi
    fi
  done
done
