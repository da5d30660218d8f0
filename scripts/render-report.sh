#!/usr/bin/env bash
# Renders a report.html to a PNG in headless Chromium, to see the page as a reader does (and
# for the picture in docs/). Installs Debian's chromium if it is missing.
#
#   scripts/render-report.sh REPORT.html OUT.png [WIDTH] [HEIGHT]
#
# WIDTH x HEIGHT is the browser window (default 1200 x 3000); Chromium's screenshot is the
# window, so HEIGHT should reach past the page's end. With ImageMagick installed, the empty
# space below the page is trimmed and the colours are reduced to a palette, which keeps the
# PNG small; without it the screenshot is kept as it is.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH] [HEIGHT]" >&2
  exit 2
fi
html=$1
png=$2
width=${3:-1200}
height=${4:-3000}
[ -f "$html" ] || { echo "$0: $html: no such file" >&2; exit 2; }

if ! command -v chromium >/dev/null 2>&1; then
  (apt-get install -y -qq chromium || { apt-get update -qq && apt-get install -y -qq chromium; }) >/dev/null 2>&1 ||
    sudo sh -c 'apt-get update -qq && apt-get install -y -qq chromium' >/dev/null
fi

url="file://$(realpath "$html")"
out=$(realpath -m "$png")
mkdir -p "$(dirname "$out")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# A fresh profile and no network: the page must render from itself alone.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$profile" --no-first-run --disable-extensions --proxy-server=127.0.0.1:9 \
  --window-size="$width,$height" --screenshot="$out" "$url" >/dev/null 2>&1

if convert -version 2>/dev/null | grep -q "^Version: ImageMagick"; then
  # Trim the white below the page (keeping a margin), then an 8-bit palette.
  convert "$out" -background white -gravity south -splice 0x1 -trim +repage \
    -gravity south -background white -extent "${width}x%[fx:h+24]" \
    -colors 128 -define png:compression-level=9 "PNG8:$out" 2>/dev/null ||
    convert "$out" -trim +repage -bordercolor white -border 0x12 -colors 128 "PNG8:$out"
fi
echo "$out"
