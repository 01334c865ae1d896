#!/usr/bin/env bash
# Draws Unknot's icon with ImageMagick: two linked loops, a knot coming undone, on the "prepare" blue. Run from anywhere;
# writes assets/icon.png (256 px, for the .desktop file) and assets/icon.bmp (64 px, the
# window icon, as SDL reads BMP without extra libraries).
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#56B4E9' -draw 'roundrectangle 8,8 247,247 56,56' \
  -fill none -stroke '#111111' -strokewidth 20 \
  -draw 'ellipse 104,128 56,74 0,360' \
  -draw 'ellipse 152,128 56,74 0,360' \
  icon.png
convert icon.png -resize 64x64 -background '#56B4E9' -flatten BMP3:icon.bmp
