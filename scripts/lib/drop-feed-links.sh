#!/bin/sh
# Feed autodiscovery: index.html names atom.xml and rss.xml (relative to <base href>, so sub-path
# deploys work). The pipeline writes them only when the site has a base URL; without one, the
# links go rather than point feed readers at missing files. The pattern matches the tag both as
# written and as Trunk's minifier writes it (unquoted attribute values).
#
#   sh scripts/lib/drop-feed-links.sh DIR   # DIR holds index.html and the pipeline's output
#
# Used by scripts/trunk-post-build (a build with the content inside Trunk) and by scripts/build
# (the content added to a cached app build), so both give the same index.html.
set -eu
dir="${1:?usage: drop-feed-links.sh DIR}"
for feed in atom.xml rss.xml; do
  if [ ! -f "$dir/$feed" ]; then
    html="$dir/index.html"
    name="$(printf '%s' "$feed" | sed 's/\./\\./g')"
    sed -E "s#<link[^>]*href=\"?$name\"?([ /][^>]*)?>##" "$html" > "$html.tmp"
    mv "$html.tmp" "$html"
  fi
done
