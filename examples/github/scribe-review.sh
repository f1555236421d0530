#!/usr/bin/env bash
# The pull-request steps of examples/github/schema-scribe.yml, as one script so they run the same in CI and in
# the tests (tests/site/test_ci_recipe.py): build the site, compare it with the published one, post the
# comparison as one pull-request comment (updated on every push, never a new one per push), and run check.
#
# Usage: scribe-review.sh BASE
#   BASE: the published site's catalog.json: a file, or an https:// URL; when it cannot be had (the first
#         pull request, before anything was published), the comment says so and the diff is skipped.
# Environment: SCRIBE (the scribe-build command, default scribe-build), OUT (the site folder, default _site),
#   and for the comment GITHUB_TOKEN, GITHUB_REPOSITORY and PR_NUMBER; without a token the report is only
#   written to $OUT/../scribe-review.md.
# Exits with check's status: 0 clean, 1 when an error rule fails, 2 when it could not run.
set -uo pipefail
scribe=${SCRIBE:-scribe-build}
out=${OUT:-_site}
base=${1:?give the published catalog.json (a file or URL)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$(dirname "$out")/scribe-review.md"
marker="<!-- schema-scribe-review -->"

"$scribe" build --output "$out" || exit 2

case "$base" in
  http://*|https://*) curl -fsSL "$base" -o "$work/base.json" 2>/dev/null || rm -f "$work/base.json" ;;
  *) [ -f "$base" ] && cp "$base" "$work/base.json" ;;
esac
{
  echo "$marker"
  if [ -f "$work/base.json" ]; then
    "$scribe" diff "$work/base.json" "$out/catalog.json" || echo "_The comparison could not be made; see the job's log._"
  else
    echo "## Documentation changes"
    echo
    echo "No published catalog.json to compare with yet (\`$base\`); the next pull request after a publish will show one."
  fi
} > "$report"

# One comment per pull request: the one carrying the marker is edited, or else one is created.
if [ -n "${GITHUB_TOKEN:-}" ] && [ -n "${PR_NUMBER:-}" ]; then
  repo=${GITHUB_REPOSITORY:?}
  existing=$(gh api "repos/$repo/issues/$PR_NUMBER/comments" --paginate \
    --jq "map(select(.body | startswith(\"$marker\"))) | .[0].id // empty")
  if [ -n "$existing" ]; then
    gh api --method PATCH "repos/$repo/issues/comments/$existing" -F "body=@$report" >/dev/null
  else
    gh api --method POST "repos/$repo/issues/$PR_NUMBER/comments" -F "body=@$report" >/dev/null
  fi
fi

"$scribe" check --format github
