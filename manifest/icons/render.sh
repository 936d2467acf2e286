#!/usr/bin/env bash
# Renders the Teams app icons from their SVG sources into manifest/ (the PNGs are committed; run this after editing an SVG).
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin; made with librsvg 2.54.7). Output is 8-bit RGBA PNG.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rsvg-convert --width 192 --height 192 --format png --output "$here/../color.png" "$here/color.svg"
rsvg-convert --width 32 --height 32 --format png --output "$here/../outline.png" "$here/outline.svg"
