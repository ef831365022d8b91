#!/usr/bin/env bash
# Uploads a built Folio site to S3 (served through CloudFront with
# deploy/cloudfront/viewer-request.js), each kind of file with its Cache-Control:
#
#   deploy/s3/upload.sh DIST s3://bucket[/prefix] [--delete] [other aws s3 sync flags, e.g. --dryrun]
#
# - content-hashed files (Trunk's name-<hash>.js/.css/.wasm/.svg, search/d-, p-, t-<hash>): a
#   year, immutable; they go first, so a page never names a file not uploaded yet;
# - files/ (images beside the posts, which keep their names): a day;
# - everything else (HTML, manifest.json, bodies/, search/index.bin, feeds): revalidated.
# The .br/.gz copies stay local (S3 cannot choose by Accept-Encoding; turn on CloudFront's own
# compression instead) and so does _headers (Netlify and Cloudflare Pages only). --delete removes
# files of earlier builds last, once the new pages are up. Needs the AWS CLI (aws) and credentials.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
dist="${1%/}"
dest="${2%/}"
shift 2
delete=0
extra=()
for arg in "$@"; do
    if [ "$arg" = --delete ]; then delete=1; else extra+=("$arg"); fi
done
[ -f "$dist/index.html" ] && [ -f "$dist/manifest.json" ] || {
    echo "error: $dist is not a built Folio site (index.html + manifest.json)" >&2
    exit 2
}

hex='[0-9a-f]'
hash="$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex$hex"
immutable='public, max-age=31536000, immutable'
# The hashed files, as aws s3 sync filters (fnmatch patterns on the path inside DIST). Trunk's hash
# is a u64 in hex without leading zeros: 10 to 16 digits, in practice.
hashed=("search/d-$hash.bin" "search/p-$hash.bin" "search/t-$hash/*")
trunk_hash="$hex$hex$hex$hex$hex$hex$hex$hex$hex"
for _ in 10 11 12 13 14 15 16; do
    trunk_hash="$trunk_hash$hex"
    hashed+=("*-$trunk_hash.js" "*-$trunk_hash.css" "*-$trunk_hash.svg" "*-${trunk_hash}_bg.wasm")
done
local_only=(--exclude '*.br' --exclude '*.gz' --exclude '_headers')

only() { local p args=(--exclude '*'); for p in "$@"; do args+=(--include "$p"); done; printf '%s\n' "${args[@]}"; }
except() { local p args=(); for p in "$@"; do args+=(--exclude "$p"); done; printf '%s\n' "${args[@]}"; }
sync() { aws s3 sync "$dist" "$dest" "$@" "${local_only[@]}" ${extra[@]+"${extra[@]}"}; }

mapfile -t hashed_js_css < <(only "${hashed[@]}")
mapfile -t not_wasm < <(except '*.wasm' 'files/*')
mapfile -t wasm < <(only '*_bg.wasm')
mapfile -t files < <(only 'files/*')
mapfile -t rest < <(except "${hashed[@]}" 'files/*')

sync "${hashed_js_css[@]}" "${not_wasm[@]}" --cache-control "$immutable"
# Older Pythons' mimetypes (which the AWS CLI asks) do not know .wasm.
sync "${wasm[@]}" --cache-control "$immutable" --content-type application/wasm
sync "${files[@]}" --cache-control 'public, max-age=86400'
sync "${rest[@]}" --cache-control 'public, max-age=0, must-revalidate'
if [ "$delete" = 1 ]; then
    sync --delete
fi
