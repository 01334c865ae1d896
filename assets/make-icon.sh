#!/usr/bin/env bash
# Draws Unknot's icon: two linked loops, a knot coming undone, on the "prepare" blue.
# Writes, reproducibly:
#   assets/icons/unknot.svg           the scalable icon (hicolor/scalable)
#   assets/icons/unknot-N.png         N = 16 32 48 64 128 256 (hicolor/NxN), rendered from the SVG
#   assets/icon.bmp                   64 px, the window icon (SDL reads BMP without extra libraries)
# Needs ImageMagick (convert) and librsvg2-bin (rsvg-convert).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p icons
cat > icons/unknot.svg <<'SVG'
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Unknot</title>
  <rect x="8" y="8" width="240" height="240" rx="56" ry="56" fill="#56B4E9"/>
  <g fill="none" stroke="#111111" stroke-width="20">
    <ellipse cx="104" cy="128" rx="56" ry="74"/>
    <ellipse cx="152" cy="128" rx="56" ry="74"/>
  </g>
</svg>
SVG
for n in 16 32 48 64 128 256; do
  rsvg-convert -w "$n" -h "$n" icons/unknot.svg -o "icons/unknot-$n.png.tmp"
  # Strip time stamps and other chunks that would make every run's file differ.
  convert "icons/unknot-$n.png.tmp" -strip -define png:exclude-chunks=date,time "icons/unknot-$n.png"
  rm "icons/unknot-$n.png.tmp"
done
convert icons/unknot-64.png -background '#56B4E9' -flatten BMP3:icon.bmp
ls -1 icons icon.bmp
