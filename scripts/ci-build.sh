#!/usr/bin/env bash
# Build the site the way the GitHub Pages workflow does.
#
# Usage: scripts/ci-build.sh [BASE_PATH] [extra `gekkan build` options...]
#
# BASE_PATH is the path the site is served under, in the form the
# actions/configure-pages `base_path` output uses: "/gekkan" for a project
# site at https://OWNER.github.io/gekkan/, or "" for a user/organisation site
# or a custom domain. A trailing slash is allowed. It is normalised to the
# `--base` form the generator expects: leading and trailing slash, "/" for
# the root. If the argument is omitted, $PAGES_BASE_PATH is used.
#
# Examples (run from anywhere):
#   scripts/ci-build.sh /gekkan       # -> npm run build -- --base /gekkan/
#   scripts/ci-build.sh ""            # -> npm run build -- --base /
#   scripts/ci-build.sh /news/ --drafts
#
# Exit status is that of the build: 0 ok, 1 content errors, 2 usage error,
# anything else a generator bug.
set -euo pipefail

if [ "$#" -gt 0 ]; then
  raw="$1"
  shift
else
  raw="${PAGES_BASE_PATH:-}"
fi

case "$raw" in
  *://*)
    echo "ci-build: expected a path such as /gekkan, got a URL: $raw" >&2
    exit 2
    ;;
esac

# Strip trailing slashes, then ensure exactly one leading and one trailing.
base="$raw"
while [ "${base%/}" != "$base" ]; do base="${base%/}"; done
case "$base" in
  "") base="/" ;;
  /*) base="$base/" ;;
  *) base="/$base/" ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# PAGES_BASE_URL (configure-pages' base_url) makes feeds and canonical
# links absolute on the real host instead of the config's placeholder URL.
url_args=()
if [ -n "${PAGES_BASE_URL:-}" ]; then
  url_args=(--url "${PAGES_BASE_URL%/}/")
fi

echo "ci-build: building with --base $base ${url_args[*]:-}" >&2
exec npm run build -- --base "$base" "${url_args[@]}" "$@"
