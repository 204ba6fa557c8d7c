#!/usr/bin/env bash
# Rebuilds the README's gallery: the first two pages of one worksheet in every shipped layout.
set -euo pipefail
cd "$(dirname "$0")/../.."
for layout in standard compact large-print one-per-page; do
  rm -rf "docs/gallery/$layout"
  worksheet preview worksheets/upper-back-trigger-points.yaml --layout "$layout" --pages 1-2 --dpi 40 \
    --png "docs/gallery/$layout"
done
